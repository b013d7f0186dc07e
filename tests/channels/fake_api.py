"""A fake api.weixin.qq.com on 127.0.0.1: tokens, the customer-service send API, scripted errors.

A real HTTP server (aiohttp) that issues access_tokens from ``/cgi-bin/token`` and
``/cgi-bin/stable_token``, checks every send's access_token, JSON body, ``touser``,
``msgtype`` and content, and can play token expiry (40001) and quota errors (45015, 45047).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.channels.wechat_peer import APP_ID, APP_SECRET


@dataclass
class Sent:
    """One call of the fake send API."""

    access_token: str
    body: dict[str, Any]
    errcode: int


class FakeWeChatApi:
    """api.weixin.qq.com on 127.0.0.1: tokens, the customer-service send API, scripted errors."""

    def __init__(self, app_id: str = APP_ID, app_secret: str = APP_SECRET) -> None:
        self.app_id, self.app_secret = app_id, app_secret
        self.token_requests: list[dict[str, Any]] = []
        self.sends: list[Sent] = []
        self.problems: list[str] = []  # malformed calls: a test asserts this stays empty
        self.scripted: list[int] = []  # errcodes to answer the next sends with, in order
        self.always: int | None = None  # errcode answered to every send
        self.valid_tokens: set[str] = set()
        self._issued = 0
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    @property
    def delivered(self) -> list[Sent]:
        return [sent for sent in self.sends if sent.errcode == 0]

    def expire_tokens(self) -> None:
        """Every token issued so far becomes invalid (WeChat answers 40001)."""
        self.valid_tokens.clear()

    def _issue(self) -> dict[str, Any]:
        self._issued += 1
        token = f"ACCESS_TOKEN_{self._issued}"
        self.valid_tokens.add(token)
        return {"access_token": token, "expires_in": 7200}

    async def _token(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.token_requests.append({"endpoint": "token", **query})
        if query.get("grant_type") != "client_credential":
            return web.json_response({"errcode": 40002, "errmsg": "invalid grant_type"})
        if query.get("appid") != self.app_id or query.get("secret") != self.app_secret:
            return web.json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        return web.json_response(self._issue())

    async def _stable_token(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.token_requests.append({"endpoint": "stable_token", **body})
        if body.get("grant_type") != "client_credential":
            return web.json_response({"errcode": 40002, "errmsg": "invalid grant_type"})
        if body.get("appid") != self.app_id or body.get("secret") != self.app_secret:
            return web.json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        if not body.get("force_refresh") and self.valid_tokens:
            return web.json_response({"access_token": sorted(self.valid_tokens)[-1], "expires_in": 7000})
        return web.json_response(self._issue())

    async def _send(self, request: web.Request) -> web.Response:
        token = request.query.get("access_token", "")
        try:
            body = json.loads(await request.text())
        except json.JSONDecodeError:
            self.problems.append("body is not JSON")
            return web.json_response({"errcode": 47001, "errmsg": "data format error"})
        if not isinstance(body.get("touser"), str) or not body["touser"]:
            self.problems.append(f"no touser: {body}")
        if body.get("msgtype") != "text" or not isinstance(body.get("text", {}).get("content"), str):
            self.problems.append(f"not a text message: {body}")
        if token not in self.valid_tokens:
            errcode = 40001
        elif self.scripted:
            errcode = self.scripted.pop(0)
        else:
            errcode = self.always or 0
        self.sends.append(Sent(token, body, errcode))
        messages = {0: "ok", 40001: "invalid credential", 45015: "response out of time limit", 45047: "out of limit"}
        return web.json_response({"errcode": errcode, "errmsg": messages.get(errcode, "error")})

    async def start(self) -> FakeWeChatApi:
        app = web.Application()
        app.router.add_get("/cgi-bin/token", self._token)
        app.router.add_post("/cgi-bin/stable_token", self._stable_token)
        app.router.add_post("/cgi-bin/message/custom/send", self._send)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
