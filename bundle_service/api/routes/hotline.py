"""Hotline console: calls relayed to the bot, knowledge search, caller verification and filing on a caller's behalf.

Every call here needs a staff session and is written to the audit log as ``staff:<id>``.
"""

import secrets
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response
from starlette.concurrency import run_in_threadpool

from bundle_service.adapters.rasa import rasa_client
from bundle_service.api.callers import StaffDep
from bundle_service.api.deps import AuditDep, ServicesDep
from bundle_service.api.presenters import application_answer, filing_out, search_out
from bundle_service.applications.filing import Filer
from bundle_service.core.errors import NotFound
from bundle_service.crud.audit import staff_actor
from bundle_service.knowledge.questions import ask
from bundle_service.progress.owner_verification import Claim
from bundle_service.schemas.application import ApplicationIn, ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.handoff import CallMessageIn, CallMessageOut, CallOut, LookupIn
from bundle_service.schemas.knowledge import KnowledgeSearchIn, KnowledgeSearchOut
from contract.conversations import CALL_ID_PATTERN, hotline_sender

router = APIRouter(prefix="/hotline", tags=["hotline"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 502: {"model": ErrorOut}}
CallId = Annotated[str, Path(pattern=f"^{CALL_ID_PATTERN}$", description="the call id of POST /calls")]


@router.post("/calls", status_code=201, responses=ERRORS)
def new_call(staff: StaffDep, services: ServicesDep, audit: AuditDep) -> CallOut:
    """Open a conversation ``hotline:<call id>`` for a new call."""
    call_id = f"{services.clock.now():%Y%m%d%H%M%S}-{secrets.token_hex(3)}"
    conversation_id = hotline_sender(call_id)
    audit.write(staff_actor(staff.staff_id), "hotline.call_opened", {"conversation": conversation_id})
    return CallOut(call_id=call_id, conversation_id=conversation_id)


@router.post("/calls/{call_id}/messages", responses={422: {"model": ErrorOut}, **ERRORS})
async def call_message(
    call_id: CallId, body: CallMessageIn, staff: StaffDep, services: ServicesDep, audit: AuditDep
) -> CallMessageOut:
    """Relay what the caller said to the bot (Rasa's hotline channel) and answer with the bot's messages.

    The request is a staff claim signed with Rasa's token (``contract/staff_claim.py``): only it creates the
    conversation ``hotline:<call id>``, and the channel names the staff member to the actions
    (``metadata.hotline.staff_id``), which then file as that staff member.

    Raises:
        RasaUnavailable: 502 when Rasa cannot be reached or refuses the relay.
    """
    conversation_id = hotline_sender(call_id)
    details = {"conversation": conversation_id, "text": body.text[:500]}
    await run_in_threadpool(audit.write, staff_actor(staff.staff_id), "hotline.message", details)
    messages = await run_in_threadpool(rasa_client(services.settings).relay, call_id, staff.staff_id, body.text)
    return CallMessageOut(conversation_id=conversation_id, messages=messages)


@router.post("/knowledge/search", responses={422: {"model": ErrorOut}, **ERRORS})
def knowledge_search(
    body: KnowledgeSearchIn, staff: StaffDep, services: ServicesDep, audit: AuditDep
) -> KnowledgeSearchOut:
    """Search the knowledge base directly (the same search as ``/api/v1/knowledge/search``, never queued)."""
    audit.write(staff_actor(staff.staff_id), "hotline.knowledge_search", {"query": body.query[:200]})
    assert services.knowledge is not None
    return search_out(ask(services.knowledge, body.query, item=body.item, region=body.region, record_unanswered=False))


@router.post("/lookup", responses={404: {"model": ErrorOut}, 429: {"model": ErrorOut}, **ERRORS})
def lookup(body: LookupIn, staff: StaffDep, services: ServicesDep, audit: AuditDep) -> ApplicationOut:
    """Verify a caller (application number + last 6 ID characters) and show that application.

    Throttled like every verification, per number and per staff member. With ``call_id`` the audit event names the
    call's conversation: the caller then counts as identified there (``identity/identification.py``).

    Raises:
        NotFound: 404 for an unknown number or a wrong verification (the same answer).
        TooManyAttempts: 429 after repeated failures.
    """
    try:
        application = services.verifier.verify(body.number, Claim(id_last6=body.id_last6), staff_actor(staff.staff_id))
    except NotFound:
        audit.write(staff_actor(staff.staff_id), "hotline.caller_verification_failed", {"number": body.number})
        raise
    details: dict[str, object] = {"number": body.number}
    if body.call_id:
        details["conversation"] = hotline_sender(body.call_id)
    audit.write(staff_actor(staff.staff_id), "hotline.caller_verified", details, application.id)
    return application_answer(application, services)


@router.post("/applications", status_code=201, responses={409: {"model": ErrorOut}, 422: {"model": ErrorOut}, **ERRORS})
def file_for_caller(
    body: ApplicationIn,
    response: Response,
    staff: StaffDep,
    services: ServicesDep,
    idempotency_key: Annotated[str | None, Header(max_length=128)] = None,
) -> ApplicationOut:
    """File the one form on a caller's behalf (代办): the same rules as a self-filing, ``filed_by`` the staff id.

    Raises:
        InvalidInput: 422 with every wrong field.
        Conflict: 409 when the idempotency key was used for another form.
    """
    filer = Filer(filed_by=staff.staff_id, actor=staff_actor(staff.staff_id))
    filing = services.filings.submit(body.model_dump(exclude_none=True), filer, idempotency_key)
    return filing_out(filing, response, services)
