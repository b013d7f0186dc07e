"""A local SMS gateway speaking the protocol of ``bundle_service/adapters/sms.py``, for development and tests.

``POST /sms/send`` with ``{"phone", "text", "out_id"}`` (and ``Authorization: Bearer <token>`` when started with
one) answers ``{"code": "OK", "message_id": …}``; the same ``out_id`` again is not delivered twice and answers the
first id (``"duplicate": true``). Errors it plays: a phone that is not 11 digits → ``INVALID_PHONE``; a wrong
token → ``UNAUTHORIZED`` (401); ``fail_next`` codes (``BUSY`` → 503 and a retryable error) answer the next sends;
``hold`` delays every answer after recording the message (a sender killed while waiting has been delivered).

The user's side, for a developer: ``GET /sms/delivered[?phone=…]`` lists what the phones received, and
``POST /sms/reply`` ``{"phone", "text"}`` plays a user texting back (上行短信, e.g. ``TD``): the fake forwards it to
the service's ``POST /api/v1/sms/replies`` with ``Authorization: Bearer <BUNDLE_SMS_INBOUND_TOKEN>``, as a real
provider's adapter does, and answers with the service's status and answer.

``make run`` starts it in development (the banner prints its address and a ``curl`` for a TD reply). Standalone:
``BUNDLE_SMS_INBOUND_TOKEN=… .venv/bin/python -m devtools.fake_sms_gateway --port 8092 --service
http://127.0.0.1:8000`` then ``BUNDLE_SMS_GATEWAY_URL=http://127.0.0.1:8092``. Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

from devtools.fake_json_server import JsonServer

PHONE = re.compile(r"1[3-9][0-9]{9}")
REPLIES_PATH = "/api/v1/sms/replies"
INBOUND_TOKEN_VARIABLE = "BUNDLE_SMS_INBOUND_TOKEN"
FORWARD_TIMEOUT_S = 10.0


class FakeSmsGateway:
    """The fake in a background thread on 127.0.0.1.

    Attributes:
        delivered: Messages delivered to phones, in order (``phone``, ``text``, ``out_id``, ``message_id``).
        requests: Every send request received (duplicates included).
        fail_next: Error codes the next sends answer with, first first.
        hold: Seconds each send waits after delivering before it answers.
        replies: The users' replies forwarded to the service, with its status (``phone``, ``text``, ``status``).
    """

    def __init__(
        self, token: str | None = None, port: int = 0, service_url: str | None = None, inbound_token: str | None = None
    ) -> None:
        """Bind ``port`` (0: a free one); call ``start`` to serve.

        Args:
            token: The token our service must present to send (unset: any).
            port: Port to bind.
            service_url: Root of the bundle service that users' replies are forwarded to (unset: not forwarded).
            inbound_token: ``BUNDLE_SMS_INBOUND_TOKEN``, presented when forwarding a reply.
        """
        self.token = token
        self.service_url, self.inbound_token = service_url, inbound_token
        self.delivered: list[dict[str, str]] = []
        self.requests: list[dict[str, Any]] = []
        self.replies: list[dict[str, Any]] = []
        self.fail_next: list[str] = []
        self.hold = 0.0
        self._lock = threading.Lock()
        self.http = JsonServer(
            lambda path, query, body, headers: self.answer(path, body, headers.get("Authorization"), query), port
        )
        self.server, self.base_url = self.http.server, self.http.base_url

    def answer(
        self, path: str, body: Any, authorization: str | None, query: Mapping[str, str] | None = None
    ) -> tuple[int, Any]:
        """Status and JSON answer of one request."""
        if path == "/sms/delivered":
            phone = (query or {}).get("phone")
            with self._lock:
                return 200, {"delivered": [m for m in self.delivered if phone in (None, m["phone"])]}
        if path == "/sms/reply":
            return self.forward_reply(body)
        if path == "/sms/send":
            return self.send(body, authorization)
        return 404, {"code": "NOT_FOUND", "message": "not found"}

    def send(self, body: Any, authorization: str | None) -> tuple[int, dict[str, Any]]:
        """Deliver one message our service sends (``POST /sms/send``), once per ``out_id``."""
        if self.token and authorization != f"Bearer {self.token}":
            return 401, {"code": "UNAUTHORIZED", "message": "bad token"}
        if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("phone", "text", "out_id")):
            return 400, {"code": "INVALID_TEXT", "message": "phone, text and out_id are required strings"}
        with self._lock:
            self.requests.append(body)
            if self.fail_next:
                code = self.fail_next.pop(0)
                return (503 if code == "BUSY" else 400), {"code": code, "message": "played error"}
            if not PHONE.fullmatch(body["phone"]):
                return 400, {"code": "INVALID_PHONE", "message": "not a mainland mobile number"}
            earlier = next((m for m in self.delivered if m["out_id"] == body["out_id"]), None)
            if earlier is None:
                earlier = {
                    **{k: body[k] for k in ("phone", "text", "out_id")},
                    "message_id": f"sms-{len(self.delivered) + 1}",
                }
                self.delivered.append(earlier)
                duplicate = False
            else:
                duplicate = True
        if self.hold:
            time.sleep(self.hold)
        return 200, {"code": "OK", "message_id": earlier["message_id"], "duplicate": duplicate}

    def forward_reply(self, body: Any) -> tuple[int, Any]:
        """Forward a user's reply ``{"phone", "text"}`` to the service, as the provider's callback does.

        Returns:
            The service's status and answer (``{"action": "off", "enabled": false}`` for TD), 400 for a bad body,
            503 when no service is configured or it cannot be reached.
        """
        if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("phone", "text")):
            return 400, {"code": "INVALID_TEXT", "message": "phone and text are required strings"}
        if not self.service_url:
            return 503, {"code": "NO_SERVICE", "message": "started without a service to forward replies to"}
        reply = {"phone": body["phone"], "text": body["text"]}
        request = urllib.request.Request(
            f"{self.service_url.rstrip('/')}{REPLIES_PATH}",
            data=json.dumps(reply, ensure_ascii=False).encode("utf-8"),
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.inbound_token or ''}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=FORWARD_TIMEOUT_S) as response:
                status, answer = response.status, json.load(response)
        except urllib.error.HTTPError as error:
            status, answer = error.code, json.loads(error.read() or b"null")
        except (OSError, ValueError) as error:
            return 503, {"code": "SERVICE_UNREACHABLE", "message": repr(error)}
        with self._lock:
            self.replies.append({**reply, "status": status})
        return status, answer

    def start(self) -> FakeSmsGateway:
        """Serve in a daemon thread; returns self."""
        self.http.start()
        return self

    def close(self) -> None:
        """Stop serving and release the port."""
        self.http.close()


def reply_hint(base_url: str) -> str:
    """How a developer plays a user's reply and reads what the phones received (printed by the stack's banner)."""
    return (
        f'curl -s {base_url}/sms/reply -d \'{{"phone":"13912345678","text":"TD"}}\''
        f"  (texts received: {base_url}/sms/delivered)"
    )


def main() -> None:
    """Serve until Ctrl-C, printing each delivered message (masked phone)."""
    parser = argparse.ArgumentParser(description="Local fake SMS gateway")
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--token", default=None)
    parser.add_argument("--service", default=None, help="bundle service root users' replies are forwarded to")
    options = parser.parse_args()
    fake = FakeSmsGateway(options.token, options.port, options.service, os.environ.get(INBOUND_TOKEN_VARIABLE))
    print(f"fake SMS gateway on {fake.base_url}", flush=True)
    if options.service:
        print(reply_hint(fake.base_url), flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        fake.server.serve_forever()


if __name__ == "__main__":
    main()
