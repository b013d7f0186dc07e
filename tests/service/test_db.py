"""The SQLite engine's writer queue: a transaction that ends on another thread than it began must not block others.

FastAPI runs a route and its session dependency's teardown on whichever worker thread is free, so under concurrent
requests a transaction often begins on one thread and commits (or is closed) on another. Every later writer then
waited for the queue's timeout (30 s per transaction), which stalled the whole stack.
"""

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bundle_service.core import db
from bundle_service.core.config import Settings


def _on_thread(work: Callable[[], object]) -> None:
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def _seconds_to_write(engine: Engine) -> float:
    def write() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO t VALUES (1)"))

    started = time.monotonic()
    _on_thread(write)
    return time.monotonic() - started


@pytest.fixture()
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_S", 3)  # a leak then costs 3 s, not 30
    engine = db.make_engine(Settings(database_url=f"sqlite:///{tmp_path / 'q.db'}"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    yield engine
    engine.dispose()


def test_a_transaction_committed_on_another_thread_frees_the_queue(engine: Engine) -> None:
    connection = engine.connect()

    def end() -> None:
        connection.commit()
        connection.close()

    _on_thread(connection.begin)
    _on_thread(end)
    assert _seconds_to_write(engine) < 1.0


def test_a_session_closed_on_another_thread_frees_the_queue(engine: Engine) -> None:
    session = db.make_session_factory(engine)()
    _on_thread(lambda: session.execute(text("SELECT count(*) FROM t")))  # autobegin on this thread
    _on_thread(session.close)  # the dependency's teardown, on another
    assert _seconds_to_write(engine) < 1.0


def test_writers_on_many_threads_still_queue_and_all_land(engine: Engine) -> None:
    def write() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO t VALUES (2)"))

    threads = [threading.Thread(target=write) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t WHERE x = 2")).scalar() == 16
