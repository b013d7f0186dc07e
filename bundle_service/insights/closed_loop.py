"""Ratings (好差评), answer feedback (👍/👎) and 诉求: the closed loop's figures.

The tables belong to the feedback and hotline wings (``docs/closed_loop_api.md``, "Tables"); this module only
reads them.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Integer, case, cast, func, select
from sqlalchemy.orm import Session

from bundle_service.insights.period import Period
from bundle_service.models import AnswerFeedback, Appeal, Rating

CLOSED = "closed"
SCORES = (1, 2, 3, 4, 5)
TARGET_LABELS = {"application": "办件", "conversation": "对话", "handoff": "人工服务"}
TOP_FAQS = 15


@dataclass(frozen=True)
class Satisfaction:
    """Ratings given in the period.

    Attributes:
        by_score: Count per score 1–5 (all targets).
        by_target: Count per score per target (``application``, ``conversation``, ``handoff``).
        average: Mean score, ``None`` without ratings.
    """

    by_score: dict[int, int]
    by_target: dict[str, dict[int, int]]
    average: float | None


@dataclass(frozen=True)
class FaqVotes:
    """👍/👎 on the answers of one FAQ.

    Attributes:
        faq_id: FAQ id.
        title: Its question (as the answer named it).
        helpful: 👍 votes.
        unhelpful: 👎 votes.
    """

    faq_id: str
    title: str
    helpful: int
    unhelpful: int


@dataclass(frozen=True)
class AppealFigures:
    """诉求 now and over the period.

    Attributes:
        open: Not closed yet (待受理 + 处理中), today.
        overdue: Open ones past their due date, today.
        received: Received in the period.
        closed: Closed in the period.
        closed_late: Closed in the period after their due date.
        average_days_to_close: Mean time from receipt to close of those closed in the period, in days (one
            decimal); ``None`` when none closed.
    """

    open: int
    overdue: int
    received: int
    closed: int
    closed_late: int
    average_days_to_close: float | None


def satisfaction(session: Session, period: Period) -> Satisfaction:
    """Ratings of the period by score, overall and per target."""
    rows = session.execute(
        select(Rating.target, Rating.score, func.count())
        .where(Rating.created_at >= period.since, Rating.created_at < period.until)
        .group_by(Rating.target, Rating.score)
    ).all()
    by_score = dict.fromkeys(SCORES, 0)
    by_target = {target: dict.fromkeys(SCORES, 0) for target in TARGET_LABELS}
    for target, score, count in rows:
        if score in by_score:
            by_score[score] += count
            by_target.setdefault(str(target or "application"), dict.fromkeys(SCORES, 0))[score] += count
    total = sum(by_score.values())
    average = round(sum(s * n for s, n in by_score.items()) / total, 2) if total else None
    return Satisfaction(by_score, by_target, average)


def faq_votes(session: Session, period: Period, top: int = TOP_FAQS) -> list[FaqVotes]:
    """👍/👎 per FAQ of the votes given (or last changed) in the period, most votes first."""
    helpful = cast(func.sum(case((AnswerFeedback.helpful.is_(True), 1), else_=0)), Integer)
    total = func.count()
    rows = session.execute(
        select(AnswerFeedback.source_id, func.max(AnswerFeedback.source_title), helpful, total)
        .where(
            AnswerFeedback.source_kind == "faq",
            AnswerFeedback.source_id.is_not(None),
            AnswerFeedback.updated_at >= period.since,
            AnswerFeedback.updated_at < period.until,
        )
        .group_by(AnswerFeedback.source_id)
        .order_by(total.desc(), AnswerFeedback.source_id)
        .limit(top)
    ).all()
    return [FaqVotes(str(faq), str(title or faq), int(up or 0), int(n) - int(up or 0)) for faq, title, up, n in rows]


def appeal_figures(session: Session, period: Period, today: date) -> AppealFigures:
    """Open and overdue 诉求 today; received, closed, closed late and the mean time to close in the period."""
    is_open = Appeal.status != CLOSED
    open_count = session.scalar(select(func.count()).select_from(Appeal).where(is_open)) or 0
    overdue = session.scalar(select(func.count()).select_from(Appeal).where(is_open, Appeal.due_date < today)) or 0
    received = session.scalar(
        select(func.count())
        .select_from(Appeal)
        .where(Appeal.created_at >= period.since, Appeal.created_at < period.until)
    )
    closed_rows: list[tuple[datetime, datetime, date]] = [
        (created, closed, due)
        for created, closed, due in session.execute(
            select(Appeal.created_at, Appeal.closed_at, Appeal.due_date).where(
                Appeal.status == CLOSED, Appeal.closed_at >= period.since, Appeal.closed_at < period.until
            )
        )
        if closed is not None
    ]
    durations: list[timedelta] = [closed - created for created, closed, _ in closed_rows]
    late = len([1 for _, closed, due in closed_rows if period.day_of(closed) > due])
    average = round(sum(d.total_seconds() for d in durations) / len(durations) / 86400, 1) if durations else None
    return AppealFigures(int(open_count), int(overdue), int(received or 0), len(closed_rows), late, average)
