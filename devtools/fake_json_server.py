"""The HTTP side of the local fakes that answer JSON POSTs (the SMS gateway, WeChat's subscribe-message API).

Standard library only.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# (path, query parameters, JSON body or None, headers) → (HTTP status, JSON answer)
Answer = Callable[[str, Mapping[str, str], Any, Mapping[str, str]], tuple[int, Any]]


class JsonPostServer:
    """A threaded server on 127.0.0.1 that hands every POST to ``answer`` and writes its JSON back.

    Args:
        answer: Decides the status and answer of one request.
        port: Port to bind (0: a free one).
    """

    def __init__(self, answer: Answer, port: int = 0) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                path, _, query = self.path.partition("?")
                params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"null")
                except ValueError:
                    body = None
                status, reply = answer(path, params, body, dict(self.headers.items()))
                data = json.dumps(reply, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> None:
        """Serve in a daemon thread."""
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving and release the port."""
        self.server.shutdown()
        self.server.server_close()
