"""A local SMS gateway speaking the protocol of ``bundle_service/adapters/sms.py``, for development and tests.

``POST /sms/send`` with ``{"phone", "text", "out_id"}`` (and ``Authorization: Bearer <token>`` when started with
one) answers ``{"code": "OK", "message_id": …}``; the same ``out_id`` again is not delivered twice and answers the
first id (``"duplicate": true``). Errors it plays: a phone that is not 11 digits → ``INVALID_PHONE``; a wrong
token → ``UNAUTHORIZED`` (401); ``fail_next`` codes (``BUSY`` → 503 and a retryable error) answer the next sends;
``hold`` delays every answer after recording the message (a sender killed while waiting has been delivered).

Run it beside the stack: ``.venv/bin/python -m devtools.fake_sms_gateway --port 8092`` then
``BUNDLE_SMS_GATEWAY_URL=http://127.0.0.1:8092``. Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import threading
import time
from typing import Any

from devtools.fake_json_server import JsonServer

PHONE = re.compile(r"1[3-9][0-9]{9}")


class FakeSmsGateway:
    """The fake in a background thread on 127.0.0.1.

    Attributes:
        delivered: Messages delivered to phones, in order (``phone``, ``text``, ``out_id``, ``message_id``).
        requests: Every send request received (duplicates included).
        fail_next: Error codes the next sends answer with, first first.
        hold: Seconds each send waits after delivering before it answers.
    """

    def __init__(self, token: str | None = None, port: int = 0) -> None:
        """Bind ``port`` (0: a free one); call ``start`` to serve."""
        self.token = token
        self.delivered: list[dict[str, str]] = []
        self.requests: list[dict[str, Any]] = []
        self.fail_next: list[str] = []
        self.hold = 0.0
        self._lock = threading.Lock()
        self.http = JsonServer(
            lambda path, _query, body, headers: self.answer(path, body, headers.get("Authorization")), port
        )
        self.server, self.base_url = self.http.server, self.http.base_url

    def answer(self, path: str, body: Any, authorization: str | None) -> tuple[int, dict[str, Any]]:
        """Status and JSON answer of one request."""
        if path != "/sms/send":
            return 404, {"code": "NOT_FOUND", "message": "not found"}
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

    def start(self) -> FakeSmsGateway:
        """Serve in a daemon thread; returns self."""
        self.http.start()
        return self

    def close(self) -> None:
        """Stop serving and release the port."""
        self.http.close()


def main() -> None:
    """Serve until Ctrl-C, printing each delivered message (masked phone)."""
    parser = argparse.ArgumentParser(description="Local fake SMS gateway")
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--token", default=None)
    options = parser.parse_args()
    fake = FakeSmsGateway(options.token, options.port)
    print(f"fake SMS gateway on {fake.base_url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        fake.server.serve_forever()


if __name__ == "__main__":
    main()
