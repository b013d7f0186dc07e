"""The event consumer records what Rasa's own pika broker publishes, once each, where the dashboard reads it.

Real peers: the machine's RabbitMQ (guest/guest on 5672) with Rasa's ``PikaEventBroker`` publishing, and the
dashboard's reader (``bundle_service.insights.tracker`` expects these columns) replaced by plain SQL on the file.
"""

import asyncio
import json
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aio_pika
import pytest
from rasa.core.brokers.pika import PikaEventBroker
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from event_consumer.__main__ import settings_from
from event_consumer.consumer import BrokerSettings, Progress, consume
from event_consumer.store import BadEvent, EventRow, EventStore


@pytest.fixture
def names() -> tuple[str, str]:
    suffix = uuid.uuid4().hex[:8]
    return f"test-events-{suffix}", f"test-events-q-{suffix}"


@pytest.fixture
async def running(names: tuple[str, str], tmp_path: Path) -> AsyncIterator[tuple[Path, Progress]]:
    exchange, queue = names
    settings = BrokerSettings("127.0.0.1", 5672, "guest", "guest", exchange, queue)
    database = tmp_path / "events.db"
    store, progress, stop = EventStore(f"sqlite:///{database}"), Progress(), asyncio.Event()
    task = asyncio.create_task(consume(settings, store, progress, stop))
    for _ in range(100):
        if progress.connected:
            break
        await asyncio.sleep(0.05)
    yield database, progress
    stop.set()
    await task
    store.dispose()
    connection = await aio_pika.connect_robust("amqp://guest:guest@127.0.0.1/")
    async with connection:
        channel = await connection.channel()
        await channel.queue_delete(queue)
        await channel.exchange_delete(exchange)


async def _wait_for(progress: Progress, count: int) -> None:
    for _ in range(200):
        if progress.recorded >= count:
            return
        await asyncio.sleep(0.05)
    pytest.fail(f"recorded {progress.recorded} of {count} events")


async def test_every_event_rasa_publishes_is_recorded_in_order(
    running: tuple[Path, Progress], names: tuple[str, str]
) -> None:
    database, progress = running
    broker = PikaEventBroker("127.0.0.1", "guest", "guest", queues=[names[1]], exchange_name=names[0])
    await broker.connect()
    sender = f"web:{uuid.uuid4().hex[:8]}"
    events = [
        UserUttered("创业担保贷款能贷多少", {"name": "ask_question", "confidence": 0.9}, input_channel="rest"),
        ActionExecuted("action_answer_question"),
        BotUttered("最高20万元"),
        ActionExecuted("action_listen"),
    ]
    for event in events:
        broker.publish({"sender_id": sender, **event.as_dict()})
    await _wait_for(progress, len(events))
    await broker.close()

    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT type_name, intent_name, action_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    assert [row[:3] for row in rows] == [
        ("user", "ask_question", None),
        ("action", None, "action_answer_question"),
        ("bot", None, None),
        ("action", None, "action_listen"),
    ]
    assert json.loads(rows[0][3])["input_channel"] == "rest"  # the dashboard's channel column
    assert json.loads(rows[2][3])["text"] == "最高20万元"


async def test_a_redelivered_message_is_one_row(running: tuple[Path, Progress], names: tuple[str, str]) -> None:
    database, progress = running
    body = json.dumps({"sender_id": "web:again", "event": "user", "text": "你好", "timestamp": 1.5}).encode()
    connection = await aio_pika.connect_robust("amqp://guest:guest@127.0.0.1/")
    async with connection:
        channel = await connection.channel()
        exchange = await channel.get_exchange(names[0])
        for _ in range(2):  # what RabbitMQ does when an acknowledgement was lost
            await exchange.publish(aio_pika.Message(body), "")
        await exchange.publish(aio_pika.Message(b"not json"), "")
        await _wait_for(progress, 2)
    assert progress.rejected == 1
    with sqlite3.connect(database) as sqlite:
        assert sqlite.execute("SELECT count(*) FROM events WHERE sender_id = 'web:again'").fetchone() == (1,)


def test_messages_without_an_event_are_refused() -> None:
    with pytest.raises(BadEvent):
        EventRow.from_body(b'{"sender_id": "web:x"}')
    with pytest.raises(BadEvent):
        EventRow.from_body(b"[1, 2]")


def test_the_consumer_names_what_is_missing() -> None:
    with pytest.raises(KeyError, match="RASA_EVENTS_QUEUE, EVENT_CONSUMER_DB_URL"):
        settings_from({"RABBITMQ_HOST": "127.0.0.1"})
