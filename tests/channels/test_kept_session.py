"""Rasa's endpoint requests over the kept session: same answers, errors, headers; one connection, closed when idle."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from channels import kept_session


@pytest.fixture
def installed() -> Iterator[None]:
    kept_session.install()
    yield
    EndpointConfig.session = kept_session.ORIGINAL_SESSION  # type: ignore[method-assign]


async def echo(request: web.Request) -> web.Response:
    body = await request.json()
    if body.get("fail"):
        return web.Response(status=500, text="broken")
    peer = request.transport.get_extra_info("peername") if request.transport else None
    seen = {"auth": request.headers.get("Authorization"), "token": request.query.get("token"), "port": peer[1]}
    return web.json_response({"echo": body, **seen})


@pytest.fixture
async def server() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/webhook", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/webhook"
    await runner.cleanup()


def endpoint(url: str) -> EndpointConfig:
    return EndpointConfig(url, headers={"Authorization": "Bearer s3"}, token="t0")


async def answers(config: EndpointConfig) -> list[dict[str, Any]]:
    return [await config.request(json={"n": n}, method="post") for n in range(3)]


async def test_same_answers_headers_and_errors_as_rasas_own_session(server: str) -> None:
    original = await answers(endpoint(server))
    with pytest.raises(ClientResponseError) as rasas:
        await endpoint(server).request(json={"fail": True}, method="post")
    kept_session.install()
    try:
        config = endpoint(server)
        kept = await answers(config)
        with pytest.raises(ClientResponseError) as kepts:
            await config.request(json={"fail": True}, method="post")
        assert (await config.request(json={"after": "error"}, method="post"))["echo"] == {"after": "error"}
    finally:
        EndpointConfig.session = kept_session.ORIGINAL_SESSION  # type: ignore[method-assign]
    assert [{k: v for k, v in answer.items() if k != "port"} for answer in kept] == [
        {k: v for k, v in answer.items() if k != "port"} for answer in original
    ]
    assert kept[0]["auth"] == "Bearer s3" and kept[0]["token"] == "t0"
    assert (kepts.value.status, kepts.value.text) == (rasas.value.status, rasas.value.text) == (500, b"broken")
    assert len({answer["port"] for answer in original}) == 3  # Rasa's own: a connection per request


async def test_one_connection_while_busy_a_new_one_after_the_keepalive_and_a_new_session_when_closed(
    server: str, installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kept_session.KEEPALIVE_SECONDS < 5  # the action server's (Sanic's) keep-alive: never reused past it
    monkeypatch.setattr(kept_session, "KEEPALIVE_SECONDS", 0.2)
    config = endpoint(server)
    busy = await answers(config)
    assert len({answer["port"] for answer in busy}) == 1
    await asyncio.sleep(0.6)
    idle = await config.request(json={"n": 7}, method="post")
    assert idle["echo"] == {"n": 7} and idle["port"] != busy[0]["port"]
    session = kept_session._SESSIONS[(id(config), id(asyncio.get_running_loop()))][2]
    await session.close()  # a closed session (the loop's shutdown) is replaced, not used
    again = await config.request(json={"n": 9}, method="post")
    assert again["echo"] == {"n": 9} and again["port"] != idle["port"]
