"""Requests from chosen peer addresses: the TestClient always says ``testclient``."""

from starlette.types import ASGIApp, Receive, Scope, Send


class FromPeer:
    """Wraps an app so each HTTP request comes from ``peer`` (assign it between requests).

    Args:
        app: The application.
        peer: The address requests come from.
    """

    def __init__(self, app: ASGIApp, peer: str = "198.51.100.1") -> None:
        self.app = app
        self.peer = peer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with ``client`` set to the peer."""
        if scope["type"] == "http":
            scope = {**scope, "client": (self.peer, 40000)}
        await self.app(scope, receive, send)
