"""The WAL tracker store keeps Rasa's conversations exactly as Rasa's SQL store does, without a flush per turn.

The tests of what it reads and saves run on SQLite (``bot/endpoints.yml``) and on the machine's PostgreSQL (a scratch
database, as ``bot/endpoints.scaled.yml`` would use it), each against Rasa's own store on the same database.
"""

import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels.tracker_store import SQLiteWalTrackerStore

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"  # the machine's (trust auth), as tests/scaled


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The store's arguments for a new, empty database of either dialect."""
    if request.param == "sqlite":
        yield {"dialect": "sqlite", "db": str(tmp_path / "tracker.db")}
        return
    name = f"tracker_store_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield {"dialect": "postgresql", "host": "127.0.0.1", "port": 5432, "db": name, "username": "postgres"}
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def conversation(sender: str, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(SessionStarted())
    for turn in range(turns):
        tracker.update(UserUttered(f"问题{turn}", {"name": "ask_question", "confidence": 0.9}))
        tracker.update(ActionExecuted("action_answer_question"))
        tracker.update(BotUttered(f"回答{turn}"))
    return tracker


async def test_a_conversation_saved_turn_by_turn_reads_back_as_rasas_store_reads_it(database: dict[str, Any]) -> None:
    store = SQLiteWalTrackerStore(domain=Domain.empty(), **database)
    events = list(conversation("web:a", 3).events)
    for length in (4, 7, 10):  # Rasa saves after every turn: only the new events are written
        await store.save(DialogueStateTracker.from_events("web:a", events[:length], slots=[]))
    kept = await store.retrieve("web:a")
    rasas = await SQLTrackerStore(domain=Domain.empty(), **database).retrieve("web:a")
    assert kept is not None and rasas is not None
    assert [event.as_dict() for event in kept.events] == [event.as_dict() for event in events]
    assert list(kept.events) == list(rasas.events)


async def test_the_database_runs_in_wal_mode_without_a_flush_per_commit(tmp_path: Path) -> None:
    store = SQLiteWalTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db"))
    await store.save(conversation("web:b", 1))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with sqlite3.connect(tmp_path / "tracker.db") as other_process:  # committed: visible to another connection
        assert other_process.execute("SELECT count(*) FROM events WHERE sender_id = 'web:b'").fetchone()[0] == 4


async def test_a_turn_read_and_saved_writes_its_new_events_without_counting_the_stored_ones(
    database: dict[str, Any],
) -> None:
    store = SQLiteWalTrackerStore(domain=Domain.empty(), **database)
    await store.save(conversation("web:c", 1))  # a new conversation: nothing remembered, counted as Rasa does
    statements: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for turn in range(2):  # what Rasa does per message: read, add the turn's events, save
        tracker = await store.retrieve("web:c")
        assert tracker is not None
        tracker.update(UserUttered(f"追问{turn}", {"name": "ask_question", "confidence": 0.9}))
        tracker.update(ActionExecuted("action_answer_question"))
        await store.save(tracker)
    assert not [statement for statement in statements if "count(" in statement.lower()]
    rasas = await SQLTrackerStore(domain=Domain.empty(), **database).retrieve("web:c")
    assert rasas is not None
    assert [event.as_dict() for event in rasas.events] == [event.as_dict() for event in tracker.events]
    assert len(rasas.events) == 4 + 2 * 2  # every event once


async def test_the_latest_session_all_sessions_and_a_conversation_without_one_read_as_rasas_store(
    database: dict[str, Any],
) -> None:
    store = SQLiteWalTrackerStore(domain=Domain.empty(), **database)
    first = list(conversation("web:d", 2).events)
    again = first + list(conversation("web:d", 1).events)  # a second session
    await store.save(DialogueStateTracker.from_events("web:d", first, slots=[]))
    await store.save(conversation("web:e", 1))  # another conversation in between
    tracker = await store.retrieve("web:d")
    assert tracker is not None
    for event in again[len(first) :]:
        tracker.update(event)
    await store.save(tracker)
    sessionless = DialogueStateTracker.from_events("web:f", list(conversation("web:f", 1).events)[1:], slots=[])
    await store.save(sessionless)
    rasas = SQLTrackerStore(domain=Domain.empty(), **database)
    for sender in ("web:d", "web:e", "web:f", "web:nobody"):
        kept, rasa = await store.retrieve(sender), await rasas.retrieve(sender)
        assert (kept is None) == (rasa is None)
        if kept is not None and rasa is not None:
            assert [event.as_dict() for event in kept.events] == [event.as_dict() for event in rasa.events]
        full, rasas_full = await store.retrieve_full_tracker(sender), await rasas.retrieve_full_tracker(sender)
        assert (full is None) == (rasas_full is None)
        if full is not None and rasas_full is not None:
            assert [event.as_dict() for event in full.events] == [event.as_dict() for event in rasas_full.events]
    latest, full = await store.retrieve("web:d"), await rasas.retrieve_full_tracker("web:d")
    assert latest is not None and full is not None and (len(latest.events), len(full.events)) == (4, 11)
