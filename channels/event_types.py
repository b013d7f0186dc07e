"""Rasa's event classes looked up by name once, not by walking every event class for every stored event.

Rasa 3.6 turns each stored or received event back into an object with ``Event.resolve_by_type(type_name)``, which
lists every subclass of ``Event`` recursively (``all_subclasses``, with an ``inspect.isabstract`` check per class)
and takes the first whose ``type_name`` matches. A turn reads the conversation back from the tracker store and
the action server's events: tens of events, each paying the walk (``docs/benchmarks.md``, "Issue 16, round 2").
:func:`install` (called by ``channels/server.py`` before Rasa starts) keeps the class found for each name; a name
not found yet (an event class imported later) walks as before, and the answer is the class Rasa's walk returns.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Event

ORIGINAL = Event.resolve_by_type
_FOUND: dict[str, type[Event]] = {}


def resolve_by_type(type_name: str, default: Any = None) -> Any:
    """``Event.resolve_by_type`` remembering each class it found.

    Args:
        type_name: The event's ``event`` field (``user``, ``action``, ``slot`` …).
        default: Returned when no class has that name (Rasa's argument).

    Returns:
        The event class, ``default``, or None for Rasa's legacy ``topic``.

    Raises:
        ValueError: No class has that name and there is no default (as Rasa).
    """
    found = _FOUND.get(type_name)
    if found is not None:
        return found
    resolved = ORIGINAL(type_name, default)
    if resolved is not None and resolved is not default:
        _FOUND[type_name] = resolved
    return resolved


def install() -> None:
    """Make ``Event.resolve_by_type`` (used by every event deserialisation) the remembering one."""
    Event.resolve_by_type = staticmethod(resolve_by_type)
