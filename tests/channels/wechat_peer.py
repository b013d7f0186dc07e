"""The other side of the channel in tests: WeChat's push servers (built on wechatpy) and its API.

- :class:`WeChatPeer` builds pushes the way WeChat does, with wechatpy's signer and
  ``WeChatCrypto`` - an implementation independent of the channel's own crypto.
- :class:`FakeWeChatApi` (in ``fake_api``) stands in for api.weixin.qq.com.
- :class:`ChannelServer` runs the channel's blueprint in a real Sanic server on a
  free port, with a stub bot that counts conversation turns.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import xmltodict
from rasa.core.channels.channel import UserMessage
from sanic import Sanic
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

from channels.wechat import WeChatInput
from channels.wechat.config import WeChatSettings

TOKEN = "test-token-4f2a"
AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
APP_ID = "wx49f0ab532d5d035a"
APP_SECRET = "test-secret-0b7c"
OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs"
MINI_PROGRAM = "gh_10f6c3c3ac5a"


def signature(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return str(signer.signature)


def to_xml(fields: dict[str, Any]) -> str:
    """A push body as WeChat writes it: strings in CDATA, numbers bare."""
    inner = "".join(
        f"<{key}>{value}</{key}>" if isinstance(value, int) else f"<{key}><![CDATA[{value}]]></{key}>"
        for key, value in fields.items()
    )
    return f"<xml>{inner}</xml>"


def make_settings(base_url: str, **overrides: object) -> WeChatSettings:
    """Channel settings matching the peer's token, key and AppID, sending to ``base_url``."""
    values: dict[str, object] = {
        "token": TOKEN,
        "app_id": APP_ID,
        "app_secret": APP_SECRET,
        "encoding_aes_key": AES_KEY,
        "api_base_url": base_url,
    }
    values.update(overrides)
    return WeChatSettings.load(values, environ={})


@dataclass
class WeChatPeer:
    """Builds signed (and optionally encrypted) pushes for one mini program."""

    token: str = TOKEN
    aes_key: str = AES_KEY
    app_id: str = APP_ID
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(6054768590064713728))

    def text(self, content: str, openid: str = OPENID, msg_id: int | None = None) -> dict[str, Any]:
        return {
            "ToUserName": MINI_PROGRAM,
            "FromUserName": openid,
            "CreateTime": int(time.time()),
            "MsgType": "text",
            "Content": content,
            "MsgId": msg_id if msg_id is not None else next(self._ids),
        }

    def image(self, openid: str = OPENID) -> dict[str, Any]:
        return {
            "ToUserName": MINI_PROGRAM,
            "FromUserName": openid,
            "CreateTime": int(time.time()),
            "MsgType": "image",
            "PicUrl": "https://mmbiz.qpic.cn/example.jpg",
            "MediaId": "media-1",
            "MsgId": next(self._ids),
        }

    def card(self, openid: str = OPENID) -> dict[str, Any]:
        return {
            "ToUserName": MINI_PROGRAM,
            "FromUserName": openid,
            "CreateTime": int(time.time()),
            "MsgType": "miniprogrampage",
            "MsgId": next(self._ids),
            "Title": "创业一件事",
            "AppId": APP_ID,
            "PagePath": "pages/index/index",
            "ThumbUrl": "https://example.com/thumb.jpg",
            "ThumbMediaId": "thumb-1",
        }

    def enter_session(self, openid: str = OPENID, create_time: int | None = None) -> dict[str, Any]:
        return {
            "ToUserName": MINI_PROGRAM,
            "FromUserName": openid,
            "CreateTime": create_time if create_time is not None else int(time.time()),
            "MsgType": "event",
            "Event": "user_enter_tempsession",
            "SessionFrom": "home",
        }

    def push(
        self, fields: dict[str, Any], message_format: str = "xml", encrypted: bool = False
    ) -> tuple[dict[str, str], bytes]:
        """Query parameters and body of a push, as WeChat would POST it."""
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        plain = to_xml(fields) if message_format == "xml" else json.dumps(fields, ensure_ascii=False)
        query = {
            "signature": signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": str(fields.get("FromUserName", "")),
        }
        if not encrypted:
            return query, plain.encode("utf-8")
        envelope = xmltodict.parse(
            WeChatCrypto(self.token, self.aes_key, self.app_id).encrypt_message(plain, nonce, timestamp)
        )
        encrypt, msg_signature = envelope["xml"]["Encrypt"], envelope["xml"]["MsgSignature"]
        query.update(encrypt_type="aes", msg_signature=msg_signature)
        outer = {"ToUserName": MINI_PROGRAM, "Encrypt": encrypt}
        body = to_xml(outer) if message_format == "xml" else json.dumps(outer)
        return query, body.encode("utf-8")

    def url_check(self, echostr: str = "echo-123") -> dict[str, str]:
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex[:10]
        return {
            "signature": signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": echostr,
        }


Bot = Callable[[UserMessage], Awaitable[Any]]


class ChannelServer:
    """The channel in a real Sanic server on a free port, with a stub bot that counts turns."""

    def __init__(self, channel: WeChatInput, bot_delay_s: float = 0.0, bot: Bot | None = None) -> None:
        self.channel = channel
        self.turns: list[UserMessage] = []
        self.bot_delay_s = bot_delay_s
        self._bot = bot
        Sanic.test_mode = True  # several apps in one process (Sanic re-optimises handlers per app otherwise)
        self.app = Sanic(f"wechat-test-{uuid.uuid4().hex[:12]}", configure_logging=False)
        self.app.blueprint(channel.blueprint(self._on_new_message), url_prefix="/webhooks/wechat")
        self._server: Any = None
        self.url = ""

    async def _on_new_message(self, message: UserMessage) -> None:
        if self._bot is not None:
            await self._bot(message)
            return
        self.turns.append(message)
        await asyncio.sleep(self.bot_delay_s)
        await message.output_channel.send_text_message(message.sender_id, f"收到：{message.text}")

    async def start(self) -> ChannelServer:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))  # a free port, held from the start (Sanic reads port 0 as 8000)
        port = sock.getsockname()[1]
        self._server = await self.app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
        await self._server.startup()
        await self._server.after_start()
        self.url = f"http://127.0.0.1:{port}/webhooks/wechat/webhook"
        return self

    async def stop(self) -> None:
        await self.channel.drain(timeout_s=0.2)
        await self._server.before_stop()
        self._server.close()
        await self._server.wait_closed()
        await self._server.after_stop()

    async def post(self, query: dict[str, str], body: bytes) -> tuple[int, str]:
        return await post_push(self.url, query, body)

    async def get(self, query: dict[str, str]) -> tuple[int, str]:
        async with aiohttp.ClientSession() as session, session.get(self.url, params=query) as response:
            return response.status, await response.text()


StartServer = Callable[..., Awaitable[ChannelServer]]


async def post_push(url: str, query: dict[str, str], body: bytes) -> tuple[int, str]:
    """POST a push the way WeChat does; returns the status and the answer's text."""
    async with aiohttp.ClientSession() as session, session.post(url, params=query, data=body) as response:
        return response.status, await response.text()


async def eventually(condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
    """Wait until ``condition()`` holds (background handling is asynchronous)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def settle(seconds: float = 0.3) -> None:
    """Give background tasks time to do something they should not do."""
    await asyncio.sleep(seconds)
