"""The Rasa launcher: no secret on the command line, loopback by default, CORS only for the configured origins."""

import socket
import uuid
from collections.abc import AsyncIterator

import aiohttp
import pytest
from rasa.core.run import configure_app
from sanic import Sanic

from channels.miniprogram import MiniProgramInput
from channels.server import LaunchError, cors_origins, rasa_arguments

ARGS = ["--model", "models/assistant.tar.gz", "--enable-api", "--port", "5005"]
PAGE = "http://127.0.0.1:8000"


def test_the_token_interface_and_origins_come_from_the_environment() -> None:
    environ = {"BUNDLE_RASA_TOKEN": "tok-123", "RASA_CORS_ORIGINS": f"{PAGE}, http://localhost:8000/"}
    assert rasa_arguments(ARGS, environ) == [
        "rasa",
        "run",
        "--interface",
        "127.0.0.1",
        "--auth-token=tok-123",
        "--cors",
        PAGE,
        "http://localhost:8000",
        *ARGS,
    ]
    assert rasa_arguments(ARGS, {**environ, "RASA_HOST": "10.0.0.5"})[2:4] == ["--interface", "10.0.0.5"]
    assert "--cors" not in rasa_arguments(ARGS, {"BUNDLE_RASA_TOKEN": "t"})  # no origins: no cross-origin access


def test_a_token_beginning_with_a_dash_reaches_rasa() -> None:
    # token_urlsafe() begins with "-" once in 64 runs; as a separate word argparse took it for an option.
    from rasa.__main__ import create_argument_parser

    arguments = rasa_arguments(ARGS, {"BUNDLE_RASA_TOKEN": "-Ab3_token"})
    assert create_argument_parser().parse_args(arguments[1:]).auth_token == "-Ab3_token"


@pytest.mark.parametrize("given", [["--auth-token", "x"], ["-t", "x"], ["--cors", "*"], ["-i", "0.0.0.0"]])
def test_secrets_and_network_settings_on_the_command_line_are_refused(given: list[str]) -> None:
    with pytest.raises(LaunchError):
        rasa_arguments([*ARGS, *given], {"BUNDLE_RASA_TOKEN": "t"})


def test_the_api_without_a_token_and_any_origin_are_refused() -> None:
    with pytest.raises(LaunchError, match="BUNDLE_RASA_TOKEN"):
        rasa_arguments(ARGS, {})
    with pytest.raises(LaunchError, match=r"\*"):
        cors_origins(f"{PAGE},*")


@pytest.fixture
async def rasa_app() -> AsyncIterator[str]:
    """Rasa's own app (no model needed for CORS) configured as the launcher configures it."""
    Sanic.test_mode = True
    app = configure_app([MiniProgramInput("s")], cors=cors_origins(PAGE), auth_token="t", enable_api=True)
    app.name = f"rasa-cors-{uuid.uuid4().hex[:8]}"
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


async def preflight(url: str, origin: str) -> dict[str, str]:
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    async with aiohttp.ClientSession() as session, session.options(url, headers=headers) as answer:
        return {key.lower(): value for key, value in answer.headers.items()}


async def test_only_the_configured_origin_may_call_from_a_browser(rasa_app: str) -> None:
    url = f"{rasa_app}/webhooks/miniprogram/webhook"
    allowed = await preflight(url, PAGE)
    assert allowed.get("access-control-allow-origin") == PAGE
    for origin in ("https://evil.example", "http://127.0.0.1:8001", "null"):
        refused = await preflight(url, origin)
        assert "access-control-allow-origin" not in refused
        assert "access-control-allow-credentials" not in refused
