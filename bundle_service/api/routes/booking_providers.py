"""Admins keep the list of seal engravers and bank branches offered after the licence."""

from fastapi import APIRouter
from sqlalchemy.orm import Session

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.deps import ServicesDep, SessionDep, TransactionDep
from bundle_service.bookings import providers
from bundle_service.schemas.bookings import ProvidersIn, ProvidersOut
from bundle_service.schemas.common import ErrorOut

router = APIRouter(prefix="/admin/bookings", tags=["booking providers"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}}


def _list(session: Session) -> ProvidersOut:
    document = providers.document_of(providers.providers(session))
    by, at = providers.updated(session)
    return ProvidersOut(**document, updated_by=by, updated_at=at)


@router.get("/providers", responses=ERRORS)
def read_providers(_actor: KnowledgeAdminDep, session: SessionDep) -> ProvidersOut:
    """The engravers and bank branches in force (the admin's last save, else ``data/booking_providers.yml``)."""
    return _list(session)


@router.put("/providers", responses={**ERRORS, 422: {"model": ErrorOut}})
def put_providers(
    body: ProvidersIn, actor: KnowledgeAdminDep, services: ServicesDep, session: TransactionDep
) -> ProvidersOut:
    """Replace the list; the next user choosing sees it (audited as ``settings.booking_providers.updated``).

    Raises:
        Unauthenticated: 401 without admin credentials.
        Forbidden: 403 for a staff account without the admin role.
        InvalidInput: 422 for a duplicate code, an unknown kind, a missing name or address, a malformed phone.
    """
    providers.save(session, body.model_dump(), actor, services.clock.now())
    session.flush()
    return _list(session)
