"""Satisfaction (1–5), 👍/👎 per FAQ and 诉求 figures from the closed loop's tables."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bundle_service.api.deps import Services
from bundle_service.insights.closed_loop import appeal_figures, faq_votes, satisfaction
from bundle_service.insights.period import period_of
from tests.service.insights.seed import add_appeal, add_rating, add_votes

TZ = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 9, 28)
SEPTEMBER = period_of(None, None, TODAY, TZ)


def at(day: int, month: int = 9, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ)


def test_satisfaction_counts_each_score_overall_and_per_target(services: Services) -> None:
    with services.sessions.begin() as session:
        for score in (5, 5, 4, 1):
            add_rating(session, at(21), score)
        add_rating(session, at(22), 2, target="handoff")
        add_rating(session, at(10, month=8), 3)  # before the period
    with services.sessions() as session:
        figures = satisfaction(session, SEPTEMBER)
    assert figures.by_score == {1: 1, 2: 1, 3: 0, 4: 1, 5: 2}
    assert figures.by_target["conversation"] == {1: 1, 2: 0, 3: 0, 4: 1, 5: 2}
    assert figures.by_target["handoff"][2] == 1 and sum(figures.by_target["application"].values()) == 0
    assert figures.average == 3.4
    with services.sessions() as session:
        empty = satisfaction(session, period_of(date(2026, 7, 1), date(2026, 7, 31), TODAY, TZ))
    assert empty.average is None and sum(empty.by_score.values()) == 0


def test_votes_per_faq_most_voted_first(services: Services) -> None:
    with services.sessions.begin() as session:
        add_votes(session, at(21), ("faq-104", "创业担保贷款个人最多贷多少？"), helpful=1, unhelpful=3)
        add_votes(session, at(22), ("faq-201", "一次性创业补贴多少钱？"), helpful=2, unhelpful=0)
        add_votes(session, at(10, month=8), ("faq-201", "一次性创业补贴多少钱？"), helpful=5, unhelpful=0)
    with services.sessions() as session:
        votes = faq_votes(session, SEPTEMBER)
    assert [(v.faq_id, v.helpful, v.unhelpful) for v in votes] == [("faq-104", 1, 3), ("faq-201", 2, 0)]
    assert votes[0].title == "创业担保贷款个人最多贷多少？"


def test_appeals_open_overdue_closed_late_and_average_days_to_close(services: Services) -> None:
    with services.sessions.begin() as session:
        add_appeal(session, "SQ20260918000001", at(18), date(2026, 9, 25))  # open and overdue
        add_appeal(session, "SQ20260925000001", at(25), date(2026, 10, 9))  # open, in time
        add_appeal(session, "SQ20260910000001", at(10), date(2026, 9, 17), closed=at(12))  # 2 days
        add_appeal(session, "SQ20260911000001", at(11), date(2026, 9, 18), closed=at(22))  # 11 days, late
        add_appeal(session, "SQ20260801000001", at(1, month=8), date(2026, 8, 7), closed=at(3, month=8))
    with services.sessions() as session:
        figures = appeal_figures(session, SEPTEMBER, TODAY)
    assert (figures.open, figures.overdue) == (2, 1)
    assert (figures.received, figures.closed, figures.closed_late) == (4, 2, 1)
    assert figures.average_days_to_close == 6.5
