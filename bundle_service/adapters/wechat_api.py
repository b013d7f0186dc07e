"""A minimal synchronous client of the WeChat API's JSON endpoints and their ``errcode``/``errmsg`` answers."""

import json
from collections.abc import Mapping
from typing import Any, Literal

import httpx

# One pooled client for every call of this process (thread-safe): a client per call builds a TLS context each time,
# which cost ~70 ms per send in the notifications measurement (docs/notifications.md).
_CLIENT = httpx.Client()


class WeChatApiError(Exception):
    """A WeChat API call that did not succeed.

    Attributes:
        errcode: WeChat's error code (never 0), or None when WeChat gave no usable answer (transport error,
            not a JSON object, or a non-numeric ``errcode``).
        errmsg: WeChat's ``errmsg``, or the failure.
    """

    def __init__(self, errcode: int | None, errmsg: str) -> None:
        super().__init__(errmsg if errcode is None else f"{errcode} {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg


def call(
    method: Literal["GET", "POST"],
    url: str,
    *,
    timeout: float,
    params: Mapping[str, str] | None = None,
    body: object = None,
) -> dict[str, Any]:
    """Send one request and return WeChat's JSON answer when its ``errcode`` is 0 or absent.

    Args:
        method: HTTP method.
        url: Full URL of the endpoint.
        timeout: Seconds for the whole request.
        params: Query parameters.
        body: JSON body, sent as UTF-8 with non-ASCII text unescaped (WeChat shows escapes literally); None: none.

    Raises:
        WeChatApiError: A transport error, an answer that is not a JSON object, or a non-zero ``errcode``.
    """
    content = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = None if body is None else {"Content-Type": "application/json"}
    try:
        answer = _CLIENT.request(method, url, params=params, content=content, headers=headers, timeout=timeout).json()
    except (httpx.HTTPError, ValueError) as error:
        raise WeChatApiError(None, str(error)) from error
    if not isinstance(answer, dict):
        raise WeChatApiError(None, f"not a JSON object: {answer!r:.200}")
    try:
        errcode = int(str(answer.get("errcode", 0)))
    except ValueError:
        raise WeChatApiError(None, f"errcode is not a number: {answer.get('errcode')!r:.50}") from None
    if errcode != 0:
        raise WeChatApiError(errcode, str(answer.get("errmsg", "")))
    return answer
