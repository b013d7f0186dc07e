"""Read-only access to Rasa's tracker store: the record of every conversation turn, on every channel.

The bot answers many turns without calling the service (greetings, form steps, chit-chat), so only Rasa's tracker
store knows how many conversations there were. Rasa writes it (``bot/endpoints.yml``: SQLite
``var/rasa/tracker.db``; ``bot/endpoints.scaled.yml``: PostgreSQL); the service only reads it, through
``BUNDLE_TRACKER_DB_URL``:

- SQLite: the file is opened with ``mode=ro`` (never created, never written, never locked for writing);
- PostgreSQL: every transaction is ``READ ONLY`` (``default_transaction_read_only``); give the service a role
  with ``SELECT`` on ``events`` only.

Rasa's SQL tracker store keeps one row per event in ``events`` (``sender_id``, ``type_name``, ``timestamp`` in
epoch seconds, ``data`` the event as JSON, whose ``input_channel`` names the channel of a user message).
"""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Float, Text, column, create_engine, func, literal_column, select, table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

EVENTS = table(
    "events",
    column("sender_id"),
    column("type_name"),
    column("timestamp", Float),
    column("intent_name", Text),
    column("data", Text),
)


class TrackerUnavailable(RuntimeError):
    """The tracker store is not configured, not there, or cannot be read."""


@dataclass(frozen=True)
class UserTurn:
    """One user message: who, when, through which channel.

    Attributes:
        conversation_id: Rasa's sender id (``wechat:…``, ``hotline:…``, ``web:…``).
        at: When, in UTC.
        channel: The input channel (``rest``, ``miniprogram``, ``wechat``, ``hotline``), ``None`` if unrecorded.
        intent: The intent the NLU read, if any.
    """

    conversation_id: str
    at: datetime
    channel: str | None
    intent: str | None = None


def read_only_engine(url: str) -> Engine:
    """An engine that can only read the tracker store at ``url``.

    Raises:
        TrackerUnavailable: A SQLite file that does not exist (it is never created).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not parsed.database or not path.is_file():
            raise TrackerUnavailable(f"会话记录库不存在：{path}")
        uri = f"file:{path.resolve()}?mode=ro"
        return create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False), poolclass=NullPool
        )
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, connect_args={"options": "-c default_transaction_read_only=on"}, pool_pre_ping=True)
    return create_engine(url, pool_pre_ping=True)


def _channel_expression(dialect: str) -> object:
    """SQL taking ``input_channel`` out of the event JSON (the database does it: no JSON parsing here)."""
    if dialect == "postgresql":
        return literal_column("CAST(data AS json) ->> 'input_channel'")
    return func.json_extract(EVENTS.c.data, "$.input_channel")


class TrackerStore:
    """Rasa's tracker store, read-only; the engine is made on first use.

    Args:
        url: SQLAlchemy URL of the store (``BUNDLE_TRACKER_DB_URL``), or ``None`` when not configured.
    """

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._engine: Engine | None = None

    def _engine_or_fail(self) -> Engine:
        if not self.url:
            raise TrackerUnavailable("未配置会话记录库（BUNDLE_TRACKER_DB_URL）。")
        if self._engine is None:
            self._engine = read_only_engine(self.url)
        return self._engine

    def user_turns(self, since: datetime, until: datetime) -> Iterator[UserTurn]:
        """The user messages from ``since`` (included) to ``until`` (excluded).

        Raises:
            TrackerUnavailable: Not configured, missing, or unreadable (no ``events`` table, wrong credentials).
        """
        engine = self._engine_or_fail()
        channel = _channel_expression(engine.dialect.name)
        query = select(EVENTS.c.sender_id, EVENTS.c.timestamp, channel, EVENTS.c.intent_name).where(  # type: ignore[call-overload]
            EVENTS.c.type_name == "user",
            EVENTS.c.timestamp >= since.timestamp(),
            EVENTS.c.timestamp < until.timestamp(),
        )
        try:
            with engine.connect() as connection:
                rows: Iterator[Any] = iter(connection.execute(query))
                for sender, stamp, input_channel, intent in rows:
                    at = datetime.fromtimestamp(float(stamp), tz=timezone.utc)
                    yield UserTurn(str(sender), at, input_channel, intent)
        except SQLAlchemyError as error:
            raise TrackerUnavailable(f"会话记录库无法读取：{type(error).__name__}") from error

    def dispose(self) -> None:
        """Close the engine's connections."""
        if self._engine is not None:
            self._engine.dispose()
