"""The console relay's signed staff claim: "staff member S, in call C, relays what the caller said".

The bundle service signs (``bundle_service/adapters/rasa.py``, for ``POST /api/v1/hotline/calls/{id}/messages``),
the Rasa hotline channel checks (``channels/hotline.py``); only a request that passes creates or continues a
``hotline:<call id>`` conversation, and the actions trust the staff id because this channel authenticated it.

Request: ``POST /webhooks/hotline/webhook``, body the JSON of :func:`encode` (``{"call_id", "staff_id",
"message"}``), headers :data:`TIMESTAMP_HEADER` (epoch seconds) and :data:`SIGNATURE_HEADER` = hex
HMAC-SHA256 over the timestamp, a newline and the body, keyed with the secret the service and Rasa share (Rasa's
auth token, ``BUNDLE_RASA_TOKEN``). A request older or newer than :data:`MAX_SKEW_SECONDS` is refused. Standard
library only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from dataclasses import dataclass

from contract.conversations import is_call_id

SECRET_VARIABLE = "BUNDLE_RASA_TOKEN"
TIMESTAMP_HEADER = "X-Hotline-Timestamp"
SIGNATURE_HEADER = "X-Hotline-Signature"
MAX_SKEW_SECONDS = 300
MAX_TEXT_LENGTH = 2000
METADATA_KEY = "hotline"  # the relayed message's metadata: who relays it in which call
_STAFF_ID = re.compile(r"[A-Za-z0-9_.-]{2,40}")  # the staff account id (``bundle_service/schemas/staff.py``)


class InvalidClaim(Exception):
    """The relay request is unsigned, stale, forged (:class:`Unauthenticated`) or malformed (:class:`Malformed`)."""


class Unauthenticated(InvalidClaim):
    """No secret, no or a wrong signature, or a timestamp outside the window: answer 401."""


class Malformed(InvalidClaim):
    """Correctly signed but not a claim (bad JSON, call id, staff id or text): answer 400."""


@dataclass(frozen=True)
class StaffClaim:
    """What the console relays.

    Attributes:
        call_id: The call (the conversation is ``hotline:<call_id>``).
        staff_id: The staff member's account id.
        text: What the caller said, typed by the staff member.
    """

    call_id: str
    staff_id: str
    text: str


def message_metadata(claim: StaffClaim) -> dict[str, dict[str, str]]:
    """The metadata the hotline channel gives the relayed message: ``{METADATA_KEY: {"staff_id", "call_id"}}``.

    The actions read it back (under :data:`METADATA_KEY`) to file as that staff member in that call only.
    """
    return {METADATA_KEY: {"staff_id": claim.staff_id, "call_id": claim.call_id}}


def encode(claim: StaffClaim) -> bytes:
    """The request body of a claim."""
    body = {"call_id": claim.call_id, "staff_id": claim.staff_id, "message": claim.text}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of the timestamp, a newline and ``body``, under ``secret``."""
    return hmac.new(secret.encode("utf-8"), f"{timestamp}\n".encode() + body, hashlib.sha256).hexdigest()


def signed_request(secret: str, claim: StaffClaim, now: float | None = None) -> tuple[bytes, dict[str, str]]:
    """The body and the headers of a signed relay request.

    Args:
        secret: The shared secret.
        claim: What to relay.
        now: Epoch seconds (default: the clock).

    Returns:
        ``(body, headers)``; the headers include ``Content-Type``.
    """
    body = encode(claim)
    timestamp = int(time.time() if now is None else now)
    headers = {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }
    return body, headers


def verify(
    secret: str | None, body: bytes, timestamp: str | None, signature: str | None, now: float | None = None
) -> StaffClaim:
    """The claim of a relay request, checked.

    Args:
        secret: The shared secret (``None`` or empty: every request is refused).
        body: The raw request body.
        timestamp: The :data:`TIMESTAMP_HEADER` value.
        signature: The :data:`SIGNATURE_HEADER` value.
        now: Epoch seconds (default: the clock).

    Returns:
        The claim.

    Raises:
        Unauthenticated: no secret configured, a missing or wrong signature, or a stale or future timestamp.
        Malformed: signed correctly, but the body is not a valid claim.
    """
    if not secret:
        raise Unauthenticated("no secret configured")
    if not timestamp or not signature or not timestamp.isdigit():
        raise Unauthenticated("unsigned")
    if not hmac.compare_digest(sign(secret, int(timestamp), body).encode(), signature.encode("utf-8", "replace")):
        raise Unauthenticated("bad signature")
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_SKEW_SECONDS:
        raise Unauthenticated("stale")
    try:
        data = json.loads(body)
    except ValueError as error:
        raise Malformed("not JSON") from error
    if not isinstance(data, dict):
        raise Malformed("not an object")
    call_id, staff_id, text = data.get("call_id"), data.get("staff_id"), data.get("message")
    if not isinstance(call_id, str) or not is_call_id(call_id):
        raise Malformed("call_id")
    if not isinstance(staff_id, str) or not _STAFF_ID.fullmatch(staff_id):
        raise Malformed("staff_id")
    if not isinstance(text, str) or len(text) > MAX_TEXT_LENGTH:
        raise Malformed("message")
    return StaffClaim(call_id, staff_id, text)
