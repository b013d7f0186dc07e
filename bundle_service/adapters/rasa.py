"""Client of the Rasa server: the hotline channel (console relay) and the HTTP API (tracker, events)."""

import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from bundle_service.core.config import Settings
from bundle_service.core.errors import ServiceError
from contract import staff_claim

logger = logging.getLogger(__name__)
TIMEOUT_S = 30.0


def conversation_path(conversation_id: str) -> str:
    """The conversation id as a path segment of Rasa's HTTP API.

    Rasa (Sanic) takes the segment literally, without percent-decoding it: ``wechat%3Ao…`` would address a new,
    empty conversation instead of ``wechat:o…``. The ``:`` of our ids (``wechat:``, ``hotline:``, ``web:``) is
    legal in a path segment and is sent as is; characters outside the unreserved set are still escaped, which
    Rasa could not address anyway (no channel here produces them).
    """
    return quote(conversation_id, safe=":@")


class RasaUnavailable(ServiceError):
    """Rasa could not be reached or answered with an error (502)."""

    status_code = 502
    default_code = "rasa_unavailable"


@dataclass(frozen=True)
class Turn:
    """One message of a conversation's history.

    Attributes:
        role: ``user``, ``bot`` or ``staff`` (a staff reply recorded in the tracker).
        text: The text.
        at: Unix time of the event.
    """

    role: str
    text: str
    at: float


def rasa_client(settings: Settings) -> "RasaClient":
    """The client of the configured Rasa server."""
    token = settings.rasa_token.get_secret_value() if settings.rasa_token else None
    return RasaClient(settings.rasa_url, token)


@dataclass
class RasaClient:
    """Synchronous calls to Rasa at ``base_url`` (run from FastAPI's thread pool).

    Args:
        base_url: Root of the Rasa server, e.g. ``http://127.0.0.1:5005``.
        token: Rasa's auth token (``BUNDLE_RASA_TOKEN``): sent as ``?token=`` to the HTTP API, and the key of the
            hotline channel's signed staff claims (``contract/staff_claim.py``).
        timeout: Seconds per request.
    """

    base_url: str
    token: str | None = None
    timeout: float = TIMEOUT_S
    _headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})

    def _url(self, path: str) -> str:
        return f"{self.base_url.rstrip('/')}{path}"

    def _call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        api = path.startswith("/conversations/")
        params = {"token": self.token} if api and self.token else None
        try:
            response = httpx.request(
                method,
                self._url(path),
                json=body,
                content=content,
                headers=headers,
                params=params,
                timeout=self.timeout,
            )
        except httpx.HTTPError as error:
            logger.warning("Rasa %s %s failed: %s", method, path, type(error).__name__)
            raise RasaUnavailable("对话服务暂时无法连接，请稍后再试。") from error
        if response.status_code >= 400:
            logger.warning("Rasa %s %s answered %s", method, path, response.status_code)
            if response.status_code in (401, 403):
                logger.error("Rasa refused the service's token: BUNDLE_RASA_TOKEN must be the same for both")
            raise RasaUnavailable("对话服务暂时无法处理，请稍后再试。")
        return response.json() if response.content else None

    def relay(self, call_id: str, staff_id: str, text: str) -> list[dict[str, Any]]:
        """Relay what a caller said through the hotline channel, signed as ``staff_id``; the bot's messages.

        Only this signed request creates or continues the conversation ``hotline:<call_id>`` and names the staff
        member to the actions (``contract/staff_claim.py``). Without a token Rasa refuses it (502 here).
        """
        claim = staff_claim.StaffClaim(call_id, staff_id, text)
        if self.token:
            body, headers = staff_claim.signed_request(self.token, claim)
        else:
            logger.error("BUNDLE_RASA_TOKEN is unset: the hotline channel refuses unsigned relays")
            body, headers = staff_claim.encode(claim), {"Content-Type": "application/json"}
        messages = self._call("POST", "/webhooks/hotline/webhook", content=body, headers=headers)
        return [m for m in messages or [] if isinstance(m, dict)]

    def tracker(self, conversation_id: str) -> dict[str, Any]:
        """The conversation's tracker with all its events."""
        tracker: dict[str, Any] = self._call("GET", f"/conversations/{conversation_path(conversation_id)}/tracker")
        return tracker

    def append_events(self, conversation_id: str, events: list[dict[str, Any]]) -> None:
        """Append events (``resume``, a staff ``bot`` message …) to the conversation's tracker."""
        self._call("POST", f"/conversations/{conversation_path(conversation_id)}/tracker/events", events)

    def history(self, conversation_id: str) -> tuple[list[Turn], bool]:
        """The user and bot messages of a conversation, and whether it is paused."""
        tracker = self.tracker(conversation_id)
        turns = []
        for event in tracker.get("events") or []:
            kind = event.get("event")
            text = event.get("text")
            if kind not in ("user", "bot") or not text:
                continue
            staff = kind == "bot" and bool((event.get("metadata") or {}).get("staff_id"))
            turns.append(
                Turn(role="staff" if staff else str(kind), text=str(text), at=float(event.get("timestamp", 0)))
            )
        return turns, bool(tracker.get("paused"))
