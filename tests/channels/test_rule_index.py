"""The indexed rule lookup finds the keys Rasa's check of every rule finds, and the policy predicts the same."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates, TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

from channels import rule_index

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "bot" / "domain"))


@pytest.fixture(scope="module")
def trackers() -> list[TrackerWithCachedStates]:
    folders = [ROOT / "bot" / "stories", ROOT / "bot" / "rules", ROOT / "tests" / "e2e"]  # e2e: whole conversations
    files = sorted(path for folder in folders for path in folder.rglob("*.yml"))
    steps = [step for path in files for step in YAMLStoryReader(DOMAIN).read_from_file(path)]
    return TrainingDataGenerator(StoryGraph(steps), DOMAIN, augmentation_factor=0).generate()


@pytest.fixture(scope="module")
def policy(trackers: list[TrackerWithCachedStates], tmp_path_factory: pytest.TempPathFactory) -> RulePolicy:
    config = {**RulePolicy.get_default_config(), "check_for_contradictions": False}
    storage = LocalModelStorage(tmp_path_factory.mktemp("rules"))
    trained = RulePolicy.create(config, storage, Resource("rules"), ExecutionContext(GraphSchema({}), "test"))
    trained.train(trackers, DOMAIN)
    assert len(trained.lookup[RULES]) > 50
    return trained


@pytest.fixture
def installed() -> Iterator[None]:
    rule_index.install()
    yield
    RulePolicy._get_possible_keys = rule_index.ORIGINAL_POSSIBLE_KEYS  # type: ignore[method-assign]


def every_point(trackers: list[TrackerWithCachedStates]) -> Iterator[DialogueStateTracker]:
    """Each training conversation before each of its actions."""
    for story in trackers:
        tracker = DialogueStateTracker(story.sender_id, DOMAIN.slots)
        for event in story.events:
            if isinstance(event, ActionExecuted):
                yield tracker
            tracker.update(event)


def test_the_same_rules_apply_at_every_point_of_the_bots_conversations(
    policy: RulePolicy, trackers: list[TrackerWithCachedStates], installed: None
) -> None:
    checked = found = 0
    for tracker in every_point(trackers):
        for use_text in (False, True):
            states = policy._prediction_states(tracker, DOMAIN, use_text, rule_only_data=policy._get_rule_only_data())
            for table in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH):
                keys = policy._get_possible_keys(policy.lookup[table], states)
                assert keys == rule_index.ORIGINAL_POSSIBLE_KEYS(policy, policy.lookup[table], states)
                checked, found = checked + 1, found + len(keys)
        index = rule_index.index_of(policy.lookup[RULES])
        if states:
            assert len(index.candidates(states[-1])) < len(policy.lookup[RULES]) / 2  # it does narrow them
    assert checked > 500 and found > 100


def test_the_same_predictions_and_sources(
    policy: RulePolicy, trackers: list[TrackerWithCachedStates], installed: None
) -> None:
    points = list(every_point(trackers))
    indexed = [policy._predict(tracker, DOMAIN) for tracker in points]
    RulePolicy._get_possible_keys = rule_index.ORIGINAL_POSSIBLE_KEYS  # type: ignore[method-assign]
    rasas = [policy._predict(tracker, DOMAIN) for tracker in points]
    assert [(p.probabilities, p.events, p.hide_rule_turn, source) for p, source in indexed] == [
        (p.probabilities, p.events, p.hide_rule_turn, source) for p, source in rasas
    ]


def test_a_changed_rule_table_is_indexed_again() -> None:
    lookup = {'[{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}]': "utter_greet"}
    first = rule_index.index_of(lookup)
    assert rule_index.index_of(lookup) is first
    lookup['[{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "bye"}}]'] = "utter_bye"
    again = rule_index.index_of(lookup)
    assert again is not first
    assert again.candidates({"prev_action": {"action_name": "action_listen"}, "user": {"intent": "bye"}}) == {
        '[{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "bye"}}]'
    }


def test_a_rule_that_names_no_intent_applies_after_a_message_with_one(policy: RulePolicy, installed: None) -> None:
    tracker = DialogueStateTracker("t", DOMAIN.slots)
    for event in [
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("我要评价", {"name": "start_application", "confidence": 1.0}),
        ActionExecuted("rating_form"),
        ActiveLoop("rating_form"),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("五星", {"name": "inform", "confidence": 1.0}),
        ActionExecuted("rating_form"),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
    ]:
        tracker.update(event)
    prediction, source = policy._predict(tracker, DOMAIN)
    assert DOMAIN.action_names_or_texts[prediction.max_confidence_index] == "action_submit_rating"
    RulePolicy._get_possible_keys = rule_index.ORIGINAL_POSSIBLE_KEYS  # type: ignore[method-assign]
    assert policy._predict(tracker, DOMAIN)[1] == source
