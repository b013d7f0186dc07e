"""Events read back with the remembered class lookup are the events Rasa's own lookup gives."""

from collections.abc import Iterator

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from channels import event_types


@pytest.fixture
def installed() -> Iterator[None]:
    original = Event.resolve_by_type
    event_types.install()
    yield
    Event.resolve_by_type = original


def test_every_event_name_resolves_to_the_class_rasas_walk_finds(installed: None) -> None:
    names = {cls.type_name for cls in all_subclasses(Event)}
    for name in sorted(names) * 2:  # the second round comes from what was remembered
        assert Event.resolve_by_type(name) is event_types.ORIGINAL(name)


def test_a_conversation_reads_back_as_the_same_events(installed: None) -> None:
    events = [SessionStarted(), UserUttered("你好", {"name": "greet", "confidence": 0.9}), SlotSet("region", "长沙市"),
              ActionExecuted("utter_greet"), BotUttered("您好")]  # fmt: skip
    assert [Event.from_parameters(event.as_dict()) for event in events] == events


def test_an_unknown_name_still_fails_or_falls_back_as_in_rasa(installed: None) -> None:
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("topic") is None
