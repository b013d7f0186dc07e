"""The hotline channel: the console relay's messages of a call, ``POST /webhooks/hotline/webhook``.

Only the bundle service's console relay can call it: every request carries the staff claim signed with the
secret the service and Rasa share (:mod:`contract.staff_claim`; Rasa's auth token ``BUNDLE_RASA_TOKEN``). It is
the only channel that creates ``hotline:<call id>`` conversations, and it puts the relaying staff member into the
message's metadata (``{"hotline": {"staff_id", "call_id"}}``), which the actions trust for a ``hotline:``
conversation whose latest message came through this channel (:func:`contract.conversations.identify`).

Answers: the bot's replies of the turn (like the REST channel); **401** unsigned, forged, stale, or no secret
configured (the channel then refuses everything and logs a warning); **400** a signed body that is not a claim;
**413** over 64 KB. Nothing refused reaches the bot.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.handoff_ack import acknowledge_handoff
from channels.requests import BadRequest, check_size
from contract import staff_claim
from contract.conversations import HOTLINE_CHANNEL, hotline_sender

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class HotlineInput(InputChannel):
    """Calls relayed by the console; replies in the HTTP answer."""

    @classmethod
    def name(cls) -> str:
        """URL prefix (``/webhooks/hotline``) and channel name (``hotline``)."""
        return HOTLINE_CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> HotlineInput:
        """``secret`` from the credentials file, else ``BUNDLE_RASA_TOKEN``; unset refuses every request."""
        secret = (credentials or {}).get("secret") or os.environ.get(staff_claim.SECRET_VARIABLE)
        return cls(str(secret) if secret else None)

    def __init__(self, secret: str | None) -> None:
        """Keep the shared secret; without one the channel starts but answers every request with 401."""
        self.secret = secret
        if not secret:
            logger.warning("hotline channel: %s is unset, every relay is refused", staff_claim.SECRET_VARIABLE)

    def claim_of(self, request: Request) -> staff_claim.StaffClaim:
        """The checked staff claim of a relay request.

        Raises:
            BadRequest: 413 too large, 401 not correctly signed, 400 not a claim.
        """
        body = check_size(request)
        try:
            return staff_claim.verify(
                self.secret,
                body,
                request.headers.get(staff_claim.TIMESTAMP_HEADER),
                request.headers.get(staff_claim.SIGNATURE_HEADER),
            )
        except staff_claim.Unauthenticated as error:
            logger.warning("hotline channel: relay refused (%s)", error)
            raise BadRequest("unauthenticated", "只接受热线控制台转发的消息。", status=401) from error
        except staff_claim.Malformed as error:
            raise BadRequest("invalid_request", f"转发内容无效（{error}）。") from error

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Health and the relay webhook."""
        hook = Blueprint(f"hotline_webhook_{id(self)}", __name__)

        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def receive(request: Request) -> HTTPResponse:
            try:
                claim = self.claim_of(request)
            except BadRequest as error:
                return error.response()
            collector = CollectingOutputChannel()
            metadata = staff_claim.message_metadata(claim)
            message = UserMessage(
                claim.text, collector, hotline_sender(claim.call_id), input_channel=self.name(), metadata=metadata
            )
            await on_new_message(message)
            await acknowledge_handoff(request.app, message)
            return response.json(collector.messages)

        hook.add_route(health, "/", methods=["GET"])
        hook.add_route(receive, "/webhook", methods=["POST"])
        return hook
