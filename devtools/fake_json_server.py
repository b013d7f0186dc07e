"""The HTTP side of the local fakes that answer in JSON (the SMS gateway, WeChat's login and subscribe-message APIs).

Standard library only.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

# (path, query parameters, JSON body or None, headers) → (HTTP status, JSON answer, or text sent as a non-JSON page)
Answer = Callable[[str, Mapping[str, str], Any, Mapping[str, str]], tuple[int, Any]]


class JsonServer:
    """A threaded server on 127.0.0.1 that hands every GET and POST to ``answer`` and writes its answer back.

    An answer that is a ``str`` is sent as an HTML page (a gateway's error page, not JSON); anything else as JSON.

    Args:
        answer: Decides the status and answer of one request.
        port: Port to bind (0: a free one).
        name: Name of the serving thread.
    """

    def __init__(self, answer: Answer, port: int = 0, name: str = "fake-json-server") -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer()

            def do_POST(self) -> None:
                self._answer()

            def _answer(self) -> None:
                path, _, query = self.path.partition("?")
                params = dict(parse_qsl(query))
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"null")
                except ValueError:
                    body = None
                status, reply = answer(path, params, body, dict(self.headers.items()))
                page = isinstance(reply, str)
                data = reply.encode("utf-8") if page else json.dumps(reply, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", f"{'text/html' if page else 'application/json'}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: Any) -> None:
                return

        self.name = name
        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> None:
        """Serve in a daemon thread."""
        threading.Thread(target=self.server.serve_forever, name=self.name, daemon=True).start()

    def close(self) -> None:
        """Stop serving and release the port."""
        self.server.shutdown()
        self.server.server_close()
