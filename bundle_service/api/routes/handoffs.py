"""Handoff queue: the bot queues a conversation, staff take it, reply on the user's channel and hand it back."""

import dataclasses
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from bundle_service.adapters.rasa import RasaUnavailable
from bundle_service.api.callers import StaffDep, trusted_gateway
from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import Unauthenticated
from bundle_service.core.masking import mask_text
from bundle_service.crud import handoffs as crud
from bundle_service.hotline.handoffs import Handoffs
from bundle_service.hotline.reasons import load_reasons, waited_seconds
from bundle_service.hotline.settings import current_hours
from bundle_service.models.handoff import Handoff
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.handoff import HandoffIn, HandoffOut, MessageOut, ReplyIn, ServiceHoursOut, TurnOut

router = APIRouter(prefix="/handoffs", tags=["handoffs"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    404: {"model": ErrorOut},
    409: {"model": ErrorOut},
}
STATUSES = {"waiting": ("waiting",), "taken": ("taken",), "open": ("waiting", "taken"), "returned": ("returned",)}


def _handoffs(services: ServicesDep) -> Handoffs:
    return Handoffs(services.settings, services.sessions, services.clock)


def handoff_out(handoff: Handoff, services: ServicesDep | None = None, history: bool = True) -> HandoffOut:
    """The API body with why and how long it waits.

    With ``services`` the conversation is read from Rasa: its last user message, and with ``history`` all of it.
    """
    out = HandoffOut.model_validate(handoff, from_attributes=True)
    kind = load_reasons().kind_of(handoff.reason)
    out.reason_kind, out.reason_label = kind.code, kind.label
    if services is not None:
        out.waited_seconds = waited_seconds(handoff.created_at, handoff.taken_at, services.clock.now())
        try:
            turns, paused = _handoffs(services).rasa.history(handoff.conversation_id)
            # Staff read the transcript; a caller's full record is reached only through verification (hotline).
            masked = [TurnOut(role=t.role, text=mask_text(t.text), at=t.at) for t in turns]
            out.last_message = next((t for t in reversed(masked) if t.role == "user"), None)
            if history:
                out.history, out.paused = masked, paused
        except RasaUnavailable as error:
            out.history_error = error.message
    return out


@router.post("", status_code=201, responses={200: {"model": HandoffOut}, 401: {"model": ErrorOut}})
def request_handoff(body: HandoffIn, request: Request, response: Response, services: ServicesDep) -> HandoffOut:
    """Queue a conversation for a person (the action server, after pausing the bot).

    Needs ``X-Gateway-Token`` when ``BUNDLE_GATEWAY_TOKEN`` is set. A conversation already in the queue answers
    200 with its handoff.

    Raises:
        Unauthenticated: 401 without the gateway token.
    """
    if services.settings.gateway_token is not None and not trusted_gateway(request, services):
        raise Unauthenticated("缺少可信网关令牌。", code="gateway_token_required")
    handoff, created = _handoffs(services).request(body.conversation_id, body.channel, body.reason, "system:bot")
    if not created:
        response.status_code = 200
    out = handoff_out(handoff)
    hours = current_hours(services.sessions, services.clock)
    out.service_hours = ServiceHoursOut(**dataclasses.asdict(hours))
    return out


@router.get("", responses={401: {"model": ErrorOut}})
async def queue(
    staff: StaffDep,
    services: ServicesDep,
    status: Literal["waiting", "taken", "open", "returned"] = "open",
    history: bool = True,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[HandoffOut]:
    """The queue, oldest first: waiting and taken conversations by default, each with its history."""

    def load() -> list[HandoffOut]:
        with services.sessions() as session:
            found = crud.listing(session, STATUSES[status], limit)
        return [handoff_out(h, services, history) for h in found]

    return await run_in_threadpool(load)


@router.get("/{handoff_id}", responses=ERRORS)
def show(handoff_id: int, staff: StaffDep, services: ServicesDep) -> HandoffOut:
    """One handoff with the conversation's history (the console polls this while talking to the user)."""
    return handoff_out(_handoffs(services).get(handoff_id), services)


@router.post("/{handoff_id}/take", responses=ERRORS)
def take(handoff_id: int, staff: StaffDep, services: ServicesDep) -> HandoffOut:
    """Take a waiting conversation; exactly one of several staff taking it at once succeeds.

    Raises:
        Conflict: 409 ``already_taken``.
    """
    return handoff_out(_handoffs(services).take(handoff_id, staff.staff_id), services)


@router.post("/{handoff_id}/messages", status_code=201, responses=ERRORS)
def reply(handoff_id: int, body: ReplyIn, staff: StaffDep, services: ServicesDep) -> MessageOut:
    """Reply to the user on their channel: WeChat send API for ``wechat:``, the polled outbox otherwise.

    Raises:
        Conflict: 409 ``not_yours`` when the conversation is not held by this staff member.
    """
    message = _handoffs(services).reply(handoff_id, staff.staff_id, body.text)
    return MessageOut.model_validate(message, from_attributes=True)


@router.post("/{handoff_id}/return", responses={502: {"model": ErrorOut}, **ERRORS})
def hand_back(handoff_id: int, staff: StaffDep, services: ServicesDep) -> HandoffOut:
    """Hand the conversation back to the bot (Rasa ``resume`` event).

    Raises:
        Conflict: 409 ``not_yours``.
        RasaUnavailable: 502 when Rasa cannot be reached (the conversation stays with the staff member).
    """
    return handoff_out(_handoffs(services).hand_back(handoff_id, staff.staff_id))
