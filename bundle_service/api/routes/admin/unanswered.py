"""The unanswered queue: list, resolve by writing the FAQ for a question, dismiss."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.routes.admin.common import ERRORS, PREFIX, TAGS, faq_out, knowledge_of, question_out
from bundle_service.knowledge.faqs import FaqInput
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.schemas.admin_knowledge import FaqIn, ResolveOut
from bundle_service.schemas.knowledge import UnansweredOut

router = APIRouter(prefix=f"{PREFIX}/unanswered", tags=TAGS, responses=ERRORS)
Knowledge = Annotated[KnowledgeBase, Depends(knowledge_of)]


@router.get("")
def list_questions(
    _actor: KnowledgeAdminDep,
    kb: Knowledge,
    status: Literal["open", "resolved", "dismissed", "all"] = "open",
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[UnansweredOut]:
    """Questions the knowledge base could not answer, newest first."""
    return [question_out(r) for r in kb.unanswered(None if status == "all" else status, limit)]


@router.post("/{question_id}/resolve")
def resolve(question_id: int, body: FaqIn, actor: KnowledgeAdminDep, kb: Knowledge) -> ResolveOut:
    """Write the FAQ that answers the question and close it, in one step; the FAQ is searchable at once.

    Raises:
        NotFound: 404, no such question.
        Conflict: 409, already closed (no FAQ written).
        InvalidInput: 422, the FAQ is invalid (nothing written).
    """
    faq, question = kb.resolve_unanswered(
        question_id, FaqInput(body.question, body.answer, body.item, body.tags, body.similar), actor
    )
    return ResolveOut(faq=faq_out(faq), question=question_out(question))


@router.post("/{question_id}/dismiss")
def dismiss(question_id: int, actor: KnowledgeAdminDep, kb: Knowledge) -> UnansweredOut:
    """Close the question without a FAQ (out of scope, spam).

    Raises:
        NotFound: 404.
        Conflict: 409, already closed.
    """
    return question_out(kb.close_unanswered(question_id, actor))
