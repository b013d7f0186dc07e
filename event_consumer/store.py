"""The consumer's ``events`` table: Rasa's SQL tracker store layout plus a key that makes redelivery harmless."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

METADATA = MetaData()
# The columns the dashboard reads (bundle_service/insights/tracker.py) are those of Rasa's own ``events`` table.
EVENTS = Table(
    "events",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float, index=True),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
    Column("event_key", String(64), nullable=False, unique=True),
)


class BadEvent(ValueError):
    """A message that is not one of Rasa's events (no JSON object with ``sender_id`` and ``event``)."""


@dataclass(frozen=True)
class EventRow:
    """One event as the table stores it."""

    sender_id: str
    type_name: str
    timestamp: float | None
    intent_name: str | None
    action_name: str | None
    data: str
    event_key: str

    @classmethod
    def from_body(cls, body: bytes) -> EventRow:
        """Read one message of Rasa's pika broker (the event's dictionary with ``sender_id``).

        The key is the SHA-256 of the body: RabbitMQ redelivers a message whose acknowledgement was lost, and the
        same bytes must not become a second row.

        Raises:
            BadEvent: Not JSON, or no ``sender_id`` or ``event``.
        """
        try:
            event: Any = json.loads(body)
        except ValueError as error:
            raise BadEvent(f"not JSON: {error}") from None
        if not isinstance(event, dict) or not event.get("sender_id") or not event.get("event"):
            raise BadEvent("no sender_id or event")
        intent = (event.get("parse_data") or {}).get("intent") or {}
        stamp = event.get("timestamp")
        return cls(
            sender_id=str(event["sender_id"]),
            type_name=str(event["event"]),
            timestamp=float(stamp) if isinstance(stamp, int | float) else None,
            intent_name=intent.get("name") if event["event"] == "user" else None,
            action_name=event.get("name") if event["event"] == "action" else None,
            data=json.dumps(event, ensure_ascii=False),
            event_key=hashlib.sha256(body).hexdigest(),
        )


class EventStore:
    """The ``events`` table at a SQLAlchemy URL (PostgreSQL in the scaled topology, SQLite in tests).

    Args:
        url: SQLAlchemy URL of the consumer's database (``EVENT_CONSUMER_DB_URL``); the table is created if missing.
    """

    def __init__(self, url: str) -> None:
        self.engine: Engine = create_engine(url, pool_pre_ping=True, future=True)
        METADATA.create_all(self.engine)

    def add(self, rows: list[EventRow]) -> int:
        """Insert ``rows`` in one transaction, skipping any already recorded; returns how many were new."""
        if not rows:
            return 0
        insert = postgresql_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = insert(EVENTS).on_conflict_do_nothing(index_elements=["event_key"])
        with self.engine.begin() as connection:
            result = connection.execute(statement, [row.__dict__ for row in rows])
        return int(result.rowcount or 0)

    def count(self) -> int:
        """Rows recorded so far."""
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(EVENTS)).scalar_one())

    def dispose(self) -> None:
        """Close the engine's connections."""
        self.engine.dispose()
