"""A real trained model with the real action server and bundle service behind it."""

import asyncio
import json
import os
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.agent import Agent
from rasa.utils.endpoints import EndpointConfig

from actions.server import rasa_headers
from channels.server import prepare_rasa
from devtools import processes
from tests.actions.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
MODEL = Path(os.environ.get("BUNDLE_TEST_MODEL") or ROOT / "models" / "assistant.tar.gz")  # another model: set it
KNOWLEDGE_TIMEOUT_S = 300.0


def wait_for_knowledge(service_url: str) -> None:
    """Block until the service's knowledge base is built (questions asked mid-form are answered from it)."""
    deadline = time.monotonic() + KNOWLEDGE_TIMEOUT_S
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{service_url}/health", timeout=5) as answer:
            state = json.load(answer).get("knowledge")
        if state == "ready":
            return
        if state == "failed":
            pytest.fail("the knowledge base failed to build; see var/log/service.log")
        time.sleep(0.5)
    pytest.fail(f"knowledge base not ready after {KNOWLEDGE_TIMEOUT_S:.0f}s")


@pytest.fixture(scope="session")
def action_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start the bundle service (own database) and the action server on free ports."""
    service_port, action_port = free_port(), free_port()
    database = tmp_path_factory.mktemp("service") / "bundle.db"
    os.environ.update(
        BUNDLE_SERVICE_PORT=str(service_port),
        ACTION_PORT=str(action_port),
        BUNDLE_DATABASE_URL=f"sqlite:///{database}",
        BUNDLE_CHROMA_PATH=str(database.parent / "chroma"),
        BUNDLE_GATEWAY_TOKEN="dialogue-test-gateway-token",
        # Market regulation finishes a registration in the booking conversation (development keys).
        BUNDLE_DEPARTMENT_KEYS_FILE=str(ROOT / "bundle_service" / "data" / "department_keys.example.yml"),
    )
    os.environ["BUNDLE_SERVICE_URL"] = f"http://127.0.0.1:{service_port}"
    available = processes.stack_processes()
    started = [available["service"], available["actions"]]
    try:
        for process in started:
            processes.start(process)
        processes.wait_healthy(started)
        wait_for_knowledge(os.environ["BUNDLE_SERVICE_URL"])
        yield f"http://127.0.0.1:{action_port}/webhook"
    finally:
        processes.stop_all(started)


@pytest.fixture(scope="session")
def agent(action_server_url: str) -> Agent:
    """The trained assistant, in process, talking to the real action server, prepared as ``rasa run`` is."""
    prepare_rasa()  # channels/server.py's changes to Rasa's per-turn work: these conversations run through them
    headers = rasa_headers(os.environ["ACTION_SERVER_TOKEN"])  # set by processes.stack_processes(): only Rasa may call
    return Agent.load(str(MODEL), action_endpoint=EndpointConfig(url=action_server_url, headers=headers))


def reply_texts(agent: Agent, text: str, sender: str) -> list[str]:
    """Send one message and return the texts the user would see."""
    responses = asyncio.run(agent.handle_text(text, sender_id=sender))
    return [response.get("text", "") for response in responses or []]
