"""The policies' debug lines hold the same states without the deep copy; predictions are the same."""

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from rasa.core import processor
from rasa.core.policies import memoization, rule_policy
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.generator import TrackerWithCachedStates

from channels import debug_copies
from tests.channels.test_rule_index import DOMAIN, every_point, policy, trackers

__all__ = ["policy", "trackers"]  # the fixtures


@pytest.fixture
def restore() -> Iterator[None]:
    originals = {module: module.copy for module in debug_copies.MODULES}
    yield
    for module, original in originals.items():
        module.copy = original  # type: ignore[attr-defined]


def predictions_and_lines(policy: RulePolicy, points: list[Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    with structlog.testing.capture_logs() as lines:
        found = [policy._predict(tracker, DOMAIN) for tracker in points]
    return [(p.probabilities, p.events, source) for p, source in found], lines


def test_same_predictions_and_same_debug_lines(
    policy: RulePolicy, trackers: list[TrackerWithCachedStates], restore: None
) -> None:
    points = list(every_point(trackers))[:300]
    rasas = predictions_and_lines(policy, points)
    debug_copies.install()
    assert all(module.copy is not copy for module in debug_copies.MODULES)
    assert predictions_and_lines(policy, points) == rasas
    assert any(line["event"] == "rule_policy.actions.find" and line["current_states"] for line in rasas[1])


def test_only_modules_using_copy_for_debug_lines_alone_are_changed() -> None:
    assert debug_copies.uses_copy_only_for_debug_lines(rule_policy)
    assert debug_copies.uses_copy_only_for_debug_lines(memoization)
    assert debug_copies.uses_copy_only_for_debug_lines(processor)
    assert not debug_copies.uses_copy_only_for_debug_lines(debug_copies)  # ``copy`` in code, not in debug lines
