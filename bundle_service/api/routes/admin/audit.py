"""The knowledge base's audit log: who changed which FAQ, document or queued question, and when."""

from typing import Annotated

from fastapi import APIRouter, Query

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.deps import SessionDep
from bundle_service.api.routes.admin.common import ERRORS, PREFIX, TAGS
from bundle_service.crud.knowledge_audit import AuditFilter, knowledge_events
from bundle_service.schemas.admin_knowledge import AdminAuditEventOut

router = APIRouter(prefix=f"{PREFIX}/audit", tags=TAGS, responses=ERRORS)


@router.get("")
def list_events(
    _actor: KnowledgeAdminDep,
    session: SessionDep,
    action: Annotated[str | None, Query(max_length=60, description="faq.updated, or a prefix: faq.")] = None,
    actor: Annotated[str | None, Query(max_length=80)] = None,
    faq_id: Annotated[str | None, Query(max_length=32)] = None,
    path: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AdminAuditEventOut]:
    """Newest first: ``faq.*``, ``document.*`` and ``unanswered.*`` events, filtered by action, actor, FAQ or path.

    Raises:
        InvalidInput: 422, an action outside the knowledge base.
    """
    found = knowledge_events(session, AuditFilter(action, actor, faq_id, path), limit)
    return [AdminAuditEventOut(id=e.id, at=e.at, actor=e.actor, action=e.action, details=e.details) for e in found]
