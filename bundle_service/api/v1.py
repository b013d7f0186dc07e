"""The versioned API: every resource router, mounted once under ``/api/v1`` (the only place the prefix is written).

The routers in ``api/routes/`` name their paths relative to it (``/applications``, ``/admin/knowledge/faqs`` …);
the pages (``/chat``, ``/console``, ``/admin``), ``/docs`` and ``/health`` are outside it.
"""

from fastapi import APIRouter

from bundle_service.api.routes import (
    admin,
    appeals,
    applications,
    audit,
    auth,
    booking_providers,
    bookings,
    calendar,
    conversations,
    department_tasks,
    eligibility,
    feedback,
    handoffs,
    hotline,
    hotline_settings,
    insights,
    items,
    knowledge,
    me,
    notifications,
    offers,
    prefill,
    progress,
    service_hours,
    sms_replies,
    staff,
    validation,
)

PREFIX = "/api/v1"
# Matching order as before the prefix moved here (a fixed path before a parameter path of another router).
MODULES = (
    items,
    applications,
    progress,
    department_tasks,
    eligibility,
    prefill,
    validation,
    calendar,
    audit,
    knowledge,
    staff,
    hotline,
    handoffs,
    conversations,
    admin,
    auth,
    me,
    appeals,
    feedback,
    service_hours,
    hotline_settings,
    insights,
    bookings,
    offers,
    booking_providers,
    notifications,
    sms_replies,
)


def api_path(path: str) -> str:
    """The full path of an API route given relative to the prefix (``/staff/login`` → ``/api/v1/staff/login``)."""
    return PREFIX + path


def router() -> APIRouter:
    """One router holding every API route under :data:`PREFIX`."""
    api = APIRouter(prefix=PREFIX)
    for module in MODULES:
        api.include_router(module.router)
    return api
