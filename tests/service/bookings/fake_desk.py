"""A real HTTP server on 127.0.0.1 playing the platform's booking desk (``POST /bookings``)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..fake_peers import _Server


@dataclass
class FakeDesk:
    """Takes bookings like the desk: 201 with a reference; ``received`` keeps each request body as it arrived.

    Set ``failing`` to answer 500 (the desk down).
    """

    received: list[dict[str, Any]] = field(default_factory=list)
    failing: bool = False

    def __post_init__(self) -> None:
        self.server = _Server(self.handle)
        self.url = self.server.url

    def handle(
        self, method: str, path: str, _query: dict[str, Any], body: Any, *, raw: bytes, headers: Mapping[str, str]
    ) -> tuple[int, Any]:
        if method != "POST" or path != "/bookings":
            return 404, {"error": "not found"}
        if self.failing:
            return 500, {"error": "desk down"}
        self.received.append(body)
        return 201, {"reference": f"{body['kind'].upper()}-{len(self.received):04d}", "note": "请带身份证到店"}

    def close(self) -> None:
        self.server.close()
