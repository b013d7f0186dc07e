"""The policies' debug lines given the conversation's states as they are, not a deep copy made for every line.

RulePolicy and MemoizationPolicy hand each prediction's states to a debug log line as ``copy.deepcopy(states)``
(``rule_policy.actions.find``, ``memoization.predict.actions``, ``memoization.states_recall``): Python evaluates
the deep copy before the call, also when debug lines are not logged at all, three or four times per turn
(``docs/benchmarks.md``, "Issue 16, round 3"). A structlog line is rendered (or dropped) during the call itself, so
the states as they are give the same line: nothing changes them in between. :func:`install` (called by
``channels/server.py`` before Rasa starts) gives the two policy modules a ``copy`` whose ``deepcopy`` returns its
argument; they use ``copy`` for nothing else (checked at install).
"""

from __future__ import annotations

import copy
import inspect
from types import ModuleType, SimpleNamespace
from typing import Any

from rasa.core.policies import memoization, rule_policy

MODULES: tuple[ModuleType, ...] = (rule_policy, memoization)
ONLY_USE = "copy.deepcopy("


def as_it_is(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """``value`` itself, for a debug line that renders it during the call."""
    return value


def uses_copy_only_for_debug_lines(module: ModuleType) -> bool:
    """Whether every use of ``copy`` in the module's source is a ``copy.deepcopy(`` argument of a debug line."""
    lines = inspect.getsource(module).splitlines()
    uses = [number for number, line in enumerate(lines) if "copy." in line and "import" not in line]
    return all(ONLY_USE in lines[number] and "debug(" in "".join(lines[number - 2 : number + 1]) for number in uses)


def install() -> None:
    """Give RulePolicy's and MemoizationPolicy's modules the ``copy`` whose deep copy is the value itself."""
    for module in MODULES:
        if module.copy is copy and uses_copy_only_for_debug_lines(module):
            module.copy = SimpleNamespace(deepcopy=as_it_is)  # type: ignore[attr-defined]
