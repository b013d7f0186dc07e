"""The scaled-out endpoints (PostgreSQL tracker store, Redis lock store) work by configuration only."""

import asyncio
import uuid
from pathlib import Path

import psycopg2
import pytest
from rasa.core.agent import Agent
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.core.tracker_store import TrackerStore
from rasa.utils.endpoints import read_endpoint_config

from tests.dialogue.conftest import MODEL

ROOT = Path(__file__).resolve().parents[2]
SCALED = str(ROOT / "bot" / "endpoints.scaled.yml")
# The machine's PostgreSQL (trust auth) and Redis, as the README's configuration table names them.
ENVIRONMENT = {
    "TRACKER_DB_HOST": "127.0.0.1",
    "TRACKER_DB_PORT": "5432",
    "TRACKER_DB_NAME": "test",
    "TRACKER_DB_USER": "postgres",
    "TRACKER_DB_PASSWORD": "",
    "REDIS_HOST": "127.0.0.1",
    "REDIS_PORT": "6379",
    "REDIS_DB": "3",
    # read with the file, unused here (the event broker is proven by tests/event_consumer and tests/scaled)
    "RABBITMQ_HOST": "127.0.0.1",
    "RABBITMQ_PORT": "5672",
    "RABBITMQ_USER": "guest",
    "RABBITMQ_PASSWORD": "guest",
    "RASA_EVENTS_EXCHANGE": "rasa-exchange",
    "RASA_EVENTS_QUEUE": "rasa_events",
}


@pytest.fixture
def scaled_env(monkeypatch: pytest.MonkeyPatch, action_server_url: str) -> None:
    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ACTION_ENDPOINT_URL", action_server_url)


def test_conversation_is_kept_in_postgresql_under_a_redis_lock(scaled_env: None) -> None:
    lock_store = LockStore.create(read_endpoint_config(SCALED, "lock_store"))
    assert isinstance(lock_store, RedisLockStore)
    agent = Agent.load(
        str(MODEL),
        tracker_store=TrackerStore.create(read_endpoint_config(SCALED, "tracker_store")),
        lock_store=lock_store,
        action_endpoint=read_endpoint_config(SCALED, "action_endpoint"),
    )

    sender = f"scaled-{uuid.uuid4().hex}"
    replies = asyncio.run(agent.handle_text("你好", sender_id=sender))
    assert replies and "创业一件事助手" in replies[0]["text"]
    answer = asyncio.run(agent.handle_text("创业担保贷款最多贷多少", sender_id=sender))  # through the action server
    assert "20万元" in answer[0]["text"]

    connection = psycopg2.connect(host="127.0.0.1", dbname="test", user="postgres")
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT intent_name FROM events WHERE sender_id = %s AND type_name = 'user'", (sender,))
        assert [row[0] for row in cursor.fetchall()] == ["greet", "ask_question"]
