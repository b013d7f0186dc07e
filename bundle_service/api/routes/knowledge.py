"""Knowledge base: search for everyone; read-only admin views (FAQs, versions, documents, unanswered queue).

The admin write operations (FAQ create/edit/delete/roll-back, document upload, re-index, resolving the queue)
are methods of :class:`bundle_service.knowledge.service.KnowledgeBase`, for the admin API to expose.
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from bundle_service.api.callers import AdminDep
from bundle_service.api.deps import ServicesDep
from bundle_service.api.presenters import search_out
from bundle_service.knowledge.questions import ask
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.knowledge import (
    DocumentOut,
    FaqOut,
    FaqVersionOut,
    KnowledgeSearchIn,
    KnowledgeSearchOut,
    UnansweredOut,
)

router = APIRouter(prefix="/knowledge", tags=["knowledge"])
ADMIN_ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}}


def _knowledge(services: ServicesDep) -> KnowledgeBase:
    assert services.knowledge is not None
    return services.knowledge


@router.post("/search", responses={422: {"model": ErrorOut}})
def search(body: KnowledgeSearchIn, services: ServicesDep) -> KnowledgeSearchOut:
    """Answer a question from the FAQs and documents, with its source; "not found" below the floor.

    Raises:
        InvalidInput: 422 for a blank query or an unknown item code.
    """
    result = ask(
        _knowledge(services),
        body.query,
        item=body.item,
        region=body.region,
        conversation_id=body.conversation_id,
        record_unanswered=body.record_unanswered,
    )
    return search_out(result)


@router.get("/unanswered", responses=ADMIN_ERRORS)
def unanswered(
    _actor: AdminDep,
    services: ServicesDep,
    status: Literal["open", "resolved", "dismissed", "all"] = "open",
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[UnansweredOut]:
    """Questions the knowledge base could not answer, newest first."""
    rows = _knowledge(services).unanswered(None if status == "all" else status, limit)
    return [UnansweredOut.model_validate(r, from_attributes=True) for r in rows]


@router.get("/faqs", responses=ADMIN_ERRORS)
def faqs(_actor: AdminDep, services: ServicesDep, include_deleted: bool = False) -> list[FaqOut]:
    """Every FAQ by id (deleted ones on request)."""
    return [FaqOut.model_validate(r, from_attributes=True) for r in _knowledge(services).list_faqs(include_deleted)]


@router.get("/faqs/{faq_id}/versions", responses={**ADMIN_ERRORS, 404: {"model": ErrorOut}})
def faq_versions(faq_id: str, _actor: AdminDep, services: ServicesDep) -> list[FaqVersionOut]:
    """A FAQ's history, newest first."""
    rows = _knowledge(services).faq_versions(faq_id)
    return [FaqVersionOut.model_validate(r, from_attributes=True) for r in rows]


@router.get("/documents", responses=ADMIN_ERRORS)
def documents(_actor: AdminDep, services: ServicesDep, include_deleted: bool = False) -> list[DocumentOut]:
    """Documents of the knowledge base by path."""
    rows = _knowledge(services).list_documents(include_deleted)
    return [DocumentOut.model_validate(r, from_attributes=True) for r in rows]
