"""The mini program's own chat (``wx.request``) and the H5 web chat: a Rasa input channel.

Routes (under ``/webhooks/miniprogram``):

- ``GET /``: health.
- ``POST /webhook`` with ``Authorization: Bearer <login token>`` and ``{"message": "…"}``: the bot's replies of
  the turn, synchronously, like Rasa's REST channel (``[{"recipient_id", "text", "buttons"?, …}]``).

The login token is the bundle service's (``POST /api/v1/auth/wechat-login``): a JWT, HS256 under the secret
shared with the service (``BUNDLE_SESSION_SECRET``), ``iss`` ``bundle-service``, ``aud`` ``miniprogram``,
``sub`` the openid. The sender id comes from the token only (``wechat:<openid>``, the same conversation as the
WeChat customer-service channel); a ``sender`` in the body is ignored. A missing, forged, expired or foreign
token answers 401 and never reaches the bot.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.handoff_ack import acknowledge_handoff
from channels.numbered_choice import choosing
from contract import login_token
from contract.conversations import MINIPROGRAM_CHANNEL, wechat_sender

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
SECRET_VARIABLE = login_token.SECRET_VARIABLE
MAX_BODY_BYTES = 64 * 1024


class InvalidToken(Exception):
    """The login token is missing, forged, expired or not the service's."""


def openid_from_token(token: str, secret: str, now: float | None = None) -> str:
    """The openid a valid login token was issued for.

    Args:
        token: The JWT from ``Authorization: Bearer``.
        secret: The HMAC key shared with the bundle service.
        now: Current time in epoch seconds (default: the clock).

    Returns:
        The token's subject.

    Raises:
        InvalidToken: bad signature or algorithm, wrong issuer or audience, expired, or no subject.
    """
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[login_token.ALGORITHM],
            audience=login_token.AUDIENCE,
            issuer=login_token.ISSUER,
            options={"require": list(login_token.REQUIRED_CLAIMS), "verify_exp": False},
        )
        return login_token.subject_of(claims, time.time() if now is None else now)
    except (jwt.PyJWTError, login_token.InvalidClaims) as error:
        raise InvalidToken(str(error)) from error


def _unauthorized(code: str, message: str) -> HTTPResponse:
    return response.json(
        {"code": code, "message": message}, status=401, headers={"WWW-Authenticate": 'Bearer realm="miniprogram"'}
    )


class MiniProgramInput(InputChannel):
    """Chat for logged-in mini-program (and H5) users; replies in the HTTP answer."""

    @classmethod
    def name(cls) -> str:
        """URL prefix (``/webhooks/miniprogram``) and channel name."""
        return MINIPROGRAM_CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> MiniProgramInput:
        """``token_secret`` from credentials.yml, else ``BUNDLE_SESSION_SECRET``; unset refuses every request."""
        secret = (credentials or {}).get("token_secret") or os.environ.get(SECRET_VARIABLE)
        return cls(str(secret) if secret else None)

    def __init__(self, token_secret: str | None) -> None:
        """Keep the shared secret; without one the channel starts but answers every message with 401."""
        self.token_secret = token_secret
        if not token_secret:
            logger.warning("mini-program chat: %s is unset, every message is refused", SECRET_VARIABLE)

    def sender_of(self, request: Request) -> str:
        """The conversation id of the request's login token.

        Raises:
            InvalidToken: no usable ``Authorization: Bearer`` token, or the channel has no secret.
        """
        scheme, _, token = (request.headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise InvalidToken("missing")
        if not self.token_secret:
            raise InvalidToken("no secret configured")
        return wechat_sender(openid_from_token(token.strip(), self.token_secret))

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Health and the chat webhook."""
        hook = Blueprint(f"miniprogram_webhook_{id(self)}", __name__)

        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def receive(request: Request) -> HTTPResponse:
            if not request.headers.get("Authorization"):
                return _unauthorized("login_required", "请先登录。")
            try:
                sender_id = self.sender_of(request)
            except InvalidToken as error:
                logger.info("mini-program chat: token refused (%s)", error)
                return _unauthorized("invalid_token", "登录已过期或无效，请重新登录。")
            if len(request.body) > MAX_BODY_BYTES:
                return response.json({"code": "too_large", "message": "消息太长了。"}, status=413)
            try:
                body = request.json
            except Exception:  # Sanic raises InvalidUsage for a body that is not JSON
                body = None
            text = body.get("message") if isinstance(body, dict) else None
            if not isinstance(text, str):
                return response.json(
                    {"code": "invalid_request", "message": '请求体应为 {"message": "…"}。'}, status=400
                )
            collector = CollectingOutputChannel()
            message = UserMessage(text, collector, sender_id, input_channel=self.name(), metadata={"miniprogram": True})
            await choosing(on_new_message, request.app)(message)  # "2": the button or option numbered 2
            await acknowledge_handoff(request.app, message)
            return response.json(collector.messages)

        hook.add_route(health, "/", methods=["GET"])
        hook.add_route(receive, "/webhook", methods=["POST"])
        return hook
