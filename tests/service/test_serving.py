"""Forwarded headers are believed only from configured proxies (item 4): a real uvicorn, spoofed X-Forwarded-For."""

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.core.serving import uvicorn_options
from bundle_service.main import create_app
from tests.live_stack import free_port

from .factories import NEWCOMER, form


def test_no_proxy_configured_means_forwarded_headers_are_ignored() -> None:
    options = uvicorn_options(Settings())
    assert options["proxy_headers"] is False and options["forwarded_allow_ips"] == ""
    assert options["server_header"] is False
    trusting = uvicorn_options(Settings(trusted_proxies="10.0.0.7, 10.0.0.8"))
    assert trusting["proxy_headers"] is True and trusting["forwarded_allow_ips"] == "10.0.0.7,10.0.0.8"


def _serve(services: Services, settings: Settings) -> Iterator[str]:
    port = free_port()
    options = {**uvicorn_options(settings), "host": "127.0.0.1", "port": port, "log_config": None}
    server = uvicorn.Server(uvicorn.Config(create_app(services=services), **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def served(services: Services) -> Iterator[str]:
    yield from _serve(services, services.settings)


@pytest.fixture
def served_behind_proxy(services: Services) -> Iterator[str]:
    yield from _serve(services, services.settings.model_copy(update={"trusted_proxies": "127.0.0.1"}))


def _guesses(url: str) -> list[int]:
    number = httpx.post(f"{url}/api/v1/applications", json=form()).json()["number"]
    wrong = "000000" if NEWCOMER[-6:] != "000000" else "111111"
    return [
        httpx.post(
            f"{url}/api/v1/applications/{number}/progress",
            json={"id_last6": wrong},
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        ).status_code
        for n in range(1, 8)
    ]


def test_a_new_forwarded_address_per_guess_is_still_the_same_caller(served: str) -> None:
    assert _guesses(served) == [404] * 5 + [429] * 2


def test_behind_a_configured_proxy_each_forwarded_address_is_its_own_caller(served_behind_proxy: str) -> None:
    assert _guesses(served_behind_proxy) == [404] * 7
