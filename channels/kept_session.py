"""Rasa's calls to the action server (and its other HTTP endpoints) over one kept client session.

Rasa 3.6 opens a new ``aiohttp.ClientSession`` for every request to an endpoint (``EndpointConfig.request``): a
new connection pool, a new TCP connection and its teardown for every custom action, about 0.7 ms of the Rasa
process's CPU per call more than a kept connection (``docs/benchmarks.md``, "Issue 16, round 2"). :func:`install`
(called by ``channels/server.py`` before Rasa starts) makes ``EndpointConfig.session`` hand out one session per
endpoint and event loop, configured as Rasa configures its own (headers, basic auth, default timeout), which the
``async with`` of Rasa's request does not close. Its idle connections are kept for :data:`KEEPALIVE_SECONDS`,
below the action server's keep-alive (Sanic's ``KEEP_ALIVE_TIMEOUT``, 5 s), so Rasa never sends on a connection
the server is closing. A closed session (or a new event loop) gets a new one.
"""

from __future__ import annotations

import asyncio
import weakref
from types import TracebackType
from typing import Any

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

ORIGINAL_SESSION = EndpointConfig.session
KEEPALIVE_SECONDS = 2.0  # below the action server's 5 s (Sanic's default KEEP_ALIVE_TIMEOUT)


class KeptSession:
    """A session that ``async with`` enters but does not close (it is the endpoint's, not the request's)."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.session, name)


def new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """A session configured as Rasa's ``EndpointConfig.session`` configures it, keeping idle connections briefly."""
    credentials = endpoint.basic_auth
    auth = aiohttp.BasicAuth(credentials["username"], credentials["password"]) if credentials else None
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
    )


_SESSIONS: dict[tuple[int, int], tuple[weakref.ref[Any], weakref.ref[Any], aiohttp.ClientSession]] = {}


def kept_session(endpoint: EndpointConfig) -> Any:
    """The endpoint's session for the running event loop (Rasa's own outside a loop)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return ORIGINAL_SESSION(endpoint)
    key = (id(endpoint), id(loop))
    kept = _SESSIONS.get(key)
    if kept is None or kept[0]() is not endpoint or kept[1]() is not loop or kept[2].closed:
        for old, (endpoint_ref, loop_ref, _) in list(_SESSIONS.items()):
            if endpoint_ref() is None or loop_ref() is None:
                del _SESSIONS[old]
        kept = _SESSIONS[key] = (weakref.ref(endpoint), weakref.ref(loop), new_session(endpoint))
    return KeptSession(kept[2])


def install() -> None:
    """Give Rasa's endpoints their kept sessions."""
    EndpointConfig.session = kept_session
