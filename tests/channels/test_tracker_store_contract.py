"""What the admin dashboard reads from Rasa's tracker store, written by Rasa's own SQL tracker store.

The service (``bundle_service/insights/tracker.py``, another environment) counts conversations from the
``events`` table: rows with ``type_name`` ``user``, their ``sender_id``, their ``timestamp`` (epoch seconds) and
the ``input_channel`` inside the JSON ``data``. Here Rasa 3.6 writes a conversation per channel and the same
query the service runs on SQLite reads them back, so an upgrade of Rasa that changes any of it fails here.
"""

import sqlite3
import time
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels.tracker_store import SQLiteWalTrackerStore

CONVERSATIONS = {"wechat:o1": "miniprogram", "web:v1": "rest", "hotline:20261205-a1": "hotline", "wechat:o2": "wechat"}
SERVICE_QUERY = (  # bundle_service/insights/tracker.py on SQLite
    "SELECT sender_id, timestamp, json_extract(data, '$.input_channel') FROM events "
    "WHERE type_name = 'user' AND timestamp >= ? AND timestamp < ?"
)


@pytest.mark.parametrize("store_class", [SQLTrackerStore, SQLiteWalTrackerStore])  # Rasa's, and bot/endpoints.yml's
async def test_the_service_reads_rasas_user_turns_with_their_channel(
    tmp_path: Path, store_class: type[SQLTrackerStore]
) -> None:
    path = tmp_path / "tracker.db"
    store = store_class(domain=Domain.empty(), dialect="sqlite", db=str(path))
    started = time.time()
    for sender, channel in CONVERSATIONS.items():
        tracker = DialogueStateTracker(sender, slots=[])
        tracker.update(
            UserUttered("创业担保贷款能贷多少", {"name": "ask_question", "confidence": 0.9}, input_channel=channel)
        )
        tracker.update(ActionExecuted("action_answer_question"))
        tracker.update(BotUttered("个人最高20万元。"))
        await store.save(tracker)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute(SERVICE_QUERY, (started - 1, time.time() + 1)).fetchall()
    assert {(sender, channel) for sender, _, channel in rows} == set(CONVERSATIONS.items())
    assert all(started - 1 <= stamp <= time.time() for _, stamp, _ in rows)
