"""A service slower than the actions' timeout: the user is told plainly, and a retry finds the filing.

Item 9 of the security review: on Python 3.10 ``asyncio.TimeoutError`` is not the built-in ``TimeoutError``, so a
slow answer escaped ``actions/service_client.py`` and crashed the action after the application had been filed.
Here a proxy in front of the real service forwards every request (the service does the work) and answers only
after the actions have given up.
"""

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from actions.application.application_actions import SUBMIT_TIMED_OUT, ActionSubmitApplication
from actions.progress.progress import ActionShowProgress
from tests.actions.test_application_actions import NUMBER, run
from tests.actions.test_application_form import FILLED

ACTION_TIMEOUT_S = 0.5
SERVICE_DELAY_S = 2.0


class SlowProxy:
    """Forwards to ``target`` at once, then holds the answer for ``delay_s``; records the service's answers."""

    def __init__(self, target: str, delay_s: float) -> None:
        self.target, self.delay_s = target, delay_s
        self.answers: list[tuple[int, bytes]] = []
        self.in_flight = 0
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def _handle(self, request: web.Request) -> web.Response:
        self.in_flight += 1
        try:
            return await self._forward(request)
        finally:
            self.in_flight -= 1

    async def _forward(self, request: web.Request) -> web.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                request.method, f"{self.target}{request.path_qs}", data=await request.read(), headers=headers
            ) as answer,
        ):
            status, body = answer.status, await answer.read()
        self.answers.append((status, body))
        await asyncio.sleep(self.delay_s)
        return web.Response(status=status, body=body, content_type="application/json")

    async def start(self) -> "SlowProxy":
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        await web.SockSite(self.runner, sock).start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self

    async def settled(self, timeout_s: float = 60.0) -> None:
        """Wait until every forwarded request has been answered by the service and held."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while self.in_flight and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)

    async def stop(self) -> None:
        assert self.runner is not None
        await self.settled()
        await self.runner.cleanup()


@pytest.fixture
async def slow_service(service_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SlowProxy]:
    proxy = await SlowProxy(service_url, SERVICE_DELAY_S).start()
    monkeypatch.setenv("BUNDLE_SERVICE_URL", proxy.url)
    monkeypatch.setenv("BUNDLE_SERVICE_TIMEOUT_SECONDS", str(ACTION_TIMEOUT_S))
    yield proxy
    await proxy.stop()


async def test_a_submit_timing_out_is_told_and_the_retry_finds_the_filing(
    slow_service: SlowProxy, service_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    slots: dict[str, Any] = {**FILLED, "confirm_submission": True, "application_attempt": "attempt-slow"}
    text, set_slots = await run(ActionSubmitApplication(), "确认提交", "affirm", slots, sender="slow-user")
    assert text == SUBMIT_TIMED_OUT and "超时" in text and "不会重复提交" in text
    assert set_slots == {"confirm_submission": None, "application_paused": True}  # the form is kept
    await slow_service.settled()
    ((status, body),) = slow_service.answers
    filed = NUMBER.search(body.decode())
    assert status == 201 and filed  # the service filed it while the user waited

    monkeypatch.setenv("BUNDLE_SERVICE_URL", service_url)  # later, the service is fast again: 继续申请 → 确认提交
    again, _ = await run(ActionSubmitApplication(), "确认提交", "affirm", slots, sender="slow-user")
    assert NUMBER.search(again).group(0) == filed.group(0)  # type: ignore[union-attr]  # the same filing, once


async def test_a_progress_check_timing_out_is_told_not_crashed(slow_service: SlowProxy) -> None:
    slots = {"progress_number": "CY20260101000001", "progress_id_last6": "123456"}
    text, set_slots = await run(ActionShowProgress(), "123456", "inform", slots)
    assert "暂时连不上" in text and "稍后再试" in text  # a plain message, not an exception escaping the action
    assert set_slots == {"progress_number": None, "progress_id_last6": None}
