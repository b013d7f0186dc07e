"""Slots copied directly are the copies ``copy.copy`` made through the pickling protocol."""

import copy
from collections.abc import Iterator

import pytest
from rasa.shared.core.slots import AnySlot, BooleanSlot, FloatSlot, ListSlot, Slot, TextSlot
from rasa.shared.core.trackers import DialogueStateTracker

from channels import slot_copy

MAPPINGS = [{"type": "custom"}]


def slots() -> list[Slot]:
    return [AnySlot("region", MAPPINGS, initial_value="长沙市"), BooleanSlot("consent", MAPPINGS),
            FloatSlot("amount", MAPPINGS, max_value=500000), ListSlot("items", MAPPINGS, initial_value=["loan"]),
            TextSlot("name", MAPPINGS, influence_conversation=False)]  # fmt: skip


@pytest.fixture
def installed() -> Iterator[None]:
    slot_copy.install()
    yield
    del Slot.__copy__  # type: ignore[attr-defined]


def test_a_copy_has_the_class_and_values_of_the_protocols_copy(installed: None) -> None:
    for slot in slots():
        slot.value = slot.initial_value
        direct = copy.copy(slot)
        del Slot.__copy__  # type: ignore[attr-defined]
        generic = copy.copy(slot)
        slot_copy.install()
        assert type(direct) is type(generic) is type(slot)
        assert vars(direct) == vars(generic) == vars(slot)
        assert direct is not slot and vars(direct) is not vars(slot)


def test_a_trackers_slots_are_its_own(installed: None) -> None:
    domain_slots = slots()
    tracker = DialogueStateTracker("web:a", domain_slots)
    tracker.slots["region"].value = "株洲市"
    assert domain_slots[0].value == "长沙市"
    assert DialogueStateTracker("web:b", domain_slots).slots["region"].value == "长沙市"
