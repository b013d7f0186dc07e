"""A tracker's applied events carried forward from its last answer, not recomputed from the first event each time.

Rasa 3.6's ``DialogueStateTracker.applied_events`` walks every event of the conversation to drop the reverted ones
(rewinds, restarts, a form's unhappy paths), with several ``isinstance`` checks per event against abstract classes.
It is asked about six times per turn of the same, slowly growing tracker: once for every policy's states (the kept
replay of :mod:`channels.prior_states`), once when the session is checked, and for the events sent to the action
server (``docs/benchmarks.md``, "Issue 16, round 6"). The walk is a left fold: its result for the first ``n`` events
depends only on those events and on the names of the loops activated anywhere in the conversation. So
:func:`install` (called by ``channels/server.py`` before Rasa starts) keeps, per tracker, the answer for the events
seen so far and folds only the events appended since, with Rasa's own steps, when those activate no loop not
named before; anything else (another event sequence, a new loop name) is walked from the first event as Rasa does.
Every call gets a new list of the same event objects, as from Rasa's walk.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

ORIGINAL = DialogueStateTracker.applied_events
KEPT = "_applied_events_kept"  # the tracker's attribute holding its last answer


@dataclass
class Kept:
    """The applied events of a tracker's first ``length`` events.

    Attributes:
        events: The tracker's event sequence they were computed from (the object itself).
        length: How many of its events were walked.
        last: The last of them (to see the sequence was only appended to since).
        loop_names: The loops activated in those events (Rasa's ``loop_names``, as a set).
        applied: The applied events (never handed out: callers get copies).
    """

    events: Any
    length: int
    last: Event | None
    loop_names: frozenset[str]
    applied: list[Event]


def activated_loops(events: Iterable[Event]) -> set[str]:
    """The names of the loops ``events`` activate (Rasa's ``loop_names``)."""
    return {event.name for event in events if isinstance(event, ActiveLoop) and event.name}


def fold(
    tracker: DialogueStateTracker, events: Iterable[Event], loop_names: frozenset[str], applied: list[Event]
) -> list[Event]:
    """Rasa's walk of ``applied_events`` over ``events``, starting from ``applied`` (changed in place)."""
    for event in events:
        if isinstance(event, Restarted | SessionStarted):
            applied = []
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    return applied


def _continues(kept: Kept | None, events: Any) -> bool:
    """Whether ``events`` is the sequence ``kept`` was computed from, only appended to since."""
    if kept is None or kept.events is not events or len(events) < kept.length:
        return False
    return kept.length == 0 or events[kept.length - 1] is kept.last


def applied_events(tracker: DialogueStateTracker) -> list[Event]:
    """``DialogueStateTracker.applied_events``: the events not reverted, folding on from the tracker's last answer.

    Args:
        tracker: Any tracker (its ``events`` a sequence Rasa appends to).

    Returns:
        A new list of the applied event objects, equal to Rasa's walk of all events.
    """
    events = tracker.events
    kept: Kept | None = tracker.__dict__.get(KEPT)
    if _continues(kept, events):
        assert kept is not None
        added = list(itertools.islice(events, kept.length, None))
        if activated_loops(added) <= kept.loop_names:
            applied = fold(tracker, added, kept.loop_names, list(kept.applied))
            _keep(tracker, events, kept.loop_names, applied)
            return list(applied)
    loop_names = frozenset(activated_loops(events))
    applied = fold(tracker, events, loop_names, [])
    _keep(tracker, events, loop_names, applied)
    return list(applied)


def _keep(tracker: DialogueStateTracker, events: Any, loop_names: frozenset[str], applied: list[Event]) -> None:
    last = events[-1] if len(events) else None
    tracker.__dict__[KEPT] = Kept(events, len(events), last, loop_names, applied)


def install() -> None:
    """Make Rasa's trackers answer ``applied_events`` from their last answer."""
    DialogueStateTracker.applied_events = applied_events
