"""States from the kept replay are the states Rasa's own replay gives, as a conversation grows, rewinds, restarts."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME, RULE_ONLY_LOOPS, RULE_ONLY_SLOTS
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

from channels import prior_states

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "bot" / "domain"))
RULE_ONLY = {RULE_ONLY_SLOTS: [DOMAIN.slots[0].name], RULE_ONLY_LOOPS: [form for form in DOMAIN.form_names[:1]]}
OPTIONS = [(omit, ignore, data) for omit in (False, True) for ignore in (False, True) for data in (None, RULE_ONLY)]


@pytest.fixture
def installed() -> Iterator[None]:
    prior_states.install()
    yield
    Domain.states_for_tracker_history = prior_states.ORIGINAL_HISTORY  # type: ignore[method-assign]
    Domain.get_active_state = prior_states.ORIGINAL_ACTIVE_STATE  # type: ignore[method-assign]


def rasas(tracker: DialogueStateTracker, omit: bool, ignore: bool, data: dict | None) -> list[State]:
    patched = (Domain.states_for_tracker_history, Domain.get_active_state)
    Domain.states_for_tracker_history = prior_states.ORIGINAL_HISTORY  # type: ignore[method-assign]
    Domain.get_active_state = prior_states.ORIGINAL_ACTIVE_STATE  # type: ignore[method-assign]
    try:
        return DOMAIN.states_for_tracker_history(tracker, omit, ignore, data)
    finally:
        Domain.states_for_tracker_history, Domain.get_active_state = patched  # type: ignore[method-assign]


def assert_same_as_rasa(tracker: DialogueStateTracker) -> None:
    for omit, ignore, data in OPTIONS:
        kept = DOMAIN.states_for_tracker_history(tracker, omit, ignore, data)
        assert kept == rasas(tracker, omit, ignore, data), (omit, ignore, data)
        for state in kept:  # what a policy does to its states is not seen by the next one
            for sub_state in state.values():
                sub_state.clear()
    assert DOMAIN.states_for_tracker_history(tracker) == rasas(tracker, False, False, None)


def grow(events: list[Event]) -> DialogueStateTracker:
    """A tracker given ``events`` one by one, compared with Rasa's replay after each."""
    tracker = DialogueStateTracker("t", DOMAIN.slots)
    for event in events:
        tracker.update(event)
        assert_same_as_rasa(tracker)
    return tracker


def user(intent: str, **entities: str) -> UserUttered:
    found = [{"entity": name, "value": value, "start": 0, "end": 1} for name, value in entities.items()]
    return UserUttered("…", {"name": intent, "confidence": 1.0}, found)


def turn(intent: str, *actions: str, hide: bool = False, **entities: str) -> list[Event]:
    done: list[Event] = [user(intent, **entities)]
    done += [ActionExecuted(action, hide_rule_turn=hide) for action in actions]
    return [*done, ActionExecuted(ACTION_LISTEN_NAME)]


def test_a_growing_conversation_with_a_form_slots_and_hidden_rule_turns(installed: None) -> None:
    form, slot = DOMAIN.form_names[0], DOMAIN.slots[0].name
    intents = DOMAIN.intents
    grow(
        [
            ActionExecuted(ACTION_LISTEN_NAME),
            *turn(intents[0], DOMAIN.user_actions[0], hide=True),
            user(intents[1]),
            ActionExecuted(form),
            ActiveLoop(form),
            SlotSet(slot, "x"),
            ActionExecuted(ACTION_LISTEN_NAME),
            user(intents[2]),
            FollowupAction(DOMAIN.user_actions[1]),
            ActionExecuted(DOMAIN.user_actions[1], hide_rule_turn=True),
            ActionExecuted(form),
            ActiveLoop(None),
            *turn(intents[3], DOMAIN.user_actions[2]),
        ]
    )


def test_a_rewind_a_restart_and_a_new_session_replay_from_the_start(installed: None) -> None:
    intents = DOMAIN.intents
    tracker = grow([ActionExecuted(ACTION_LISTEN_NAME), *turn(intents[0], DOMAIN.user_actions[0])])
    for event in [user(intents[1]), UserUtteranceReverted(), *turn(intents[2], DOMAIN.user_actions[1])]:
        tracker.update(event)
        assert_same_as_rasa(tracker)
    for event in [Restarted(), *turn(intents[3]), SessionStarted(), ActionExecuted(ACTION_LISTEN_NAME)]:
        tracker.update(event)
        assert_same_as_rasa(tracker)


def test_the_bots_own_stories_and_rules_at_every_length(installed: None) -> None:
    folders = [ROOT / "bot" / "stories", ROOT / "bot" / "rules", ROOT / "tests" / "e2e"]  # e2e: whole conversations
    files = sorted(path for folder in folders for path in folder.rglob("*.yml"))
    steps = [step for path in files for step in YAMLStoryReader(DOMAIN).read_from_file(path)]
    trackers = TrainingDataGenerator(StoryGraph(steps), DOMAIN, augmentation_factor=0).generate()
    assert len(trackers) > 20
    for story in trackers:
        tracker = DialogueStateTracker(story.sender_id, DOMAIN.slots)
        for event in story.events:
            tracker.update(event)
            if isinstance(event, ActionExecuted):
                assert_same_as_rasa(tracker)
