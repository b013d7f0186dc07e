"""HTTP client of the bundle service, with typed errors for the actions to map."""

import asyncio
import os
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from rasa_sdk import Tracker

from contract import gateway
from contract.conversations import Identity, identify

DEFAULT_SERVICE_URL = "http://127.0.0.1:8000"
DEFAULT_TIMEOUT_S = 10.0  # a slow answer beats "cannot connect"; a refused connection still fails at once
CONNECT_TIMEOUT_S = 3.0
KEEPALIVE_S = 2.0  # an idle connection to the service is kept this long (the service keeps it 5 s)
# The kept session of each event loop (one in the action server; a test's closed loop is dropped with its session).
_SESSIONS: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}


class ServiceError(Exception):
    """Base class of every failure talking to the bundle service."""


class ServiceUnavailable(ServiceError):
    """The service could not be reached or answered with a server error."""


class ServiceTimeout(ServiceUnavailable):
    """The service did not answer in time: the request may still have been carried out."""


class ServiceRefused(ServiceUnavailable):
    """The service refused the request with a 4xx this client has no type for (400, 413 …): not an outage.

    A subclass of :class:`ServiceUnavailable`, so callers that only know that one still handle it; callers that
    can say something better (the request was refused, the service is up) catch this first.
    """


class NotFound(ServiceError):
    """The service does not know the requested resource (or may not reveal it)."""


@dataclass
class Rejected(ServiceError):
    """The service refused the input (422): every wrong field with its Chinese reason.

    Attributes:
        message: The service's overall message.
        errors: ``{"field", "code", "message"}`` per wrong field.
    """

    message: str
    errors: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Conflict(ServiceError):
    """The request is refused in this state (409): ``code`` says why (``not_finished``, ``already_rated`` …).

    Attributes:
        code: The service's machine-readable reason.
        message: Its Chinese message.
    """

    code: str
    message: str = ""


@dataclass
class TooManyAttempts(ServiceError):
    """Too many wrong verifications (429); try again after ``retry_after`` seconds."""

    retry_after: int


def service_url() -> str:
    """Base URL of the bundle service, from ``BUNDLE_SERVICE_URL``."""
    return os.environ.get("BUNDLE_SERVICE_URL", DEFAULT_SERVICE_URL).rstrip("/")


def timeout() -> aiohttp.ClientTimeout:
    """Time allowed for one call to the service (``BUNDLE_SERVICE_TIMEOUT_SECONDS``, default 10 s; 3 s to connect)."""
    try:
        seconds = float(os.environ.get("BUNDLE_SERVICE_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_S))
    except ValueError:
        seconds = DEFAULT_TIMEOUT_S
    total = seconds if seconds > 0 else DEFAULT_TIMEOUT_S
    return aiohttp.ClientTimeout(total=total, sock_connect=min(CONNECT_TIMEOUT_S, total))


async def put_json(path: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    """PUT ``body`` as JSON to ``path`` and return the decoded JSON answer (errors as :func:`post_json`)."""
    return await _request("PUT", path, body, headers)


async def delete_json(path: str, headers: dict[str, str] | None = None) -> Any:
    """DELETE ``path`` and return the decoded JSON answer (errors as :func:`post_json`, 409 as :class:`Conflict`)."""
    return await _request("DELETE", path, headers=headers)


def tracker_identity(tracker: Tracker) -> Identity:
    """Who the conversation's latest message speaks for: its id's namespace and its channel together.

    A ``wechat:<openid>`` conversation is that WeChat user only when the message came through the WeChat or the
    mini-program channel, which put the id there after checking WeChat's signature or the login token; a
    ``hotline:`` conversation is a console call only through the hotline channel (``contract/conversations.py``).
    """
    return identify(tracker.sender_id, tracker.get_latest_input_channel())


def gateway_headers(client_id: str | None, channel: str | None = None) -> dict[str, str]:
    """Headers of a trusted front layer: the shared gateway token and the conversation as the client.

    The service throttles wrong verifications per client; without the token every chat user would share the
    action server's address. A WeChat conversation (``wechat:<openid>``) whose message came through the WeChat or
    mini-program channel also asserts its openid, so what the user files is theirs and they see it without
    verification (``/api/v1/me/applications``); the same id on any other channel asserts nothing (and the
    sandboxed REST channel never produces it). Nothing is sent when ``BUNDLE_GATEWAY_TOKEN`` is unset.
    """
    token = os.environ.get(gateway.SECRET_VARIABLE)
    if not token or not client_id:
        return {}
    headers = {gateway.TOKEN_HEADER: token, gateway.CLIENT_ID_HEADER: client_id[: gateway.MAX_CLIENT_ID_LENGTH]}
    openid = identify(client_id, channel).openid
    if openid:
        headers[gateway.OPENID_HEADER] = openid
    return headers


def tracker_headers(tracker: Tracker) -> dict[str, str]:
    """:func:`gateway_headers` of the conversation and the channel of its latest message."""
    return gateway_headers(tracker.sender_id, tracker.get_latest_input_channel())


async def _detail(response: aiohttp.ClientResponse) -> dict[str, Any]:
    """The JSON object of an error answer (empty when the body is not one: the status still says enough)."""
    try:
        detail = await response.json(content_type=None)
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def kept_session() -> aiohttp.ClientSession:
    """The running event loop's session to the service, whose connections are kept between calls.

    A new session per call opened a new TCP connection for each of the two or three service calls of a form step
    and tore it down again (``docs/benchmarks.md``, "Issue 16, round 8"). The session is the loop's (a closed one,
    or another loop, gets a new one); it keeps an idle connection for :data:`KEEPALIVE_S`, below the service's
    keep-alive (uvicorn's 5 s), so no call is sent on a connection the service is closing. The time allowed and
    the URL are read per call, as before.
    """
    loop = asyncio.get_running_loop()
    kept = _SESSIONS.get(loop)
    if kept is None or kept.closed:
        for old in [old for old in _SESSIONS if old.is_closed()]:
            del _SESSIONS[old]
        kept = _SESSIONS[loop] = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S), connector_owner=True
        )
    return kept


async def _request(method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
    try:
        async with kept_session().request(
            method, f"{service_url()}{path}", json=body, headers=headers or {}, timeout=timeout()
        ) as response:
            if response.status == 404:
                raise NotFound(path)
            if response.status == 422:
                detail = await _detail(response)
                raise Rejected(str(detail.get("message") or detail.get("detail") or ""), list(detail.get("errors", [])))
            if response.status == 409:
                detail = await response.json()
                raise Conflict(str(detail.get("code", "")), str(detail.get("message") or detail.get("detail") or ""))
            if response.status == 429:
                raise TooManyAttempts(int(response.headers.get("Retry-After", "600")))
            if 400 <= response.status < 500:
                raise ServiceRefused(f"{method} {path} answered {response.status}")
            if response.status >= 400:
                raise ServiceUnavailable(f"{method} {path} answered {response.status}")
            return await response.json()
    except asyncio.TimeoutError as error:  # on Python 3.10 not the built-in TimeoutError
        raise ServiceTimeout(f"{method} {path}: no answer within {timeout().total} s") from error
    except aiohttp.ClientError as error:
        raise ServiceUnavailable(f"{method} {path}: {error!r}") from error


async def get_json(path: str, headers: dict[str, str] | None = None) -> Any:
    """GET ``path`` from the service and return the decoded JSON body.

    Raises:
        NotFound: the service answered 404.
        ServiceUnavailable: connection failure, time-out (:class:`ServiceTimeout`) or any other non-2xx answer.
    """
    return await _request("GET", path, headers=headers)


async def post_json(path: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    """POST ``body`` as JSON to ``path`` and return the decoded JSON answer.

    Raises:
        NotFound: 404.
        Rejected: 422 with the wrong fields.
        TooManyAttempts: 429.
        ServiceUnavailable: connection failure, time-out (:class:`ServiceTimeout`) or any other error status.
    """
    return await _request("POST", path, body, headers)


async def check_field(field: str, value: Any, context: dict[str, Any] | None = None) -> tuple[Any, str | None]:
    """Validate one form field with the service (``POST /api/v1/validation/{field}``).

    Returns:
        ``(normalised value, None)`` when valid, else ``(None, the service's Chinese reason)``.

    Raises:
        ServiceUnavailable: the service cannot be reached.
    """
    verdict = await post_json(f"/api/v1/validation/{field}", {"value": value, "context": context or {}})
    if verdict["valid"]:
        return verdict["value"], None
    return None, str(verdict["message"])
