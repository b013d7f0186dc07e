"""FAQ administration: list and search, create, edit, delete, version history and roll-back."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.routes.admin.common import ERRORS, PREFIX, TAGS, faq_out, knowledge_of
from bundle_service.knowledge.faqs import FaqInput
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.schemas.admin_knowledge import FaqIn, RollbackIn
from bundle_service.schemas.knowledge import FaqOut, FaqVersionOut

router = APIRouter(prefix=f"{PREFIX}/faqs", tags=TAGS, responses=ERRORS)
Knowledge = Annotated[KnowledgeBase, Depends(knowledge_of)]


def _input(body: FaqIn) -> FaqInput:
    return FaqInput(body.question, body.answer, body.item or None, body.tags, body.similar)


@router.get("")
def list_faqs(
    _actor: KnowledgeAdminDep,
    kb: Knowledge,
    q: Annotated[str | None, Query(max_length=200)] = None,
    item: str | None = None,
    include_deleted: bool = False,
) -> list[FaqOut]:
    """FAQs by id; ``q`` keeps those whose id, question, answer or a similar question has it; ``item`` one item's."""
    needle = (q or "").strip().lower()
    rows = kb.list_faqs(include_deleted)
    return [
        faq_out(r)
        for r in rows
        if (not needle or needle in "\n".join([r.id, r.question, r.answer, *(r.similar or [])]).lower())
        and (item is None or r.item == item)
    ]


@router.post("", status_code=status.HTTP_201_CREATED)
def create_faq(body: FaqIn, actor: KnowledgeAdminDep, kb: Knowledge) -> FaqOut:
    """Add a FAQ (version 1); searchable when this returns.

    Raises:
        InvalidInput: 422 ``required``, ``too_long``, ``unknown_item``, ``duplicate_question``.
    """
    return faq_out(kb.create_faq(_input(body), actor))


@router.get("/{faq_id}")
def read_faq(faq_id: str, _actor: KnowledgeAdminDep, kb: Knowledge) -> FaqOut:
    """One FAQ (deleted ones too).

    Raises:
        NotFound: 404.
    """
    return faq_out(kb.get_faq(faq_id))


@router.put("/{faq_id}")
def update_faq(faq_id: str, body: FaqIn, actor: KnowledgeAdminDep, kb: Knowledge) -> FaqOut:
    """Replace a FAQ's content as a new version (a deleted FAQ comes back); the old text leaves the index.

    Raises:
        NotFound: 404.
        InvalidInput: 422 as for create.
    """
    return faq_out(kb.update_faq(faq_id, _input(body), actor))


@router.delete("/{faq_id}")
def delete_faq(faq_id: str, actor: KnowledgeAdminDep, kb: Knowledge) -> FaqOut:
    """Withdraw a FAQ (a new, inactive version; roll-back brings it back).

    Raises:
        NotFound: 404.
        Conflict: 409, already deleted.
    """
    return faq_out(kb.delete_faq(faq_id, actor))


@router.get("/{faq_id}/versions")
def faq_versions(faq_id: str, _actor: KnowledgeAdminDep, kb: Knowledge) -> list[FaqVersionOut]:
    """Every version, newest first: content, state, what was done, by whom and when.

    Raises:
        NotFound: 404.
    """
    return [FaqVersionOut.model_validate(v, from_attributes=True) for v in kb.faq_versions(faq_id)]


@router.post("/{faq_id}/rollback")
def rollback_faq(faq_id: str, body: RollbackIn, actor: KnowledgeAdminDep, kb: Knowledge) -> FaqOut:
    """Make an earlier version's content and state current again, as a new version.

    Raises:
        NotFound: 404, no such FAQ or version.
        InvalidInput: 422, the old question now belongs to another FAQ.
    """
    return faq_out(kb.rollback_faq(faq_id, body.version, actor))
