"""Audit log for admins (personal data is stored masked)."""

from typing import Annotated

from fastapi import APIRouter, Query

from bundle_service.api.callers import AdminDep
from bundle_service.api.deps import SessionDep
from bundle_service.crud.audit import events
from bundle_service.schemas.audit import AuditEventOut
from bundle_service.schemas.common import ErrorOut

router = APIRouter(prefix="/admin/audit", tags=["audit"])


@router.get("", responses={401: {"model": ErrorOut}})
def list_events(
    _actor: AdminDep,
    session: SessionDep,
    application_number: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditEventOut]:
    """Newest events first, optionally for one application."""
    return [
        AuditEventOut(at=e.at, actor=e.actor, action=e.action, details=e.details)
        for e in events(session, application_number, limit)
    ]
