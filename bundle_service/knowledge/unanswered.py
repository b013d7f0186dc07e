"""The unanswered-question queue: questions the knowledge base could not answer, for admins to resolve."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.core.errors import Conflict, NotFound
from bundle_service.core.masking import mask_text
from bundle_service.crud.audit import record as audit
from bundle_service.models import Faq, UnansweredQuestion

OPEN, RESOLVED, DISMISSED = "open", "resolved", "dismissed"
MAX_QUESTION_CHARS = 2000


def add(
    session: Session,
    *,
    question: str,
    conversation_id: str | None,
    item: str | None,
    region: str | None,
    best_score: float | None,
    best_source: str | None,
    now: datetime,
) -> UnansweredQuestion:
    """Queue a question (status ``open``), with ID and mobile numbers in it masked: admins read the queue."""
    row = UnansweredQuestion(
        question=mask_text(question)[:MAX_QUESTION_CHARS],
        conversation_id=(conversation_id or None) and conversation_id[:128],
        item=item,
        region=region,
        best_score=best_score,
        best_source=best_source,
        asked_at=now,
        status=OPEN,
    )
    session.add(row)
    return row


def list_questions(session: Session, status: str | None = OPEN, limit: int | None = 200) -> list[UnansweredQuestion]:
    """Newest first, optionally of one status (``limit`` None: all)."""
    query = select(UnansweredQuestion).order_by(UnansweredQuestion.id.desc()).limit(limit)
    if status:
        query = query.where(UnansweredQuestion.status == status)
    return list(session.scalars(query))


def close(
    session: Session, question_id: int, actor: str, now: datetime, faq_id: str | None = None
) -> UnansweredQuestion:
    """Resolve a question with the FAQ that now answers it, or dismiss it (``faq_id`` None).

    Raises:
        NotFound: No such question or FAQ.
        Conflict: Already closed.
    """
    row = session.get(UnansweredQuestion, question_id)
    if row is None:
        raise NotFound(f"没有编号为 {question_id} 的待答问题。", code="question_not_found")
    if row.status != OPEN:
        raise Conflict("这个问题已经处理过了。", code="already_closed")
    if faq_id is not None and session.get(Faq, faq_id) is None:
        raise NotFound(f"没有编号为 {faq_id} 的常见问题。", code="faq_not_found")
    row.status = RESOLVED if faq_id else DISMISSED
    row.resolved_by_faq_id, row.resolved_by, row.resolved_at = faq_id, actor, now
    audit(
        session,
        at=now,
        actor=actor,
        action=f"unanswered.{row.status}",
        details={"question_id": question_id, "faq_id": faq_id},
    )
    return row
