"""Database engine, sessions and migrations (SQLite file by default, PostgreSQL by URL)."""

import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.config import PACKAGE_DIR, Settings

ALEMBIC_DIR = PACKAGE_DIR / "alembic"
SQLITE_BUSY_TIMEOUT_S = 30
_HOLDS_QUEUE = "bundle_holds_writer_queue"  # key in a pooled connection's info


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing.

    Within one process, transactions also take a lock first: threads then queue in order instead of polling
    SQLite's busy handler, which cut the p95 submit latency under 16 concurrent clients several-fold. Other
    processes still wait on SQLite's own lock (busy timeout). The lock is only a fairness aid: it is taken with
    a timeout and released when the transaction ends.

    The lock belongs to the pooled connection, not to a thread: FastAPI runs a route and its session
    dependency's teardown on whichever worker thread is free, so a transaction may begin on one thread and end on
    another (a thread-bound lock leaked there and made every later writer wait the full timeout). A connection
    returned to the pool without an explicit end gives the lock back too.
    """
    queue = threading.Lock()

    def _release(info: dict[Any, Any]) -> None:
        if info.pop(_HOLDS_QUEUE, False):
            queue.release()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver must not open transactions itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        info = connection.connection.info  # the pooled connection's own dict, whichever thread uses it
        if not info.get(_HOLDS_QUEUE):
            info[_HOLDS_QUEUE] = queue.acquire(timeout=SQLITE_BUSY_TIMEOUT_S)
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _on_end(connection: Any) -> None:
        _release(connection.connection.info)

    @event.listens_for(engine.pool, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            _release(record.info)


def make_engine(settings: Settings) -> Engine:
    """Create the engine for ``settings.database_url``.

    Args:
        settings: Service settings (URL and pool sizes).

    Returns:
        An engine; for SQLite the file's directory is created and the connection tuned for concurrent writers.
    """
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
            pool_size=settings.database_pool_size,
            max_overflow=settings.database_max_overflow,
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
        pool_pre_ping=True,
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Session factory whose objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (idempotent, safe to run at every start)."""
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
