"""Reading a channel's HTTP request: size limit and a JSON object body, refused with a precise 4xx."""

from __future__ import annotations

from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

MAX_BODY_BYTES = 64 * 1024


class BadRequest(Exception):
    """A request refused before it reaches the bot.

    Attributes:
        code: Machine-readable error code.
        message: Chinese message for the caller.
        status: HTTP status (400 unless said otherwise).
    """

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        """Keep the answer's parts."""
        super().__init__(code)
        self.code, self.message, self.status = code, message, status

    def response(self) -> HTTPResponse:
        """The JSON answer ``{"code", "message"}`` with the status."""
        return response.json({"code": self.code, "message": self.message}, status=self.status)


def check_size(request: Request, max_bytes: int = MAX_BODY_BYTES) -> bytes:
    """The raw body, if not larger than ``max_bytes``.

    Raises:
        BadRequest: 413 when it is.
    """
    body = request.body or b""
    if len(body) > max_bytes:
        raise BadRequest("too_large", "消息太长了。", status=413)
    return body


def json_object(request: Request, max_bytes: int = MAX_BODY_BYTES) -> dict[str, Any]:
    """The request body as a JSON object.

    Raises:
        BadRequest: 413 over ``max_bytes``; 400 when the body is not a JSON object.
    """
    check_size(request, max_bytes)
    try:
        body = request.json
    except Exception:  # Sanic raises InvalidUsage for a body that is not JSON
        body = None
    if not isinstance(body, dict):
        raise BadRequest("invalid_request", "请求体应为 JSON 对象。")
    return body
