"""Admins change the 诉求 categories, their time limits and the service hours (no file edits on the server)."""

from fastapi import APIRouter

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.deps import ServicesDep
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


def _categories(services: ServicesDep) -> CategorySettingsOut:
    with services.sessions() as session:
        document = settings.categories_document(settings.category_book(session))
        by, at = settings.updated(session, settings.CATEGORIES)
    return CategorySettingsOut(**document, updated_by=by, updated_at=at)


def _hours(services: ServicesDep) -> ServiceHoursSettingOut:
    with services.sessions() as session:
        document = settings.hours_document(settings.service_hours(session))
        by, at = settings.updated(session, settings.HOURS)
    return ServiceHoursSettingOut(**document, updated_by=by, updated_at=at)


@router.get("/categories", responses=ERRORS)
def read_categories(_actor: KnowledgeAdminDep, services: ServicesDep) -> CategorySettingsOut:
    """The 诉求 categories in force (the admin's last save, else ``data/appeal_categories.yml``)."""
    return _categories(services)


@router.put("/categories", responses=WRITE_ERRORS)
def put_categories(body: CategorySettingsIn, actor: KnowledgeAdminDep, services: ServicesDep) -> CategorySettingsOut:
    """Replace the category list; the next 诉求 filed uses it (audited as ``settings.appeal_categories.updated``).

    Raises:
        Unauthenticated: 401 without admin credentials.
        Forbidden: 403 for a staff account without the admin role.
        InvalidInput: 422 for duplicate codes or labels, a missing ``other``/``followup``, a selectable ``followup``.
    """
    with services.sessions.begin() as session:
        settings.save(session, settings.CATEGORIES, body.model_dump(), actor, services.clock.now())
    return _categories(services)


@router.get("/service-hours", responses=ERRORS)
def read_hours(_actor: KnowledgeAdminDep, services: ServicesDep) -> ServiceHoursSettingOut:
    """The service hours in force (the admin's last save, else ``data/service_hours.yml``)."""
    return _hours(services)


@router.put("/service-hours", responses=WRITE_ERRORS)
def put_hours(body: ServiceHoursSettingIn, actor: KnowledgeAdminDep, services: ServicesDep) -> ServiceHoursSettingOut:
    """Replace the periods of a working day (audited as ``settings.service_hours.updated``).

    Raises:
        Unauthenticated: 401 without admin credentials.
        Forbidden: 403 for a staff account without the admin role.
        InvalidInput: 422 for a period ending before it starts or overlapping another.
    """
    with services.sessions.begin() as session:
        settings.save(session, settings.HOURS, body.model_dump(), actor, services.clock.now())
    return _hours(services)
