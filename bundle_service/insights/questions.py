"""Questions asked of the knowledge base: answered, offered titles, not found, handed off; the most asked.

Every search is one row of the knowledge wing's ask log (``knowledge_asks``, written by
:meth:`~bundle_service.knowledge.service.KnowledgeBase.search`): ``faq`` and ``answer`` are answered, ``suggest``
offered the nearest titles to pick from, ``not_found`` is refused (nothing good enough, out of scope, another
province). Handed off counts the requests for a person in the period (the handoff queue). The most asked
questions are grouped by the source that answered them: one FAQ or document section however it was worded.
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bundle_service.insights.period import Period
from bundle_service.models import Handoff, KnowledgeAsk

ANSWERED = ("faq", "answer")
TOP = 10


@dataclass(frozen=True)
class Outcomes:
    """What became of the questions of a period.

    Attributes:
        asked: Questions searched.
        answered: Answered from a FAQ or a document.
        suggested: Offered the nearest titles to pick from.
        not_found: Refused: nothing good enough, out of scope, or another region's policy.
        handed_off: Requests for a person (the handoff queue).
    """

    asked: int
    answered: int
    suggested: int
    not_found: int
    handed_off: int


@dataclass(frozen=True)
class AskedSource:
    """A source with how often it answered.

    Attributes:
        source_kind: ``faq`` or ``doc``.
        source_id: The FAQ id, or ``<document path>#<section>``.
        title: The FAQ question, or ``《document》· section``.
        count: Questions it answered in the period.
        example: One user wording (masked).
    """

    source_kind: str
    source_id: str
    title: str
    count: int
    example: str


def outcomes(session: Session, period: Period) -> Outcomes:
    """Count the period's questions by outcome, and its handoffs."""
    in_period = (KnowledgeAsk.asked_at >= period.since, KnowledgeAsk.asked_at < period.until)
    by_status = dict(
        session.execute(select(KnowledgeAsk.status, func.count()).where(*in_period).group_by(KnowledgeAsk.status)).all()
    )
    handed_off = session.scalar(
        select(func.count())
        .select_from(Handoff)
        .where(Handoff.created_at >= period.since, Handoff.created_at < period.until)
    )
    return Outcomes(
        asked=sum(by_status.values()),
        answered=sum(by_status.get(status, 0) for status in ANSWERED),
        suggested=by_status.get("suggest", 0),
        not_found=by_status.get("not_found", 0),
        handed_off=int(handed_off or 0),
    )


def most_asked(session: Session, period: Period, top: int = TOP) -> list[AskedSource]:
    """The sources that answered most questions in the period, most first (ties: by id)."""
    count = func.count().label("count")
    rows = session.execute(
        select(
            KnowledgeAsk.source_kind,
            KnowledgeAsk.source_id,
            func.max(KnowledgeAsk.source_title),
            count,
            func.max(KnowledgeAsk.question),
        )
        .where(
            KnowledgeAsk.asked_at >= period.since,
            KnowledgeAsk.asked_at < period.until,
            KnowledgeAsk.status.in_(ANSWERED),
            KnowledgeAsk.source_id.is_not(None),
        )
        .group_by(KnowledgeAsk.source_kind, KnowledgeAsk.source_id)
        .order_by(count.desc(), KnowledgeAsk.source_id)
        .limit(top)
    ).all()
    return [
        AskedSource(str(kind), str(source), str(title or source), int(n), str(example or ""))
        for kind, source, title, n, example in rows
    ]
