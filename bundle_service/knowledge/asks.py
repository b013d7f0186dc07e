"""The ask log: every question a conversation asked, with what the knowledge base made of it (for the dashboard).

Written by :meth:`~bundle_service.knowledge.service.KnowledgeBase.search` for searches made for a conversation
(``conversation_id`` given: the bot's questions, not hit testing or the console's agent assist). A not-found
question that is not queued either (``record_unanswered`` false: the fallback's noise, asked to rephrase) is not
logged; answered ones always are. The question is masked like the unanswered queue's.
"""

from datetime import datetime

from sqlalchemy.orm import Session

from bundle_service.core.masking import mask_text
from bundle_service.knowledge.ranking import SourceHit
from bundle_service.models import KnowledgeAsk

ANSWERED = ("faq", "answer")
MAX_QUESTION_CHARS = 2000


def should_log(conversation_id: str | None, status: str, record_unanswered: bool) -> bool:
    """Whether a search belongs in the ask log."""
    return bool(conversation_id) and (status in ANSWERED or record_unanswered)


def source_title(hit: SourceHit) -> str:
    """How the dashboard names a source: the FAQ's question, or ``《document》· section``."""
    entry = hit.entry
    return entry.section if entry.kind == "faq" else f"《{entry.document}》· {entry.section}"


def record(
    session: Session, *, question: str, conversation_id: str | None, status: str, best: SourceHit | None, now: datetime
) -> KnowledgeAsk:
    """Log one question; ``best`` is the source that answered (``None`` when not answered)."""
    answered = best if status in ANSWERED else None
    row = KnowledgeAsk(
        asked_at=now,
        conversation_id=(conversation_id or None) and conversation_id[:128],
        question=mask_text(question)[:MAX_QUESTION_CHARS],
        status=status,
        source_kind=answered.entry.kind if answered else None,
        source_id=answered.entry.source[:200] if answered else None,
        source_title=source_title(answered)[:200] if answered else None,
        score=round(answered.score, 4) if answered else None,
    )
    session.add(row)
    return row
