"""Fixtures for action tests: tracker builders and a real bundle service process."""

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

ROOT = Path(__file__).resolve().parents[2]
SERVICE_PYTHON = ROOT / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def user_event(text: str, intent: str, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A user event as Rasa sends it to the action server."""
    return {
        "event": "user",
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": entities or [], "text": text},
    }


def make_tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    """A tracker whose latest message is the last user event in ``events``."""
    latest = next((e["parse_data"] for e in reversed(events) if e["event"] == "user"), {})
    return Tracker(
        sender_id="test-user",
        slots=slots or {},
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


@pytest.fixture(scope="session")
def bundle_service() -> Iterator[str]:
    """Start the real bundle service on a free port and point the actions at it."""
    port = free_port()
    env = dict(os.environ, BUNDLE_SERVICE_PORT=str(port))
    process = subprocess.Popen([str(SERVICE_PYTHON), "-m", "bundle_service.main"], cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the bundle service did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def service_url(bundle_service: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BUNDLE_SERVICE_URL", bundle_service)
    return bundle_service


@pytest.fixture
def service_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLE_SERVICE_URL", f"http://127.0.0.1:{free_port()}")
