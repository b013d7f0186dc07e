"""The Rasa input channel WeChat's servers call for mini-program customer-service messages.

Routes (under ``/webhooks/wechat``):

- ``GET /``: health.
- ``GET /webhook``: WeChat's URL check; echoes ``echostr`` if ``signature`` is right, else 403.
- ``POST /webhook``: a pushed message or event, XML or JSON, plain or safe (AES)
  mode. A bad signature or a message for another AppID gets 403 and never reaches
  the bot. Everything else is acknowledged with ``success`` at once and handled in
  a background task (WeChat gives up after 5 s and retries up to 3 times); each
  MsgId (events: FromUserName + CreateTime) is handled once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.handoff_ack import acknowledging
from channels.numbered_choice import choosing
from channels.wechat.api import WeChatApiClient
from channels.wechat.config import WeChatSettings
from channels.wechat.crypto import (
    AppIdMismatchError,
    DecryptError,
    MessageCrypto,
    SignatureError,
    verify_msg_signature,
    verify_signature,
)
from channels.wechat.dedupe import DedupeStore, create_dedupe_store
from channels.wechat.messages import IMAGE, MINIPROGRAM_PAGE, TEXT, PayloadError, WeChatMessage, parse_fields
from channels.wechat.output import CHANNEL_NAME, WeChatOutput
from contract.conversations import wechat_sender
from contract.masking import mask_openid

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

GREET_INTENT = "/greet"
NON_TEXT_REPLY = "目前只能识别文字消息，请用文字描述您的问题。"
ACK = "success"
MAX_BODY_BYTES = 64 * 1024
STOP_GRACE_S = 5.0


class WeChatInput(InputChannel):
    """Mini-program customer-service messages (小程序客服消息推送)."""

    @classmethod
    def name(cls) -> str:
        """URL prefix (``/webhooks/wechat``) and channel name."""
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> WeChatInput:
        """Create the channel from its credentials.yml block (``WECHAT_*`` variables fill gaps).

        Args:
            credentials: the block under ``channels.wechat.WeChatInput``.

        Returns:
            The channel.
        """
        return cls(WeChatSettings.load(credentials))

    def __init__(
        self,
        settings: WeChatSettings,
        api_client: WeChatApiClient | None = None,
        dedupe_store: DedupeStore | None = None,
    ) -> None:
        """Create the channel.

        Args:
            settings: validated settings.
            api_client: send-API client (built from the settings when omitted).
            dedupe_store: claims store (built from the settings when omitted).
        """
        self.settings = settings
        self.api = api_client or WeChatApiClient(
            settings.app_id, settings.app_secret, settings.api_base_url, settings.token_endpoint
        )
        self.dedupe = dedupe_store or create_dedupe_store(
            settings.redis_url, settings.dedupe_ttl_seconds, f"wechat:dedupe:{settings.app_id}:"
        )
        self._crypto = MessageCrypto(settings.encoding_aes_key, settings.app_id) if settings.encoding_aes_key else None
        self._tasks: set[asyncio.Task[None]] = set()

    def get_output_channel(self) -> WeChatOutput:
        """An output channel that sends at once (for messages outside a user's turn).

        Returns:
            The output channel.
        """
        return WeChatOutput(self.api)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The Sanic routes of the channel.

        Args:
            on_new_message: Rasa's handler of user messages.

        Returns:
            The blueprint.
        """
        webhook = Blueprint("wechat_webhook", __name__)

        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        async def verify(request: Request) -> HTTPResponse:
            return self._verify_url(request.args)

        async def receive(request: Request) -> HTTPResponse:
            handler = acknowledging(choosing(on_new_message, request.app), request.app)  # "2": the 2nd button
            return await self._receive(request.args, request.body, handler)

        async def close(*_: Any) -> None:
            await self.close()

        webhook.add_route(health, "/", methods=["GET"])
        webhook.add_route(verify, "/webhook", methods=["GET"])
        webhook.add_route(receive, "/webhook", methods=["POST"])
        webhook.listener(close, "after_server_stop")
        return webhook

    def _verify_url(self, args: Mapping[str, list[str]]) -> HTTPResponse:
        query = _first_values(args)
        try:
            verify_signature(self.settings.token, query.get("signature", ""), query["timestamp"], query["nonce"])
        except (SignatureError, KeyError):
            logger.warning("WeChat URL check refused: bad signature")
            return response.text("forbidden", status=403)
        return response.text(query.get("echostr", ""))

    async def _receive(self, args: Mapping[str, list[str]], body: bytes, on_new_message: OnNewMessage) -> HTTPResponse:
        """Verify, decrypt and parse a push, claim it, start its handling, acknowledge."""
        if len(body) > MAX_BODY_BYTES:
            return response.text("payload too large", status=413)
        try:
            fields = self._open(_first_values(args), body)
            message = WeChatMessage.from_fields(fields)
        except SignatureError as error:
            logger.warning("WeChat push refused: %s", error)
            return response.text("forbidden", status=403)
        except AppIdMismatchError:
            logger.warning("WeChat push refused: message for another AppID")
            return response.text("forbidden", status=403)
        except (PayloadError, DecryptError) as error:
            logger.warning("WeChat push rejected as malformed: %s", error)
            return response.text("bad request", status=400)

        if not await self.dedupe.claim(message.dedupe_key):
            logger.info("WeChat retry of %s from %s ignored (already handled)", message.msg_type, _who(message))
            return response.text(ACK)
        task = asyncio.create_task(self._handle(message, on_new_message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return response.text(ACK)

    def _open(self, query: Mapping[str, str], body: bytes) -> dict[str, str]:
        """Check the signature and return the message's fields (decrypted in safe mode).

        Raises:
            SignatureError: a signature is missing or wrong, or safe mode is not configured.
            AppIdMismatchError: the decrypted message names another AppID.
            DecryptError: the ciphertext is malformed.
            PayloadError: the body is not the configured format.
        """
        timestamp, nonce = query.get("timestamp", ""), query.get("nonce", "")
        if not timestamp or not nonce:
            raise SignatureError("timestamp and nonce are required")
        if query.get("signature") or "msg_signature" not in query:
            verify_signature(self.settings.token, query.get("signature", ""), timestamp, nonce)
        outer = parse_fields(body, self.settings.message_format)
        encrypted = query.get("encrypt_type", "").lower() == "aes" or "msg_signature" in query
        if not encrypted:
            return outer
        if "Encrypt" not in outer:
            raise PayloadError("safe mode push without Encrypt")
        verify_msg_signature(self.settings.token, query.get("msg_signature", ""), timestamp, nonce, outer["Encrypt"])
        if self._crypto is None:
            logger.error("WeChat safe-mode push, but no encoding_aes_key is configured (WECHAT_ENCODING_AES_KEY)")
            raise SignatureError("safe mode is not configured")
        return parse_fields(self._crypto.decrypt(outer["Encrypt"]), self.settings.message_format)

    async def _handle(self, message: WeChatMessage, on_new_message: OnNewMessage) -> None:
        """Answer one message in the background; errors are logged, never raised."""
        try:
            if message.msg_type == TEXT:
                await self._to_bot(message, message.content or "", on_new_message)
            elif message.is_enter_session:
                await self._to_bot(message, GREET_INTENT, on_new_message)
            elif message.msg_type in (IMAGE, MINIPROGRAM_PAGE):
                await self.api.send_text(message.openid, NON_TEXT_REPLY)
            elif message.msg_type == "event":
                logger.debug("WeChat event %s from %s ignored", message.event, _who(message))
            else:
                await self.api.send_text(message.openid, NON_TEXT_REPLY)
        except Exception:
            logger.exception("WeChat: handling %s from %s failed", message.msg_type, _who(message))

    async def _to_bot(self, message: WeChatMessage, text: str, on_new_message: OnNewMessage) -> None:
        sender_id = wechat_sender(message.openid)
        output = WeChatOutput(self.api, buffered=True)
        metadata = {
            "wechat": {
                "msg_type": message.msg_type,
                "msg_id": message.msg_id,
                "create_time": message.create_time,
                "event": message.event,
                "session_from": message.fields.get("SessionFrom"),
            }
        }
        await on_new_message(
            UserMessage(
                text,
                output,
                sender_id,
                input_channel=self.name(),
                message_id=message.msg_id,
                metadata=metadata,
            )
        )
        await output.flush(sender_id)

    async def drain(self, timeout_s: float = STOP_GRACE_S) -> None:
        """Wait for the messages being handled, cancelling those still running after ``timeout_s``.

        Args:
            timeout_s: how long to wait.
        """
        pending = list(self._tasks)
        if not pending:
            return
        _, still_running = await asyncio.wait(pending, timeout=timeout_s)
        for task in still_running:
            task.cancel()
        if still_running:
            logger.warning("WeChat: %d messages still being handled at shutdown were cancelled", len(still_running))

    async def close(self) -> None:
        """Finish background work and close the HTTP session and Redis."""
        await self.drain()
        await self.api.close()
        await self.dedupe.close()


def _first_values(args: Mapping[str, list[str]]) -> dict[str, str]:
    return {key: values[0] if isinstance(values, list) else str(values) for key, values in args.items() if values}


def _who(message: WeChatMessage) -> str:
    return mask_openid(message.openid)
