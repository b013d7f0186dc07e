"""Hotline console: calls relayed to the bot, knowledge search, caller verification and filing on a caller's behalf.

Every call here needs a staff session and is written to the audit log as ``staff:<id>``.
"""

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Header, Response
from starlette.concurrency import run_in_threadpool

from bundle_service.api.deps import ServicesDep
from bundle_service.api.routes import knowledge
from bundle_service.api.routes.applications import application_answer, filing_out
from bundle_service.api.staff_deps import StaffDep
from bundle_service.core.config import Settings
from bundle_service.core.errors import NotFound
from bundle_service.crud.audit import record
from bundle_service.schemas.application import ApplicationIn, ApplicationOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.handoff import CallMessageIn, CallMessageOut, CallOut, LookupIn
from bundle_service.schemas.knowledge import KnowledgeSearchIn, KnowledgeSearchOut
from bundle_service.services.filing import Filer
from bundle_service.services.rasa import rasa_client
from bundle_service.services.verification import Claim

router = APIRouter(prefix="/api/v1/hotline", tags=["hotline"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 502: {"model": ErrorOut}}
CALL_PREFIX = "hotline:"


def _audit(services: ServicesDep, staff_id: str, action: str, details: dict[str, object]) -> None:
    with services.sessions.begin() as session:
        record(session, at=services.clock.now(), actor=f"staff:{staff_id}", action=action, details=details)


@router.post("/calls", status_code=201, responses=ERRORS)
def new_call(staff: StaffDep, services: ServicesDep) -> CallOut:
    """Open a conversation ``hotline:<call id>`` for a new call."""
    call_id = f"{services.clock.now():%Y%m%d%H%M%S}-{secrets.token_hex(3)}"
    conversation_id = f"{CALL_PREFIX}{call_id}"
    _audit(services, staff.staff_id, "hotline.call_opened", {"conversation": conversation_id})
    return CallOut(call_id=call_id, conversation_id=conversation_id)


def hotline_metadata(settings: Settings, conversation_id: str, staff_id: str, call_id: str) -> dict[str, str]:
    """Who relays a call's message, signed: HMAC-SHA256 over ``conversation|staff`` keyed with the gateway token.

    The action server checks the signature (``actions/application_actions.py``, ``staff_headers``): a REST client
    writing the same metadata cannot file "on behalf of" a staff member. No token (development): no signature.
    """
    metadata = {"staff_id": staff_id, "call_id": call_id}
    if settings.gateway_token is not None:
        key = settings.gateway_token.get_secret_value().encode()
        message = f"{conversation_id}|{staff_id}".encode()
        metadata["signature"] = hmac.new(key, message, hashlib.sha256).hexdigest()
    return metadata


@router.post("/calls/{call_id}/messages", responses=ERRORS)
async def call_message(call_id: str, body: CallMessageIn, staff: StaffDep, services: ServicesDep) -> CallMessageOut:
    """Relay what the caller said to the bot (Rasa REST channel) and answer with the bot's messages.

    The message's metadata names the staff member (``{"hotline": {"staff_id", "call_id", "signature"}}``),
    signed with the gateway token so that the action server files as that staff member only for the console.

    Raises:
        RasaUnavailable: 502 when Rasa cannot be reached.
    """
    conversation_id = f"{CALL_PREFIX}{call_id}"
    metadata = {"hotline": hotline_metadata(services.settings, conversation_id, staff.staff_id, call_id)}
    await run_in_threadpool(
        _audit, services, staff.staff_id, "hotline.message", {"conversation": conversation_id, "text": body.text[:500]}
    )
    messages = await run_in_threadpool(rasa_client(services.settings).send, conversation_id, body.text, metadata)
    return CallMessageOut(conversation_id=conversation_id, messages=messages)


@router.post("/knowledge/search", responses={422: {"model": ErrorOut}, **ERRORS})
def knowledge_search(body: KnowledgeSearchIn, staff: StaffDep, services: ServicesDep) -> KnowledgeSearchOut:
    """Search the knowledge base directly (the same search as ``/api/v1/knowledge/search``, never queued)."""
    _audit(services, staff.staff_id, "hotline.knowledge_search", {"query": body.query[:200]})
    return knowledge.search(body.model_copy(update={"record_unanswered": False}), services)


@router.post("/lookup", responses={404: {"model": ErrorOut}, 429: {"model": ErrorOut}, **ERRORS})
def lookup(body: LookupIn, staff: StaffDep, services: ServicesDep) -> ApplicationOut:
    """Verify a caller (application number + last 6 ID characters) and show that application.

    Throttled like every verification, per number and per staff member.

    Raises:
        NotFound: 404 for an unknown number or a wrong verification (the same answer).
        TooManyAttempts: 429 after repeated failures.
    """
    try:
        application = services.verifier.verify(body.number, Claim(id_last6=body.id_last6), f"staff:{staff.staff_id}")
    except NotFound:
        _audit(services, staff.staff_id, "hotline.caller_verification_failed", {"number": body.number})
        raise
    _audit(services, staff.staff_id, "hotline.caller_verified", {"number": body.number})
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
    filer = Filer(filed_by=staff.staff_id, actor=f"staff:{staff.staff_id}")
    filing = services.filings.submit(body.model_dump(exclude_none=True), filer, idempotency_key)
    return filing_out(filing, response, services)
