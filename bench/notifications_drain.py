"""How fast one notification worker drains the outbox: SMS to the local fake gateway, SQLite and PostgreSQL.

Enqueues ``--count`` notifications in one transaction, then runs the worker until nothing is due, and prints the
enqueue and send rates per backend (``docs/notifications.md``, "Throughput"). PostgreSQL: a scratch database on
``BUNDLE_TEST_POSTGRES_URL`` (default the local server), dropped afterwards.
"""

import argparse
import os
import tempfile
import time
from datetime import datetime, timezone

from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.core.db import make_engine, make_session_factory, migrate
from bundle_service.notifications.outbox import Notice, Recipient, enqueue
from bundle_service.notifications.worker import Worker
from devtools.fake_sms_gateway import FakeSmsGateway
from devtools.scratch_postgres import scratch_database

PG_ADMIN_URL = os.environ.get("BUNDLE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def drain(url: str, count: int) -> tuple[float, float, int]:
    """Seconds to enqueue and to send ``count`` SMS notifications on the database at ``url``, and how many arrived."""
    sms = FakeSmsGateway().start()
    settings = Settings(
        database_url=url,
        sms_gateway_url=sms.base_url,
        notify_quiet_hours="",
        notify_rate_per_hour=10**6,
        knowledge_warm_on_startup=False,
    )
    engine = make_engine(settings)
    migrate(engine)
    sessions = make_session_factory(engine)
    now = datetime.now(timezone.utc)
    started = time.perf_counter()
    with sessions.begin() as session:
        for i in range(count):
            notice = Notice(f"bench:{i}", "task_finished", Recipient(phone=f"139{i:08d}"), {"number": "CY1"})
            enqueue(session, notice, now)
    enqueued = time.perf_counter()
    worker = Worker(sessions, settings, Clock(settings.timezone))
    while worker.run_once():
        pass
    sent = time.perf_counter()
    engine.dispose()
    sms.close()
    return enqueued - started, sent - enqueued, len(sms.delivered)


def main() -> int:
    """Print one line per backend."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=500)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as folder:
        results = {"sqlite": drain(f"sqlite:///{folder}/bench.db", count)}
    with scratch_database(PG_ADMIN_URL, "bench_notify") as url:
        results["postgresql"] = drain(url, count)
    for backend, (enqueue_s, send_s, delivered) in results.items():
        rates = f"enqueue {count / enqueue_s:6.0f}/s   send {count / send_s:6.1f}/s"
        print(f"{backend:10} {rates}   delivered {delivered}/{count}")
    return 0 if all(delivered == count for _, _, delivered in results.values()) else 1
