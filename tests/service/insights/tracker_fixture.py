"""A Rasa tracker store for tests: an ``events`` table laid out like Rasa's SQL tracker store, filled with user turns.

The table is the event consumer's (``event_consumer/store.py``, its one definition): Rasa 3.6's columns
(``rasa.core.tracker_store.SQLTrackerStore.SQLEvent``: ``id``, ``sender_id``, ``type_name``, ``timestamp``,
``intent_name``, ``action_name``, ``data``) plus the consumer's ``event_key``; the JSON of a user event is Rasa's, so
the service reads here exactly what it reads from the table Rasa or the consumer writes.
"""

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import create_engine

from event_consumer.store import EVENTS, METADATA


def user_event(sender: str, at: datetime, channel: str, text: str = "你好", intent: str = "greet") -> dict[str, object]:
    """One row of a user message as Rasa stores it."""
    data = {
        "event": "user",
        "timestamp": at.timestamp(),
        "metadata": {},
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 0.99}, "entities": [], "text": text},
        "input_channel": channel,
        "message_id": f"m{at.timestamp()}",
    }
    return {
        "sender_id": sender,
        "type_name": "user",
        "timestamp": at.timestamp(),
        "intent_name": intent,
        "action_name": None,
        "data": json.dumps(data, ensure_ascii=False),
    }


def bot_event(sender: str, at: datetime, text: str = "您好") -> dict[str, object]:
    """One row of a bot message (not a user turn: never counted)."""
    data = {"event": "bot", "timestamp": at.timestamp(), "text": text, "data": {}, "metadata": {}}
    return {
        "sender_id": sender,
        "type_name": "bot",
        "timestamp": at.timestamp(),
        "intent_name": None,
        "action_name": None,
        "data": json.dumps(data),
    }


def write_tracker(url: str, turns: Iterable[tuple[str, datetime, str]], with_bot_replies: bool = True) -> None:
    """Create the ``events`` table at ``url`` (if missing) and add one user event per (sender, when, channel).

    A sender ending in ``!`` writes an out-of-scope message (intent ``out_of_scope``) as the sender before it.
    """
    engine = create_engine(url)
    METADATA.create_all(engine)
    rows: list[dict[str, object]] = []
    for sender, at, channel in turns:
        if sender.endswith("!"):
            rows.append(user_event(sender[:-1], at, channel, "火星上怎么开店", "out_of_scope"))
        else:
            rows.append(user_event(sender, at, channel))
        if with_bot_replies:
            rows.append(bot_event(sender, at))
    for n, row in enumerate(rows):  # the consumer's key: one per event, so equal events stay two rows
        row["event_key"] = hashlib.sha256(f"{n}:{row['data']}".encode()).hexdigest()
    with engine.begin() as connection:
        if rows:
            connection.execute(EVENTS.insert(), rows)
    engine.dispose()


def drop_tracker(url: str) -> None:
    """Drop the ``events`` table at ``url``."""
    engine = create_engine(url)
    METADATA.drop_all(engine)
    engine.dispose()
