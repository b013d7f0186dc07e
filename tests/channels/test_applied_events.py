"""Applied events folded on from a tracker's last answer are Rasa's walk over all events, as a conversation grows."""

import random
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Event,
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

from channels import applied_events

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "bot" / "domain"))


@pytest.fixture
def installed() -> Iterator[None]:
    applied_events.install()
    yield
    DialogueStateTracker.applied_events = applied_events.ORIGINAL


def assert_same_as_rasa(tracker: DialogueStateTracker) -> None:
    kept = tracker.applied_events()
    rasas = applied_events.ORIGINAL(tracker)
    assert len(kept) == len(rasas) and all(a is b for a, b in zip(kept, rasas, strict=True))
    kept.clear()  # what a caller does to its list is not seen by the next one
    assert [id(e) for e in tracker.applied_events()] == [id(e) for e in rasas]


def grow(events: list[Event], tracker: DialogueStateTracker | None = None) -> DialogueStateTracker:
    """``events`` given one by one (asked after each, sometimes twice), compared with Rasa's walk."""
    tracker = tracker or DialogueStateTracker("t", DOMAIN.slots)
    for index, event in enumerate(events):
        tracker.update(event)
        assert_same_as_rasa(tracker)
        if index % 3 == 0:
            assert_same_as_rasa(tracker)
    return tracker


def user(intent: str = "greet") -> UserUttered:
    return UserUttered("…", {"name": intent, "confidence": 1.0})


def listen() -> ActionExecuted:
    return ActionExecuted(ACTION_LISTEN_NAME)


def test_a_form_with_an_unhappy_path_a_rejection_and_a_loop_named_late(installed: None) -> None:
    form, other = DOMAIN.form_names[0], DOMAIN.form_names[1]
    action = DOMAIN.user_actions[0]
    grow(
        [
            listen(),
            user(),
            ActionExecuted(form),
            ActiveLoop(form),
            SlotSet(DOMAIN.slots[0].name, "x"),
            listen(),
            user(),
            ActionExecutionRejected(form),
            ActionExecuted(action),
            ActionExecuted(form),  # back in the loop after the digression
            listen(),
            user(),
            ActionExecuted(form),
            ActionExecuted(other),  # a loop not named yet ...
            ActiveLoop(other),  # ... is named only now: earlier events are walked again
            listen(),
            user(),
            ActionExecuted(other),
            ActiveLoop(None),
            ActionExecuted(form),
            listen(),
        ]
    )


def test_rewinds_restarts_and_new_sessions(installed: None) -> None:
    grow(
        [
            listen(),
            user(),
            BotUttered("hi"),
            ActionExecuted(DOMAIN.user_actions[0]),
            ActionReverted(),
            listen(),
            user(),
            UserUtteranceReverted(),
            Restarted(),
            listen(),
            user(),
            SessionStarted(),
            listen(),
        ]
    )


def test_a_sequence_changed_otherwise_than_by_appending_is_walked_again(installed: None) -> None:
    tracker = grow([listen(), user(), ActionExecuted(DOMAIN.user_actions[0]), listen()])
    tracker.events.pop()
    tracker.events.append(ActionExecuted(DOMAIN.user_actions[1]))
    assert_same_as_rasa(tracker)
    tracker.events = deque([listen(), user()])
    assert_same_as_rasa(tracker)
    tracker.events.clear()
    assert_same_as_rasa(tracker)


def test_random_conversations(installed: None) -> None:
    forms, actions = DOMAIN.form_names[:3], DOMAIN.user_actions[:4]
    pool = [
        listen,
        user,
        lambda: ActionExecuted(random.choice(forms)),
        lambda: ActionExecuted(random.choice(actions)),
        lambda: ActiveLoop(random.choice([*forms, None])),
        lambda: ActionExecutionRejected(random.choice(forms)),
        lambda: SlotSet(DOMAIN.slots[0].name, "x"),
        ActionReverted,
        UserUtteranceReverted,
        Restarted,
        SessionStarted,
    ]
    weights = [6, 6, 4, 4, 2, 1, 2, 1, 1, 0.3, 0.3]
    random.seed(16)
    for _ in range(200):
        grow([random.choices(pool, weights)[0]() for _ in range(random.randrange(1, 40))])


def test_the_bots_own_stories_rules_and_e2e_conversations_at_every_length(installed: None) -> None:
    folders = [ROOT / "bot" / "stories", ROOT / "bot" / "rules", ROOT / "tests" / "e2e"]
    files = sorted(path for folder in folders for path in folder.rglob("*.yml"))
    steps = [step for path in files for step in YAMLStoryReader(DOMAIN).read_from_file(path)]
    trackers = TrainingDataGenerator(StoryGraph(steps), DOMAIN, augmentation_factor=0).generate()
    assert len(trackers) > 20
    for story in trackers:
        grow(list(story.events))
