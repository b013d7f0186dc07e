"""Run the consumer: ``python -m event_consumer`` (settings from the environment) with a health endpoint.

Environment: ``RABBITMQ_HOST``, ``RABBITMQ_PORT``, ``RABBITMQ_USER``, ``RABBITMQ_PASSWORD``, ``RASA_EVENTS_EXCHANGE``,
``RASA_EVENTS_QUEUE`` (the same variables ``bot/endpoints.scaled.yml`` gives Rasa), ``EVENT_CONSUMER_DB_URL`` (where
the events go; the dashboard's ``BUNDLE_TRACKER_DB_URL``), ``EVENT_CONSUMER_HOST`` (default 127.0.0.1) and
``EVENT_CONSUMER_PORT`` (default 5056) of ``GET /health``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Mapping

from aiohttp import web

from event_consumer.consumer import BrokerSettings, Progress, consume
from event_consumer.store import EventStore

logger = logging.getLogger("event_consumer")


def settings_from(environ: Mapping[str, str]) -> tuple[BrokerSettings, str]:
    """The broker settings and the database URL from ``environ``.

    Raises:
        KeyError: A required variable is unset (named in the message).
    """
    missing = [name for name in ("RASA_EVENTS_QUEUE", "EVENT_CONSUMER_DB_URL") if not environ.get(name)]
    if missing:
        raise KeyError(f"set {', '.join(missing)}")
    broker = BrokerSettings(
        host=environ.get("RABBITMQ_HOST") or "127.0.0.1",
        port=int(environ.get("RABBITMQ_PORT") or "5672"),
        username=environ.get("RABBITMQ_USER") or "guest",
        password=environ.get("RABBITMQ_PASSWORD") or "guest",
        exchange=environ.get("RASA_EVENTS_EXCHANGE") or "rasa-exchange",
        queue=environ["RASA_EVENTS_QUEUE"],
    )
    return broker, environ["EVENT_CONSUMER_DB_URL"]


async def serve(broker: BrokerSettings, store: EventStore, host: str, port: int) -> None:
    """Consume and answer ``GET /health`` (200 while connected to RabbitMQ, with the count recorded) until a signal."""
    progress, stop = Progress(), asyncio.Event()

    async def health(_request: web.Request) -> web.Response:
        status = 200 if progress.connected else 503
        return web.json_response({"connected": progress.connected, "recorded": progress.recorded}, status=status)

    app = web.Application()
    app.router.add_get("/health", health)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        while not stop.is_set():
            try:
                await consume(broker, store, progress, stop)
            except (OSError, ConnectionError) as error:  # RabbitMQ away: try again, the queue keeps the events
                logger.warning("RabbitMQ unreachable (%s); retrying", type(error).__name__)
                await asyncio.sleep(1)
    finally:
        await runner.cleanup()
        store.dispose()


def main() -> int:
    """Entry point."""
    logging.basicConfig(level=os.environ.get("EVENT_CONSUMER_LOG_LEVEL", "INFO"))
    try:
        broker, url = settings_from(os.environ)
    except KeyError as error:
        print(f"event_consumer: {error.args[0]}", file=sys.stderr)
        return 2
    host = os.environ.get("EVENT_CONSUMER_HOST") or "127.0.0.1"
    port = int(os.environ.get("EVENT_CONSUMER_PORT") or "5056")
    asyncio.run(serve(broker, EventStore(url), host, port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
