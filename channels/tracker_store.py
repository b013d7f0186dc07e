"""Rasa's SQL tracker store on SQLite without a disk flush and a new connection per turn.

Rasa 3.6's ``SQLTrackerStore`` runs its queries on the event loop (synchronously), and on SQLite every save is a
commit in the default rollback-journal mode: the file is flushed to disk (``fsync``) before the commit returns, and
SQLAlchemy 1.4 opens a new connection for every session of a file database. While one conversation's commit waits
for the disk, every other conversation of the process waits too (``docs/benchmarks.md``, "Where a turn's time
goes").

This subclass keeps Rasa's tables, queries and events unchanged and changes only how SQLite is opened:

- ``journal_mode=WAL``: a commit appends to the write-ahead log; readers (the service reading conversations)
  never block the writer;
- ``synchronous=NORMAL``: the log is flushed at checkpoints, not at every commit. A committed turn survives the
  Rasa process being killed; only a power cut or an operating-system crash can lose the last turns before the
  checkpoint (SQLite's documented trade-off for WAL + NORMAL);
- connections are pooled instead of opened per session.

On every dialect, a save writes the events added since the tracker was read or last saved without asking the
database first: Rasa's store counts the stored events of the conversation's session (one more query per turn, with
a sub-query) to find the new ones. The tracker remembers how many events it was read with; a tracker without that
mark (a new conversation, a copy) is counted by the query as before. A conversation is handled by one message at a
time (the lock store), so nothing else writes its events between the read and the save. A read fetches only the
events' JSON (Rasa's query, not its ORM objects) and a save inserts the new rows in one statement (not one ORM
object each); on SQLite both run on a pooled connection without an ORM session, the read as Rasa's query built
once (:func:`latest_session_query`) instead of an ORM query per message. The rows, their order and the tracker
rebuilt are Rasa's. Otherwise it is Rasa's ``SQLTrackerStore``
as is. Configure it in ``bot/endpoints.yml``
(``tracker_store: type: channels.tracker_store.SQLiteWalTrackerStore``, with ``dialect``/``db`` as for ``SQL``).
``bot/endpoints.scaled.yml`` uses it on PostgreSQL for the JSON-only read and the save without counting (the Redis
lock store keeps one message of a conversation at a time across Rasa processes); SQLite's settings apply to SQLite
only (``tests/channels/test_tracker_store.py`` runs on both).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

# How many of the tracker's events are in the database (set when it is read or saved by this store).
STORED_EVENTS = "_stored_event_count"
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000")


def _set_pragmas(connection: Any, _record: Any) -> None:
    """Open every new SQLite connection in WAL mode without a flush per commit."""
    cursor = connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


class SQLiteWalTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` whose SQLite database runs in WAL mode with pooled connections.

    Args:
        **kwargs: The ``tracker_store`` section of the endpoints file, as for Rasa's ``SQL`` type (``dialect``,
            ``db``, …), plus what Rasa passes to every custom store (``host``, ``domain``, ``event_broker``).
    """

    engine: sa.engine.Engine
    latest_session: sa.sql.Select | None = None  # SQLite: Rasa's read of the latest session as one statement

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if self.engine.dialect.name != "sqlite":
            return
        url = self.engine.url
        self.engine.dispose()
        # One thread (Rasa's event loop) uses it; a session holds its connection only inside one synchronous call.
        self.engine = sa.create_engine(
            url, poolclass=sa.pool.QueuePool, pool_size=2, connect_args={"check_same_thread": False}
        )
        sa.event.listen(self.engine, "connect", _set_pragmas)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.latest_session = latest_session_query(self.SQLEvent.__table__)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """Rasa's read (its query, only the JSON column); a tracker of the latest session remembers its count."""
        if self.latest_session is not None and not fetch_events_from_all_sessions:
            with self.engine.connect() as connection:  # no ORM session and query built per read
                found = connection.execute(self.latest_session, {"sender_id": sender_id}).scalars().all()
        else:
            with self.session_scope() as session:
                query = self._event_query(session, sender_id, fetch_events_from_all_sessions)
                found = [data for (data,) in query.with_entities(self.SQLEvent.data).all()]
        events = [json.loads(data) for data in found]
        if not self.domain or not events:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, STORED_EVENTS, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save (the same rows) in one insert; afterwards every event of the tracker counts as stored."""
        await self.stream_events(tracker)
        stored = getattr(tracker, STORED_EVENTS, None)
        if self.latest_session is not None and stored is not None:
            rows = [_row(tracker.sender_id, event) for event in itertools.islice(tracker.events, stored, None)]
            if rows:
                with self.engine.begin() as connection:  # one transaction, no ORM session
                    connection.execute(self.SQLEvent.__table__.insert(), rows)
            setattr(tracker, STORED_EVENTS, len(tracker.events))
            return
        with self.session_scope() as session:
            rows = [_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()
        setattr(tracker, STORED_EVENTS, len(tracker.events))

    def _additional_events(self, session: sa.orm.Session, tracker: DialogueStateTracker) -> Iterator[Any]:
        """The events not stored yet: after the remembered count, else counted in the database as Rasa does."""
        stored = getattr(tracker, STORED_EVENTS, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))


def latest_session_query(events: sa.Table) -> sa.sql.Select:
    """Rasa's ``SQLTrackerStore._event_query`` for the latest session, the JSON column only, ``sender_id`` bound.

    The events from the conversation's latest ``session_started`` on (all of them without one), in id order.
    """
    sender = sa.bindparam("sender_id")
    start = (
        sa.select(sa.func.max(events.c.timestamp).label("session_start"))
        .where(events.c.sender_id == sender, events.c.type_name == SessionStarted.type_name)
        .subquery()
    )
    latest = sa.or_(events.c.timestamp >= start.c.session_start, start.c.session_start.is_(None))
    return sa.select(events.c.data).where(events.c.sender_id == sender, latest).order_by(events.c.id)


def _row(sender_id: str, event: Event) -> dict[str, Any]:
    """The ``events`` row Rasa's ``SQLTrackerStore.save`` writes for an event."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }
