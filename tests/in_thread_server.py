"""An ASGI app served by uvicorn in a thread of the test process (service environment only)."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from tests.live_stack import free_port

START_TIMEOUT_S = 30.0


@contextmanager
def serve_in_thread(app: Any, **options: Any) -> Iterator[str]:
    """Serve ``app`` on a loopback port until the block ends.

    Args:
        app: The ASGI application.
        **options: Further ``uvicorn.Config`` options; ``port`` defaults to a free one, ``log_level`` to warning.

    Yields:
        The server's URL, once uvicorn reports it started.
    """
    options = {"log_level": "warning", **options, "host": "127.0.0.1"}
    options.setdefault("port", free_port())
    server = uvicorn.Server(uvicorn.Config(app, **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        assert time.monotonic() < deadline, "the in-thread server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{options['port']}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
