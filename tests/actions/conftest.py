"""Fixtures for action tests: tracker builders and a real bundle service process."""

import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

from tests.live_stack import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVICE_PYTHON = ROOT / ".venv" / "bin" / "python"


def user_event(
    text: str, intent: str, entities: list[dict[str, Any]] | None = None, channel: str = "rest"
) -> dict[str, Any]:
    """A user event as Rasa sends it to the action server (``channel``: the input channel it came through)."""
    return {
        "event": "user",
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": entities or [], "text": text},
        "input_channel": channel,
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


def after_reply(
    said: str,
    intent: str,
    entities: list[dict[str, Any]] | None = None,
    *,
    before: tuple[str, str] | tuple[str, str, list[dict[str, Any]]],
    action: str,
    reply: str,
    slots: dict[str, Any] | None = None,
) -> Tracker:
    """A tracker one turn in: the user's earlier message, the action that answered it and its reply, then ``said``.

    Args:
        said: The latest message.
        intent: Its intent.
        entities: Its entities.
        before: The earlier message as ``(text, intent)`` or ``(text, intent, entities)``.
        action: The action that replied to it.
        reply: What the bot said.
        slots: The conversation's slots.
    """
    return make_tracker(
        [
            user_event(*before),
            {"event": "action", "name": action},
            {"event": "bot", "text": reply},
            {"event": "action", "name": "action_listen"},
            user_event(said, intent, entities),
        ],
        slots=slots,
    )


GATEWAY_TOKEN = "test-gateway-token"


def make_form_tracker(
    text: str,
    intent: str,
    slots: dict[str, Any],
    entities: list[dict[str, Any]] | None = None,
    sender: str = "test-user",
    channel: str = "rest",
) -> Tracker:
    """A tracker in the middle of a form: ``slots`` hold ``requested_slot`` and the values filled so far."""
    tracker = make_tracker([user_event(text, intent, entities, channel)], slots=slots)
    tracker.sender_id = sender
    return tracker


@pytest.fixture(scope="session")
def bundle_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start the real bundle service on a free port with its own database, and point the actions at it."""
    port = free_port()
    database = tmp_path_factory.mktemp("service") / "bundle.db"
    env = dict(
        os.environ,
        BUNDLE_SERVICE_PORT=str(port),
        BUNDLE_DATABASE_URL=f"sqlite:///{database}",
        BUNDLE_CHROMA_PATH=str(database.parent / "chroma"),
        BUNDLE_GATEWAY_TOKEN=GATEWAY_TOKEN,
        # Departments finish tasks in the rating tests (a finished application can be rated).
        BUNDLE_DEPARTMENT_KEYS_FILE=str(ROOT / "bundle_service" / "data" / "department_keys.example.yml"),
        # Staff close a 诉求 in the status test (development accounts).
        BUNDLE_STAFF_ACCOUNTS_FILE=str(ROOT / "bundle_service" / "data" / "staff_accounts.example.yml"),
    )
    process = subprocess.Popen([str(SERVICE_PYTHON), "-m", "bundle_service.main"], cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1500):  # the service loads the embedding stack: allow for a busy machine (5 minutes)
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
        try:  # a loaded machine may still be building the knowledge index when the last test ends
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def service_url(bundle_service: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BUNDLE_SERVICE_URL", bundle_service)
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", GATEWAY_TOKEN)
    return bundle_service


@pytest.fixture
def service_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLE_SERVICE_URL", f"http://127.0.0.1:{free_port()}")


@pytest.fixture(scope="session")
def knowledge_ready(bundle_service: str) -> str:
    """Wait until the service's knowledge base has been seeded and indexed (it builds in the background)."""
    request = urllib.request.Request(
        f"{bundle_service}/api/v1/knowledge/search",
        data=json.dumps({"query": "创业担保贷款个人最多贷多少", "record_unanswered": False}).encode(),
        headers={"Content-Type": "application/json"},
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                if json.load(response)["status"] != "not_found":
                    return bundle_service
        except OSError:
            pass
        time.sleep(1)
    pytest.fail("the knowledge base did not become ready")


@pytest.fixture
def knowledge_service(knowledge_ready: str, service_url: str) -> str:
    """The service with its knowledge base ready, the actions pointed at it."""
    return service_url
