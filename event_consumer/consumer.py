"""Read Rasa's events from RabbitMQ and record them; a message is acknowledged only after its row is committed."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import aio_pika
from aio_pika.abc import AbstractIncomingMessage

from event_consumer.store import BadEvent, EventRow, EventStore

logger = logging.getLogger(__name__)
BATCH = 200  # messages written per transaction at most (and RabbitMQ's prefetch)
BATCH_WAIT_S = 0.05  # how long a partial batch waits for more before it is written


@dataclass(frozen=True)
class BrokerSettings:
    """Where Rasa's pika event broker publishes (the ``event_broker`` of ``bot/endpoints.scaled.yml``)."""

    host: str
    port: int
    username: str
    password: str = field(repr=False)
    exchange: str
    queue: str


@dataclass
class Progress:
    """What the consumer did, for its health answer."""

    recorded: int = 0
    rejected: int = 0
    connected: bool = False


async def _drain(
    queue: asyncio.Queue[AbstractIncomingMessage], first: AbstractIncomingMessage
) -> list[AbstractIncomingMessage]:
    batch = [first]
    deadline = asyncio.get_running_loop().time() + BATCH_WAIT_S
    while len(batch) < BATCH:
        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            break
        try:
            batch.append(await asyncio.wait_for(queue.get(), remaining))
        except (asyncio.TimeoutError, TimeoutError):
            break
    return batch


async def _record(store: EventStore, batch: list[AbstractIncomingMessage], progress: Progress) -> None:
    rows: list[EventRow] = []
    for message in batch:
        try:
            rows.append(EventRow.from_body(message.body))
        except BadEvent as error:
            progress.rejected += 1
            logger.warning("dropped a message that is not a Rasa event: %s", error)
    await asyncio.get_running_loop().run_in_executor(None, store.add, rows)
    progress.recorded += len(rows)
    for message in batch:  # only now: a crash before this line makes RabbitMQ redeliver, the key de-duplicates
        await message.ack()


async def consume(settings: BrokerSettings, store: EventStore, progress: Progress, stop: asyncio.Event) -> None:
    """Record every event of the queue until ``stop`` is set, reconnecting when RabbitMQ goes away.

    The exchange and queue are declared exactly as Rasa declares them (a fanout exchange, a durable queue bound to
    it), so either side may start first.
    """
    connection = await aio_pika.connect_robust(
        host=settings.host, port=settings.port, login=settings.username, password=settings.password
    )
    async with connection:
        channel = await connection.channel()
        await channel.set_qos(prefetch_count=BATCH)
        exchange = await channel.declare_exchange(settings.exchange, type=aio_pika.ExchangeType.FANOUT)
        queue = await channel.declare_queue(settings.queue, durable=True)
        await queue.bind(exchange, "")
        progress.connected = True
        incoming: asyncio.Queue[AbstractIncomingMessage] = asyncio.Queue()
        tag = await queue.consume(incoming.put)
        logger.info("consuming %s (exchange %s)", settings.queue, settings.exchange)
        try:
            while not stop.is_set():
                try:
                    first = await asyncio.wait_for(incoming.get(), 0.5)
                except (asyncio.TimeoutError, TimeoutError):
                    continue
                await _record(store, await _drain(incoming, first), progress)
        finally:
            await queue.cancel(tag)
            progress.connected = False
