"""The public REST channel, anonymous and sandboxed: ``POST /webhooks/rest/webhook``.

Rasa's own ``RestInput`` takes the sender id, ``input_channel`` and ``metadata`` from the request body, so anyone
could speak as a WeChat user (``"sender": "wechat:<openid>", "input_channel": "miniprogram"``), join their
conversation or claim to be the console. This subclass keeps the same request and answer (``{"sender",
"message"}`` → ``[{"recipient_id", "text", …}]``, so ``make chat``, ``scripts/bench.py`` and the README's curl keep
working) but:

- every sender is put into its own namespace, ``web:<sender>`` (:func:`contract.conversations.web_sender`), so
  ``wechat:o1`` typed here is the conversation ``web:wechat:o1``, never the WeChat user's; without a sender the
  visitor gets a fresh random one (never a shared ``default`` conversation);
- ``input_channel`` is always ``rest`` and the body's ``metadata`` is dropped;
- a body that is not ``{"message": "<text>", "sender"?: "<text>"}`` answers 400, over 64 KB 413 (never a 500).

It is enabled by listing ``channels.rest.SandboxedRestInput`` in the credentials file (``bot/credentials.yml``)
and switched off by leaving it out (``bot/credentials.production.yml``).
"""

from __future__ import annotations

import inspect
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.handoff_ack import acknowledge_handoff
from channels.numbered_choice import choosing
from channels.requests import BadRequest, json_object
from contract.conversations import MAX_WEB_SENDER_LENGTH, REST_CHANNEL, web_sender

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def sandboxed_sender(body: dict[str, Any]) -> str:
    """The conversation id of a REST request: ``web:`` + the body's sender, or a fresh random one.

    Raises:
        BadRequest: the sender is not a string of 1-128 characters.
    """
    sender = body.get("sender")
    if sender is None:
        return web_sender(uuid.uuid4().hex)
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_WEB_SENDER_LENGTH:
        raise BadRequest("invalid_sender", f"sender 应为 1–{MAX_WEB_SENDER_LENGTH} 个字符的字符串。")
    return web_sender(sender)


class SandboxedRestInput(RestInput):
    """Rasa's REST channel for anonymous visitors: own ``web:`` namespace, no caller-chosen channel or metadata."""

    @classmethod
    def name(cls) -> str:
        """URL prefix (``/webhooks/rest``) and channel name (``rest``)."""
        return REST_CHANNEL

    async def _extract_sender(self, req: Request) -> str | None:
        """The sandboxed sender (only used if Rasa's own handler were ever called)."""
        return sandboxed_sender(json_object(req))

    def _extract_input_channel(self, req: Request) -> str:
        """Always ``rest``: the body cannot choose the channel."""
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """No metadata from the body: nothing a caller writes may look like another channel's."""
        return None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Health and the webhook, with the request checked before anything reaches the bot."""
        module = inspect.getmodule(self)
        hook = Blueprint(f"sandboxed_rest_webhook_{id(self)}", module.__name__ if module else None)

        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def receive(request: Request) -> HTTPResponse:
            try:
                body = json_object(request)
                sender_id = sandboxed_sender(body)
                text = body.get("message")
                if not isinstance(text, str):
                    raise BadRequest("invalid_request", '请求体应为 {"sender": "…", "message": "…"}。')
            except BadRequest as error:
                return error.response()
            collector = CollectingOutputChannel()
            try:
                message = UserMessage(text, collector, sender_id, input_channel=self.name())
                await choosing(on_new_message, request.app)(message)  # "2": the option numbered 2
                await acknowledge_handoff(request.app, message)
            except Exception as error:  # like Rasa's RestInput: answer what was collected, log without the text
                logger.error("REST turn failed: %s", type(error).__name__)
            return response.json(collector.messages)

        hook.add_route(health, "/", methods=["GET"])
        hook.add_route(receive, "/webhook", methods=["POST"])
        return hook
