"""The conversation replayed once per tracker for all the policies' states, not once per policy and per question.

To predict, each policy turns the conversation into states (``Domain.states_for_tracker_history``): it replays
every event on a fresh tracker (``generate_all_prior_trackers``) and takes the state before each action. In one
turn Rasa asks this about five times of the same conversation: RulePolicy twice per prediction (by the user's text,
then by the intent), MemoizationPolicy once, and the second prediction of the turn again after the action added
its events (``docs/benchmarks.md``, "Issue 16, round 3"). :func:`install` (called by ``channels/server.py`` before
Rasa starts) lets Rasa's own ``states_for_tracker_history`` run on a kept replay: the prior trackers' facts and
states are taken once per tracker, and replayed further only by the events added since, when the events already
replayed are still the first of the tracker's applied events (the same objects: a rewind or a new session
replays from the start). Each call gets its own copies of the states, as from a fresh replay.
"""

from __future__ import annotations

import collections
import weakref
from collections.abc import Iterator
from typing import Any

from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker

ORIGINAL_HISTORY = Domain.states_for_tracker_history
ORIGINAL_ACTIVE_STATE = Domain.get_active_state
KEPT = 64  # conversations whose replay is kept (a turn's predictions run between other conversations' turns)


class PriorTracker:
    """What Rasa's ``states_for_tracker_history`` reads of a tracker before one action.

    Attributes:
        tracker: The replaying tracker while it is still at this point (its state is then taken from it), else None.
        followup_action: The tracker's follow-up action then.
        latest_action_name: Its latest action's name or text then.
        active_loop_name: Its active loop's name then.
    """

    def __init__(self, tracker: DialogueStateTracker) -> None:
        self.tracker: DialogueStateTracker | None = tracker
        self.followup_action = tracker.followup_action
        self.latest_action_name = tracker.latest_action_name
        self.active_loop_name = tracker.active_loop_name
        self._latest_action = dict(tracker.latest_action) if tracker.latest_action is not None else None
        self._state: State = {}

    @property
    def latest_action(self) -> dict[str, str] | None:
        """The latest action's sub-state, a new dictionary each time (as a replay makes one)."""
        return dict(self._latest_action) if self._latest_action is not None else None

    def keep_state(self, domain: Domain, omit_unset_slots: bool) -> None:
        """Take the domain's active state of the tracker now, before the replaying tracker moves on."""
        assert self.tracker is not None
        self._state = own_state(domain, self.tracker, omit_unset_slots)
        self.tracker = None

    def state(self) -> State:
        """A new copy of the kept state."""
        return copied(self._state)


def copied(state: State) -> State:
    """A copy of a state whose sub-states are new dictionaries (their values are shared: tuples, strings)."""
    return {state_type: dict(sub_state) for state_type, sub_state in state.items()}


def own_state(domain: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool) -> State:
    """The domain's active state of the replaying tracker, sharing none of its dictionaries (its latest action)."""
    return copied(ORIGINAL_ACTIVE_STATE(domain, tracker, omit_unset_slots))


class Replay:
    """A tracker's events replayed so far: the prior trackers before each action and the replaying tracker."""

    def __init__(self, tracker: DialogueStateTracker, domain: Domain) -> None:
        self.owner = weakref.ref(tracker)
        self.domain = domain
        self.events: list[Event] = []
        self.running = tracker.init_copy()
        self.priors: list[tuple[PriorTracker, bool]] = []

    def continues(self, tracker: DialogueStateTracker, domain: Domain, applied: list[Event]) -> bool:
        """Whether this replay is of ``tracker`` with ``domain`` and its events are the first of ``applied``."""
        if self.owner() is not tracker or self.domain is not domain or len(applied) < len(self.events):
            return False
        return all(old is new for old, new in zip(self.events, applied[: len(self.events)], strict=True))

    def advance(self, applied: list[Event], omit_unset_slots: bool) -> None:
        """Replay the events of ``applied`` not replayed yet (as ``generate_all_prior_trackers`` does)."""
        for event in applied[len(self.events) :]:
            if isinstance(event, ActionExecuted):
                prior = PriorTracker(self.running)
                prior.keep_state(self.domain, omit_unset_slots)
                self.priors.append((prior, event.hide_rule_turn))
            self.running.update(event)
            self.events.append(event)

    def generate_all_prior_trackers(self) -> Iterator[tuple[Any, bool]]:
        """The prior trackers, then the replaying tracker itself (whose state is taken fresh)."""
        yield from self.priors
        yield PriorTracker(self.running), False


_REPLAYS: collections.OrderedDict[tuple[int, bool], Replay] = collections.OrderedDict()


def replay_of(tracker: DialogueStateTracker, domain: Domain, omit_unset_slots: bool) -> Replay:
    """The kept replay of ``tracker`` brought up to its applied events (a new one if it does not continue)."""
    applied = tracker.applied_events()
    key = (id(tracker), omit_unset_slots)
    replay = _REPLAYS.pop(key, None)
    if replay is None or not replay.continues(tracker, domain, applied):
        replay = Replay(tracker, domain)
    replay.advance(applied, omit_unset_slots)
    _REPLAYS[key] = replay
    while len(_REPLAYS) > KEPT:
        _REPLAYS.popitem(last=False)
    return replay


def states_for_tracker_history(
    domain: Domain,
    tracker: DialogueStateTracker,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    """Rasa's ``Domain.states_for_tracker_history`` over the kept replay of ``tracker`` (same arguments)."""
    if not isinstance(tracker, DialogueStateTracker):
        return ORIGINAL_HISTORY(domain, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    replay = replay_of(tracker, domain, omit_unset_slots)
    return ORIGINAL_HISTORY(domain, replay, omit_unset_slots, ignore_rule_only_turns, rule_only_data)


def get_active_state(domain: Domain, tracker: Any, omit_unset_slots: bool = False) -> State:
    """Rasa's ``Domain.get_active_state``; for a kept prior tracker, a copy of its kept state."""
    if isinstance(tracker, PriorTracker):
        if tracker.tracker is not None:  # the replaying tracker: as it is now
            return own_state(domain, tracker.tracker, omit_unset_slots)
        return tracker.state()
    return ORIGINAL_ACTIVE_STATE(domain, tracker, omit_unset_slots)


def install() -> None:
    """Let Rasa's domain take a conversation's states from its kept replay."""
    Domain.states_for_tracker_history = states_for_tracker_history
    Domain.get_active_state = get_active_state
