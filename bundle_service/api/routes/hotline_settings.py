"""Admins change the 诉求 categories, their time limits and the service hours (no file edits on the server)."""

from typing import Any

from fastapi import APIRouter
from sqlalchemy.orm import Session

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.deps import ServicesDep, SessionDep, TransactionDep
from bundle_service.hotline import settings
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.hotline_settings import (
    CategorySettingsIn,
    CategorySettingsOut,
    ServiceHoursSettingIn,
    ServiceHoursSettingOut,
)

router = APIRouter(prefix="/admin/hotline", tags=["hotline settings"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}}
WRITE_ERRORS: dict[int | str, dict[str, object]] = {**ERRORS, 422: {"model": ErrorOut}}


def _in_force(session: Session, key: settings.Key) -> dict[str, Any]:
    """The setting's document in force, with who saved it last and when."""
    by, at = settings.updated(session, key)
    return {**settings.document_in_force(session, key), "updated_by": by, "updated_at": at}


@router.get("/categories", responses=ERRORS)
def read_categories(_actor: KnowledgeAdminDep, session: SessionDep) -> CategorySettingsOut:
    """The 诉求 categories in force (the admin's last save, else ``data/appeal_categories.yml``)."""
    return CategorySettingsOut(**_in_force(session, settings.CATEGORIES))


@router.put("/categories", responses=WRITE_ERRORS)
def put_categories(
    body: CategorySettingsIn, actor: KnowledgeAdminDep, services: ServicesDep, session: TransactionDep
) -> CategorySettingsOut:
    """Replace the category list; the next 诉求 filed uses it (audited as ``settings.appeal_categories.updated``).

    Raises:
        Unauthenticated: 401 without admin credentials.
        Forbidden: 403 for a staff account without the admin role.
        InvalidInput: 422 for duplicate codes or labels, a missing ``other``/``followup``, a selectable ``followup``.
    """
    settings.save(session, settings.CATEGORIES, body.model_dump(), actor, services.clock.now())
    return CategorySettingsOut(**_in_force(session, settings.CATEGORIES))


@router.get("/service-hours", responses=ERRORS)
def read_hours(_actor: KnowledgeAdminDep, session: SessionDep) -> ServiceHoursSettingOut:
    """The service hours in force (the admin's last save, else ``data/service_hours.yml``)."""
    return ServiceHoursSettingOut(**_in_force(session, settings.HOURS))


@router.put("/service-hours", responses=WRITE_ERRORS)
def put_hours(
    body: ServiceHoursSettingIn, actor: KnowledgeAdminDep, services: ServicesDep, session: TransactionDep
) -> ServiceHoursSettingOut:
    """Replace the periods of a working day (audited as ``settings.service_hours.updated``).

    Raises:
        Unauthenticated: 401 without admin credentials.
        Forbidden: 403 for a staff account without the admin role.
        InvalidInput: 422 for a period ending before it starts or overlapping another.
    """
    settings.save(session, settings.HOURS, body.model_dump(), actor, services.clock.now())
    return ServiceHoursSettingOut(**_in_force(session, settings.HOURS))
