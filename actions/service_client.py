"""HTTP client of the bundle service, with typed errors for the actions to map."""

import os
from typing import Any

import aiohttp

DEFAULT_SERVICE_URL = "http://127.0.0.1:8000"
TIMEOUT = aiohttp.ClientTimeout(total=5)


class ServiceError(Exception):
    """Base class of every failure talking to the bundle service."""


class ServiceUnavailable(ServiceError):
    """The service could not be reached or answered with a server error."""


class NotFound(ServiceError):
    """The service does not know the requested resource."""


def service_url() -> str:
    """Base URL of the bundle service, from ``BUNDLE_SERVICE_URL``."""
    return os.environ.get("BUNDLE_SERVICE_URL", DEFAULT_SERVICE_URL).rstrip("/")


async def get_json(path: str) -> Any:
    """GET ``path`` from the service and return the decoded JSON body.

    Raises:
        NotFound: the service answered 404.
        ServiceUnavailable: connection failure, time-out or any other non-2xx answer.
    """
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.get(f"{service_url()}{path}") as response,
        ):
            if response.status == 404:
                raise NotFound(path)
            if response.status >= 400:
                raise ServiceUnavailable(f"{path} answered {response.status}")
            return await response.json()
    except (aiohttp.ClientError, TimeoutError) as error:
        raise ServiceUnavailable(f"{path}: {error!r}") from error
