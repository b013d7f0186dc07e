"""The mini-program login token's claims, shared by its issuer and its verifier.

The bundle service issues the token (``bundle_service/identity/session_tokens.py``), the Rasa mini-program channel
verifies it (``channels/miniprogram.py``); each side signs and decodes the JWT with PyJWT in its own environment,
both with these names and rules. Format (``docs/channels.md``): HS256 under ``BUNDLE_SESSION_SECRET``, claims
``iss`` = :data:`ISSUER`, ``aud`` = :data:`AUDIENCE`, ``sub`` = the openid, ``iat`` and ``exp`` in epoch seconds,
and :data:`CONVERSATION_CLAIM` = the user's conversation id (``wechat:<openid>``): the clients (mini program, H5 page)
read it to poll their staff replies, so no client builds a conversation id itself. Standard library only.
"""

from __future__ import annotations

from typing import Any

from contract.conversations import MAX_OPENID_LENGTH, wechat_sender

SECRET_VARIABLE = "BUNDLE_SESSION_SECRET"
ISSUER = "bundle-service"
AUDIENCE = "miniprogram"
ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "iat", "sub")
CONVERSATION_CLAIM = "conversation"  # decided by the service, read by the clients (miniprogram/utils/outbox.js)


class InvalidClaims(Exception):
    """The decoded claims name nobody or have expired."""


def claims_for(openid: str, now: float, lifetime_seconds: int) -> dict[str, Any]:
    """The claims of a token for ``openid`` issued at ``now`` (epoch seconds), with the user's conversation id."""
    return {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": openid,
        CONVERSATION_CLAIM: wechat_sender(openid),
        "iat": int(now),
        "exp": int(now) + lifetime_seconds,
    }


def subject_of(claims: dict[str, Any], now: float) -> str:
    """The openid of decoded, signature-checked claims (``iss``/``aud`` already checked by the JWT library).

    Args:
        claims: The decoded claims.
        now: Epoch seconds.

    Returns:
        The subject.

    Raises:
        InvalidClaims: no subject of 1-64 characters, or ``exp`` not an integer later than ``now``.
    """
    subject = claims.get("sub")
    if not isinstance(subject, str) or not 0 < len(subject) <= MAX_OPENID_LENGTH:
        raise InvalidClaims("no subject")
    expires = claims.get("exp")
    if not isinstance(expires, int) or isinstance(expires, bool) or expires <= now:
        raise InvalidClaims("expired")
    return subject
