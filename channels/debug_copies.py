"""Rasa's debug lines given the values as they are, not a deep copy made for every line, logged or not.

RulePolicy and MemoizationPolicy hand each prediction's states to a debug log line as ``copy.deepcopy(states)``
(``rule_policy.actions.find``, ``memoization.predict.actions``, ``memoization.states_recall``), and the message
processor does the same with the events of every action, every prediction and the slot extraction and with the
parsed message's entities. Python evaluates the deep copy before the call, also when debug lines are not logged at
all, several times per turn (``docs/benchmarks.md``, "Issue 16, round 3"). A structlog line is rendered (or
dropped) during the call itself, so the values as they are give the same line: nothing changes them in between.
:func:`install` (called by ``channels/server.py`` before Rasa starts) gives these modules a ``copy`` whose
``deepcopy`` returns its argument; each uses ``copy`` for nothing else (checked at install from its source).
"""

from __future__ import annotations

import copy
import inspect
from types import ModuleType, SimpleNamespace
from typing import Any

from rasa.core import processor
from rasa.core.policies import memoization, rule_policy

MODULES: tuple[ModuleType, ...] = (rule_policy, memoization, processor)
CALL_LINES = 6  # how far above a deep copy its debug call may begin
ONLY_USE = "copy.deepcopy("


def as_it_is(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """``value`` itself, for a debug line that renders it during the call."""
    return value


def uses_copy_only_for_debug_lines(module: ModuleType) -> bool:
    """Whether every use of ``copy`` in the module's source is a ``copy.deepcopy(`` argument of a debug call."""
    lines = inspect.getsource(module).splitlines()
    uses = [number for number, line in enumerate(lines) if "copy." in line and "import" not in line]
    return all(ONLY_USE in lines[number] and _inside_debug_call(lines, number) for number in uses)


def _inside_debug_call(lines: list[str], number: int) -> bool:
    """Whether line ``number`` is inside a ``….debug(`` call that begins at most :data:`CALL_LINES` above."""
    for above in range(number, max(-1, number - CALL_LINES - 1), -1):
        if "debug(" in lines[above]:
            return True
        if above < number and lines[above].strip().startswith(")"):
            return False
    return False


def install() -> None:
    """Give RulePolicy's and MemoizationPolicy's modules the ``copy`` whose deep copy is the value itself."""
    for module in MODULES:
        if module.copy is copy and uses_copy_only_for_debug_lines(module):
            module.copy = SimpleNamespace(deepcopy=as_it_is)  # type: ignore[attr-defined]
