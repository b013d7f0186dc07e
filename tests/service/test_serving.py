"""Forwarded headers are believed only from configured proxies (item 4): a real uvicorn, spoofed X-Forwarded-For."""

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.core.serving import uvicorn_options
from tests.apps import app_for
from tests.in_thread_server import serve_in_thread

from .factories import NEWCOMER, form


def test_no_proxy_configured_means_forwarded_headers_are_ignored() -> None:
    options = uvicorn_options(Settings())
    assert options["proxy_headers"] is False and options["forwarded_allow_ips"] == ""
    assert options["server_header"] is False
    trusting = uvicorn_options(Settings(trusted_proxies="10.0.0.7, 10.0.0.8"))
    assert trusting["proxy_headers"] is True and trusting["forwarded_allow_ips"] == "10.0.0.7,10.0.0.8"


@contextmanager
def _serve(services: Services, settings: Settings) -> Iterator[str]:
    """The app on a loopback port with uvicorn's options for ``settings`` (proxy headers as configured)."""
    options = {k: v for k, v in uvicorn_options(settings).items() if k not in ("host", "port")}
    with app_for(services) as app, serve_in_thread(app, **{**options, "log_config": None}) as url:
        yield url


@pytest.fixture
def served(services: Services) -> Iterator[str]:
    with _serve(services, services.settings) as url:
        yield url


@pytest.fixture
def served_behind_proxy(services: Services) -> Iterator[str]:
    with _serve(services, services.settings.model_copy(update={"trusted_proxies": "127.0.0.1"})) as url:
        yield url


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
