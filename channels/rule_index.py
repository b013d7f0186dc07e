"""RulePolicy's rules looked up by what their last state asks of the conversation, not checked one by one.

For every prediction RulePolicy checks each learnt rule against the conversation's states, the last state first
(``RulePolicy._get_possible_keys``): about 750 rule-state checks per turn, nearly all of them rules whose last
state names another previous action or another intent (``docs/benchmarks.md``, "Issue 16, round 3").
:func:`install` (called by ``channels/server.py`` before Rasa starts) first narrows the rules to those whose last
state can match the conversation's last state, found in an index of the rules by that state's previous action and
intent, then runs Rasa's own checks on them. A rule left out is one Rasa's first check rejects: its last state
names a previous action (or intent) other than the conversation's, or has a previous action when the conversation
is at its start, or none when it is not. The index is built once per rule table.
"""

from __future__ import annotations

import collections
from typing import Any

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.core.domain import State
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

ORIGINAL_POSSIBLE_KEYS = RulePolicy._get_possible_keys
Signature = tuple[bool, Any, Any]  # has a previous action; the action name and intent it needs (None: any)


def _needed(sub_state: dict[str, Any] | None, key: str) -> Any:
    """The value a rule's sub-state requires for ``key`` (None when it requires none: unset or should-not-be-set)."""
    value = (sub_state or {}).get(key)
    return value if value and value != SHOULD_NOT_BE_SET and isinstance(value, str) else None


def signature(rule_states: list[State]) -> Signature | None:
    """What the rule's last state requires of the conversation's last state (None: a rule with no states)."""
    if not rule_states:
        return None
    last = rule_states[-1]
    previous = last.get(PREVIOUS_ACTION)
    return bool(previous), _needed(previous, ACTION_NAME), _needed(last.get(USER), INTENT)


class RuleIndex:
    """The keys of one rule table grouped by their signatures."""

    def __init__(self, lookup: dict[str, str]) -> None:
        self.lookup = lookup
        self.size = len(lookup)
        self.groups: collections.defaultdict[Signature | None, set[str]] = collections.defaultdict(set)
        for key in lookup:
            self.groups[signature(RulePolicy._rule_key_to_state(key))].add(key)

    def fits(self, lookup: dict[str, str]) -> bool:
        """Whether this index is of ``lookup`` as it is now."""
        return self.lookup is lookup and self.size == len(lookup)

    def candidates(self, last: State) -> set[str]:
        """The keys whose last state may match the conversation's last state ``last`` (a superset of those that do)."""
        found = set(self.groups.get(None, ()))
        previous = last.get(PREVIOUS_ACTION)
        if not previous:
            for (has_previous, _, _), keys in self._items():
                if not has_previous:
                    found |= keys
            return found
        action, intent = previous.get(ACTION_NAME), (last.get(USER) or {}).get(INTENT)
        for needed_action in {None, action}:
            for needed_intent in {None, intent}:
                found |= self.groups.get((True, needed_action, needed_intent), set())
        return found

    def _items(self) -> list[tuple[Signature, set[str]]]:
        return [(key, keys) for key, keys in self.groups.items() if key is not None]


_INDEXES: dict[int, RuleIndex] = {}


def index_of(lookup: dict[str, str]) -> RuleIndex:
    """The index of ``lookup`` (rebuilt when the table is another or has changed)."""
    index = _INDEXES.get(id(lookup))
    if index is None or not index.fits(lookup):
        if len(_INDEXES) > 16:
            _INDEXES.clear()
        index = _INDEXES[id(lookup)] = RuleIndex(lookup)
    return index


def possible_keys(policy: RulePolicy, lookup: dict[str, str], states: list[State]) -> set[str]:
    """Rasa's ``RulePolicy._get_possible_keys`` on the rules the index leaves for the last state."""
    if not states:
        return ORIGINAL_POSSIBLE_KEYS(policy, lookup, states)
    candidates = index_of(lookup).candidates(states[-1])
    return ORIGINAL_POSSIBLE_KEYS(policy, {key: lookup[key] for key in candidates}, states)


def install() -> None:
    """Let RulePolicy check only the rules its index leaves."""
    RulePolicy._get_possible_keys = possible_keys
