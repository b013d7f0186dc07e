"""Any input channel in a real Sanic server on a free port, with a stub bot that records and echoes every turn."""

import socket
import uuid
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Sanic


class ChannelHost:
    """``channel``'s blueprint under ``/webhooks/<name>``; ``turns`` holds what reached the bot."""

    def __init__(self, channel: InputChannel) -> None:
        self.channel = channel
        self.turns: list[UserMessage] = []
        Sanic.test_mode = True
        self.app = Sanic(f"channel-test-{uuid.uuid4().hex[:12]}", configure_logging=False)
        self.app.blueprint(channel.blueprint(self._bot), url_prefix=f"/webhooks/{channel.name()}")
        self._server: Any = None
        self.base = ""

    async def _bot(self, message: UserMessage) -> None:
        self.turns.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"收到：{message.text}")

    async def start(self) -> "ChannelHost":
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self._server = await self.app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
        await self._server.startup()
        await self._server.after_start()
        self.base = f"http://127.0.0.1:{sock.getsockname()[1]}/webhooks/{self.channel.name()}"
        return self

    async def stop(self) -> None:
        await self._server.before_stop()
        self._server.close()
        await self._server.wait_closed()
        await self._server.after_stop()

    async def post(self, data: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
        """POST raw bytes to the webhook; the status and the decoded JSON answer."""
        async with (
            aiohttp.ClientSession() as session,
            session.post(f"{self.base}/webhook", data=data, headers=headers or {}) as answer,
        ):
            return answer.status, await answer.json(content_type=None)
