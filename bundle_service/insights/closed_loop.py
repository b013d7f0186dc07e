"""Ratings (好差评), answer feedback (👍/👎) and 诉求: the closed loop's figures.

The tables belong to the hotline and feedback wings (``docs/closed_loop_api.md``, "Tables"); this module only
reads the columns it needs, described here once.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, case, column, func, select, table
from sqlalchemy.orm import Session

from bundle_service.insights.period import Period
from bundle_service.models.base import UTCDateTime

RATINGS = table("ratings", column("target", String), column("score", Integer), column("created_at", UTCDateTime))
FEEDBACK = table(
    "answer_feedback",
    column("helpful", Boolean),
    column("source_kind", String),
    column("source_id", String),
    column("source_title", String),
    column("updated_at", UTCDateTime),
)
APPEALS = table(
    "appeals",
    column("status", String),
    column("kind", String),
    column("due_date", Date),
    column("created_at", UTCDateTime),
    column("closed_at", UTCDateTime),
)
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
    rows: Sequence[Any] = session.execute(
        select(RATINGS.c.target, RATINGS.c.score, func.count())
        .where(RATINGS.c.created_at >= period.since, RATINGS.c.created_at < period.until)
        .group_by(RATINGS.c.target, RATINGS.c.score)
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
    helpful = func.sum(case((FEEDBACK.c.helpful.is_(True), 1), else_=0))
    total = func.count()
    rows: Sequence[Any] = session.execute(
        select(FEEDBACK.c.source_id, func.max(FEEDBACK.c.source_title), helpful, total)
        .where(
            FEEDBACK.c.source_kind == "faq",
            FEEDBACK.c.source_id.is_not(None),
            FEEDBACK.c.updated_at >= period.since,
            FEEDBACK.c.updated_at < period.until,
        )
        .group_by(FEEDBACK.c.source_id)
        .order_by(total.desc(), FEEDBACK.c.source_id)
        .limit(top)
    ).all()
    return [FaqVotes(str(faq), str(title or faq), int(up or 0), int(n) - int(up or 0)) for faq, title, up, n in rows]


def appeal_figures(session: Session, period: Period, today: date) -> AppealFigures:
    """Open and overdue 诉求 today; received, closed, closed late and the mean time to close in the period."""
    is_open = APPEALS.c.status != CLOSED
    open_count = session.scalar(select(func.count()).select_from(APPEALS).where(is_open)) or 0
    overdue = session.scalar(select(func.count()).select_from(APPEALS).where(is_open, APPEALS.c.due_date < today)) or 0
    received = session.scalar(
        select(func.count())
        .select_from(APPEALS)
        .where(APPEALS.c.created_at >= period.since, APPEALS.c.created_at < period.until)
    )
    closed_rows: Sequence[Any] = session.execute(
        select(APPEALS.c.created_at, APPEALS.c.closed_at, APPEALS.c.due_date).where(
            APPEALS.c.status == CLOSED, APPEALS.c.closed_at >= period.since, APPEALS.c.closed_at < period.until
        )
    ).all()
    durations: list[timedelta] = [closed - created for created, closed, _ in closed_rows]
    late = len([1 for _, closed, due in closed_rows if period.day_of(closed) > due])
    average = round(sum(d.total_seconds() for d in durations) / len(durations) / 86400, 1) if durations else None
    return AppealFigures(int(open_count), int(overdue), int(received or 0), len(closed_rows), late, average)
