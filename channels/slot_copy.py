"""Rasa's slots copied by copying their attributes, not through the generic pickling protocol.

Every tracker Rasa builds copies each of the domain's 51 slots (``DialogueStateTracker.__init__``): the tracker
read back from the store, the copy made before each action runs, and one per past action whenever a policy
featurises the conversation, about eight trackers per turn. ``copy.copy`` of a plain object goes through
``__reduce_ex__`` and ``copy._reconstruct``; for a slot that is the same as a new instance with the same attribute
dictionary, which :func:`install` (called by ``channels/server.py`` before Rasa starts) gives ``Slot`` as its
``__copy__`` (``docs/benchmarks.md``, "Issue 16, round 2"). The copy is as shallow as before: the same attribute
values, the slot's own attribute dictionary.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.slots import Slot


def copy_slot(slot: Slot) -> Slot:
    """A shallow copy of a slot, as ``copy.copy`` makes it without a ``__copy__``.

    Args:
        slot: Any slot (text, categorical, any …).

    Returns:
        A new slot of the same class with the same attribute values.
    """
    duplicate: Any = slot.__class__.__new__(slot.__class__)
    duplicate.__dict__.update(slot.__dict__)
    return duplicate


def install() -> None:
    """Give Rasa's ``Slot`` the direct ``__copy__``."""
    Slot.__copy__ = copy_slot
