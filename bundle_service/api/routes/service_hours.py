"""When staff answer: open now, or the next period (public; the bot and the chat pages ask)."""

from fastapi import APIRouter

from bundle_service.api.deps import ServicesDep
from bundle_service.hotline.settings import current_hours
from bundle_service.schemas.handoff import ServiceHoursOut

router = APIRouter(tags=["appeals"])


@router.get("/service-hours")
def service_hours(services: ServicesDep) -> ServiceHoursOut:
    """Whether staff answer now, and otherwise from when (with a sentence for the user)."""
    answer = current_hours(services.sessions, services.clock)
    return ServiceHoursOut(
        open_now=answer.open_now,
        now=answer.now,
        next_open_at=answer.next_open_at,
        hours=answer.hours,
        message=answer.message,
    )
