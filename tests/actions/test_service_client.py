"""The actions' calls to the service over one kept connection: same answers and errors, the time limit per call."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from actions import service_client
from actions.service_client import NotFound, Rejected, ServiceTimeout, get_json, post_json


async def answer(request: web.Request) -> web.Response:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    if request.path == "/slow":
        await asyncio.sleep(1.0)
    if request.path == "/missing":
        return web.json_response({"detail": "没有这个申请"}, status=404)
    if request.path == "/wrong":
        return web.json_response({"message": "手机号不对", "errors": [{"field": "phone"}]}, status=422)
    body = await request.json() if request.can_read_body else None
    return web.json_response({"body": body, "port": peer[1] if peer else None, "gw": request.headers.get("X-Test")})


@pytest.fixture
async def service(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    monkeypatch.setenv("BUNDLE_SERVICE_URL", url)
    yield url
    await service_client.kept_session().close()
    await runner.cleanup()


async def test_calls_share_one_connection_and_keep_their_answers_and_headers(service: str) -> None:
    first = await post_json("/api/v1/validation/phone", {"value": "13912345678"}, {"X-Test": "甲"})
    second = await get_json("/api/v1/ping", {"X-Test": "乙"})
    assert first["body"] == {"value": "13912345678"} and first["gw"] == "甲"
    assert second["body"] is None and second["gw"] == "乙"
    assert first["port"] == second["port"]  # the second call did not open a new connection


async def test_errors_are_mapped_as_before(service: str) -> None:
    with pytest.raises(NotFound):
        await get_json("/missing")
    with pytest.raises(Rejected) as wrong:
        await post_json("/wrong", {"value": "123"})
    assert wrong.value.message == "手机号不对" and wrong.value.errors == [{"field": "phone"}]
    assert (await get_json("/after"))["body"] is None  # the kept session still serves after errors


async def test_the_time_limit_and_the_address_are_read_for_each_call(
    service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await get_json("/fast"))["body"] is None
    monkeypatch.setenv("BUNDLE_SERVICE_TIMEOUT_SECONDS", "0.2")
    with pytest.raises(ServiceTimeout):
        await get_json("/slow")
    monkeypatch.setenv("BUNDLE_SERVICE_URL", "http://127.0.0.1:9")  # nothing listens: unavailable, not the old one
    with pytest.raises(service_client.ServiceUnavailable):
        await get_json("/fast")


async def test_idle_connections_are_dropped_before_the_service_drops_them() -> None:
    assert service_client.KEEPALIVE_S < 5  # uvicorn's keep-alive: a call never goes out on a closing connection
    session = service_client.kept_session()
    assert session is service_client.kept_session() and not session.closed
    await session.close()
    assert service_client.kept_session() is not session  # a closed session is replaced
