"""A real HTTP server on 127.0.0.1 playing the platform's booking desk (``POST /bookings``, ``…/{ref}/cancel``)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..fake_peers import _Server


@dataclass
class FakeDesk:
    """Takes bookings like the desk: 201 with a reference; ``received`` keeps each request body as it arrived.

    A repeated ``Idempotency-Key`` answers the first reference without a new booking (``keys`` keeps every key
    received). Set ``failing`` to answer 500 (the desk down); ``during`` runs inside each booking request, before
    the answer (to look at the service's database while it waits).
    """

    received: list[dict[str, Any]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    failing: bool = False
    during: Callable[[], None] | None = None
    answered: dict[str, str] = field(default_factory=dict)
    cancelled: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.server = _Server(self.handle)
        self.url = self.server.url

    def handle(
        self, method: str, path: str, _query: dict[str, Any], body: Any, *, raw: bytes, headers: Mapping[str, str]
    ) -> tuple[int, Any]:
        if method == "POST" and path.startswith("/bookings/") and path.endswith("/cancel"):
            return self.cancel(path.removeprefix("/bookings/").removesuffix("/cancel"), body)
        if method != "POST" or path != "/bookings":
            return 404, {"error": "not found"}
        if self.during is not None:
            self.during()
        if self.failing:
            return 500, {"error": "desk down"}
        key = headers.get("Idempotency-Key", "")
        self.keys.append(key)
        if key and key in self.answered:
            return 201, {"reference": self.answered[key], "note": "请带身份证到店"}
        self.received.append(body)
        reference = f"{body['kind'].upper()}-{len(self.received):04d}"
        if key:
            self.answered[key] = reference
        return 201, {"reference": reference, "note": "请带身份证到店"}

    def cancel(self, reference: str, body: Any) -> tuple[int, Any]:
        """Cancel a booking it took (the same kind and provider), once or again."""
        if self.failing:
            return 500, {"error": "desk down"}
        taken = [f"{b['kind'].upper()}-{n:04d}" for n, b in enumerate(self.received, start=1)]
        if reference not in taken:
            return 404, {"error": "no such booking"}
        booked = self.received[taken.index(reference)]
        if (body or {}).get("kind") != booked["kind"] or body.get("provider") != booked["provider"]:
            return 409, {"error": "kind or provider differs from the booking"}
        self.cancelled.append({"reference": reference, "kind": booked["kind"], "provider": booked["provider"]})
        return 200, {"reference": reference, "cancelled": True}

    def close(self) -> None:
        self.server.close()
