"""Real HTTP servers on 127.0.0.1 playing Rasa (hotline channel + tracker API) and the WeChat send API."""

import json
import threading
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from bundle_service.knowledge.service import SearchResult
from contract import staff_claim
from contract.conversations import hotline_sender

Handler = Callable[..., tuple[int, Any]]  # (method, path, query, body, *, raw=bytes, headers=Mapping)


class _Server:
    """A threaded HTTP server whose requests go to ``handle(method, path, query, body)``."""

    def __init__(self, handle: Handler) -> None:
        outer = self

        class RequestHandler(BaseHTTPRequestHandler):
            def _dispatch(self, method: str) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = None
                status, answer = outer.handle(
                    method, url.path, parse_qs(url.query), body, raw=raw, headers=dict(self.headers.items())
                )
                data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(data)

            def do_OPTIONS(self) -> None:
                self.send_response(204)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.end_headers()

            def do_GET(self) -> None:
                self._dispatch("GET")

            def do_POST(self) -> None:
                self._dispatch("POST")

            def log_message(self, *_args: Any) -> None:
                pass

        self.handle = handle
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class FakeRasa:
    """Rasa's hotline channel and tracker API, enough for the hotline relay and the handoff queue.

    The hotline channel checks the relay's signed staff claim with ``auth_token`` like the real one
    (``channels/hotline.py``, the same ``contract/staff_claim.py``): 401 when unsigned, forged or without a token
    configured. ``received`` records each accepted relay as the message the bot got (``sender``, ``message``,
    ``metadata``). A user message containing 人工 pauses the conversation; when ``service_url`` is set it then
    queues the conversation at the service like ``action_handoff`` does. Conversation ids in paths are taken
    literally, as Rasa 3.6 does (``wechat%3Ao…`` is another conversation than ``wechat:o…``).
    """

    service_url: str | None = None
    gateway_token: str | None = None
    auth_token: str | None = None  # like ``rasa run --auth-token``: the HTTP API answers 401 without it
    trackers: dict[str, dict[str, Any]] = field(default_factory=dict)
    received: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.server = _Server(self.handle)
        self.url = self.server.url

    def tracker(self, sender: str) -> dict[str, Any]:
        return self.trackers.setdefault(sender, {"sender_id": sender, "paused": False, "events": []})

    def _event(self, tracker: dict[str, Any], event: dict[str, Any]) -> None:
        tracker["events"].append({"timestamp": float(len(tracker["events"])), **event})

    def handle(
        self, method: str, path: str, query: dict[str, Any], body: Any, *, raw: bytes, headers: Mapping[str, str]
    ) -> tuple[int, Any]:
        if method == "POST" and path == "/webhooks/hotline/webhook":
            return self.relay(raw, headers)
        parts = path.split("/")
        if self.auth_token and parts[1:2] == ["conversations"] and query.get("token", [""])[0] != self.auth_token:
            return 401, {"status": "failure", "reason": "NotAuthenticated"}
        if len(parts) >= 4 and parts[1] == "conversations":
            sender = parts[2]  # like Rasa (Sanic): the path segment as sent, never percent-decoded
            with self.lock:
                tracker = self.tracker(sender)
                if method == "GET" and parts[3] == "tracker":
                    return 200, json.loads(json.dumps(tracker))
                if method == "POST" and parts[3:] == ["tracker", "events"]:
                    for event in body if isinstance(body, list) else [body]:
                        if event.get("event") == "resume":
                            tracker["paused"] = False
                        self._event(tracker, event)
                    return 200, tracker
        return 404, {"error": "not found"}

    def relay(self, raw: bytes, headers: Mapping[str, str]) -> tuple[int, Any]:
        """The hotline channel: a signed staff claim becomes a message of ``hotline:<call id>``."""
        try:
            claim = staff_claim.verify(
                self.auth_token,
                raw,
                headers.get(staff_claim.TIMESTAMP_HEADER),
                headers.get(staff_claim.SIGNATURE_HEADER),
            )
        except staff_claim.Unauthenticated:
            return 401, {"code": "unauthenticated"}
        except staff_claim.Malformed:
            return 400, {"code": "invalid_request"}
        metadata = {"hotline": {"staff_id": claim.staff_id, "call_id": claim.call_id}}
        return 200, self.message({"sender": hotline_sender(claim.call_id), "message": claim.text, "metadata": metadata})

    def message(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        sender, text = body["sender"], body["message"]
        with self.lock:
            self.received.append(body)
            tracker = self.tracker(sender)
            self._event(tracker, {"event": "user", "text": text, "metadata": body.get("metadata") or {}})
            if tracker["paused"]:
                return []
            if "人工" in text:
                reply = "好的，正在为您转接人工客服，请稍候。"
                self._event(tracker, {"event": "bot", "text": reply})
                self._event(tracker, {"event": "pause"})
                tracker["paused"] = True
                answer = [{"recipient_id": sender, "text": reply}]
            else:
                reply = f"创业担保贷款个人最高可贷20万元。（{text}）"
                self._event(tracker, {"event": "bot", "text": reply})
                sources = [{"document": "创业担保贷款", "section": "贷款额度", "kind": "doc", "id": "loan#1"}]
                return [
                    {"recipient_id": sender, "text": reply},
                    {"recipient_id": sender, "custom": {"sources": sources}},
                ]
        if self.service_url:
            headers = {"Content-Type": "application/json"}
            if self.gateway_token:
                headers["X-Gateway-Token"] = self.gateway_token
            request = urllib.request.Request(
                f"{self.service_url}/api/v1/handoffs",
                data=json.dumps({"conversation_id": sender, "reason": "request_human"}).encode(),
                headers=headers,
                method="POST",
            )
            urllib.request.urlopen(request, timeout=10).close()
        return answer

    def close(self) -> None:
        self.server.close()


@dataclass
class FakeWeChat:
    """The WeChat API: ``stable_token`` and the customer-service send, checking every send's token.

    ``fail_next`` holds error codes the next sends answer with (e.g. 40001 to play an expired token).
    """

    app_id: str = "wx-test-app"
    app_secret: str = "test-secret"
    sent: list[dict[str, Any]] = field(default_factory=list)
    token_requests: list[dict[str, Any]] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)
    current_token: str = ""

    def __post_init__(self) -> None:
        self.server = _Server(self.handle)
        self.url = self.server.url

    def handle(self, method: str, path: str, query: dict[str, Any], body: Any, **_request: Any) -> tuple[int, Any]:
        if method == "POST" and path == "/cgi-bin/stable_token":
            self.token_requests.append(body)
            if body.get("appid") != self.app_id or body.get("secret") != self.app_secret:
                return 200, {"errcode": 40125, "errmsg": "invalid appsecret"}
            self.current_token = f"token-{len(self.token_requests)}"
            return 200, {"access_token": self.current_token, "expires_in": 7200}
        if method == "POST" and path == "/cgi-bin/message/custom/send":
            if query.get("access_token", [""])[0] != self.current_token:
                return 200, {"errcode": 40001, "errmsg": "invalid credential"}
            if self.fail_next:
                code = self.fail_next.pop(0)
                if code in (40001, 42001):
                    self.current_token = "expired"
                return 200, {"errcode": code, "errmsg": "played error"}
            self.sent.append(body)
            return 200, {"errcode": 0, "errmsg": "ok"}
        return 404, {"errcode": -1, "errmsg": "not found"}

    def close(self) -> None:
        self.server.close()


@dataclass
class StubKnowledge:
    """Stands in for the embedding-backed knowledge base (its own tests live in tests/knowledge)."""

    calls: list[dict[str, Any]] = field(default_factory=list)
    state: str = "ready"

    def search(self, query: str, **options: Any) -> SearchResult:
        self.calls.append({"query": query, **options})
        source = {"document": "创业担保贷款", "section": "贷款额度", "kind": "doc", "id": "loan#1"}
        return SearchResult("answer", "个人最高20万元。", [source], [], 1.0)
