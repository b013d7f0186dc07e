"""A cap on request bodies, per route: 413 with a Chinese message before a large body is read.

A declared ``Content-Length`` above the cap is refused before the application runs; a body sent without one
(chunked) is counted as it streams and refused as soon as it passes the cap (the application then sees a
disconnect and its own answer is dropped).
"""

import json
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_LIMIT = 256_000  # bytes; decimal units, like the file cap of the FAQ import


@dataclass(frozen=True)
class RouteLimit:
    """The cap of the requests whose path starts with ``prefix``."""

    prefix: str
    max_bytes: int


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit / 1000:g} KB"


def _answer(status: int, code: str, message: str) -> tuple[Message, Message]:
    body = json.dumps({"code": code, "message": message, "errors": []}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode("ascii"))]
    return (
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": body},
    )


class BodyLimitMiddleware:
    """ASGI middleware refusing request bodies over the cap of their route.

    Args:
        app: The application.
        limits: Caps of path prefixes; the longest matching prefix wins.
        default: The cap of every other route.
    """

    def __init__(self, app: ASGIApp, limits: list[RouteLimit], default: int = DEFAULT_LIMIT) -> None:
        self.app = app
        self.limits = sorted(limits, key=lambda limit: len(limit.prefix), reverse=True)
        self.default = default

    def limit_for(self, path: str) -> int:
        """The cap of ``path``."""
        return next((limit.max_bytes for limit in self.limits if path.startswith(limit.prefix)), self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a declared or streamed body over the route's cap with 413."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        too_large = _answer(413, "body_too_large", f"请求内容过大：此接口最多接受 {_size(limit)}。")
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                for message in _answer(400, "invalid_content_length", "请求头 Content-Length 无效。"):
                    await send(message)
                return
            if int(declared) > limit:
                for message in too_large:
                    await send(message)
                return
        state = {"received": 0, "started": False, "refused": False}

        async def counted_receive() -> Message:
            if state["refused"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit and not state["started"]:
                    state["refused"] = True
                    for answer in too_large:
                        await send(answer)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if state["refused"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        await self.app(scope, counted_receive, guarded_send)
