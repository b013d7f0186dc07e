"""The action server answers only Rasa: every call but /health needs ACTION_SERVER_TOKEN (item 2 of the review).

A made-up tracker posted to ``/webhook`` (``validate_progress_form`` for ``wechat:<openid>`` on the mini-program
channel) used to run with the gateway token's trust and return that user's progress.
"""

import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from sanic import Sanic

from actions import server
from tests.forged_tracker import forged_call
from tests.live_stack import free_port

TOKEN = "action-server-test-token-0123456789abcdef"


@pytest.fixture
async def action_server() -> AsyncIterator[str]:
    Sanic.test_mode = True
    app = server.create_app(TOKEN)
    app.name = f"actions-test-{uuid.uuid4().hex[:8]}"
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    running = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    assert running is not None
    await running.startup()
    await running.after_start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        await running.before_stop()
        running.close()
        await running.wait_closed()
        await running.after_stop()


async def call(url: str, method: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, url, json=body, headers=headers or {}) as answer,
    ):
        return answer.status, await answer.json(content_type=None)


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}"],
)
async def test_a_forged_tracker_without_rasas_token_is_401(action_server: str, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    status, answer = await call(f"{action_server}/webhook", "POST", forged_call(), headers)
    assert (status, answer) == (401, {"error": "unauthorized"})
    assert (await call(f"{action_server}/actions", "GET", headers=headers))[0] == 401


async def test_health_is_open_and_rasa_with_the_token_is_served(action_server: str) -> None:
    assert (await call(f"{action_server}/health", "GET"))[0] == 200
    status, answer = await call(
        f"{action_server}/webhook", "POST", forged_call(action="action_cancel_application"), server.rasa_headers(TOKEN)
    )
    assert status == 200 and "不会提交" in answer["responses"][0]["text"]
    status, actions = await call(f"{action_server}/actions", "GET", headers=server.rasa_headers(TOKEN))
    assert status == 200 and {"name": "action_handoff"} in actions


def test_the_launcher_refuses_to_start_without_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)
    assert server.main([]) == 2
    assert "ACTION_SERVER_TOKEN" in capsys.readouterr().err
    with pytest.raises(ValueError):
        server.create_app("")


def test_it_binds_loopback_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTION_HOST", raising=False)
    started: dict[str, Any] = {}
    monkeypatch.setenv("ACTION_SERVER_TOKEN", TOKEN)
    monkeypatch.setattr(Sanic, "run", lambda _app, host, port, **_: started.update(host=host, port=port))
    Sanic.test_mode = True
    assert server.main(["--port", str(free_port())]) == 0
    assert started["host"] == "127.0.0.1"


async def test_a_failing_action_tells_rasa_nothing_of_the_tracker(
    action_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rasa-sdk echoed the whole request (names, ID numbers, phones) in its 500 body, and Rasa logs that body."""
    from rasa_sdk.executor import ActionExecutor

    async def fails(self: ActionExecutor, action_call: Any) -> None:
        raise ValueError("year -207980 is out of range")

    monkeypatch.setattr(ActionExecutor, "run", fails)
    call_body = forged_call()
    status, answer = await call(f"{action_server}/webhook", "POST", call_body, server.rasa_headers(TOKEN))
    assert status == 500
    assert answer == {"error": "the action failed; see the action server's log"}
    assert call_body["sender_id"] not in str(answer)
