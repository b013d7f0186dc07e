"""A wish to learn about an item ("想问问X的事", "了解一下X") is answered, never an application (issue 12)."""

import pytest

from actions.application.application_start import INTRO, ActionStartApplication
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import followup, run


@pytest.mark.parametrize(
    ("said", "intent"), [("我就是想问问创业担保贷款的事", "start_application"), ("想了解一下创业培训", "inform")]
)
async def test_a_wish_to_learn_is_answered_not_a_form(
    service_url: str, knowledge_ready: str, said: str, intent: str
) -> None:
    entities = [{"entity": "item", "value": "guaranteed_loan" if "贷款" in said else "training"}]
    text, events = await run(ActionStartApplication(), make_tracker([user_event(said, intent, entities)]))
    started = any(e.get("name") == "application_attempt" for e in events)
    assert not started and not text.startswith(INTRO[:10]) and followup(events) == "action_listen", text


async def test_a_wish_to_apply_still_starts_the_form(service_url: str) -> None:
    entities = [{"entity": "item", "value": "training"}]
    tracker = make_tracker([user_event("我想报名创业培训", "start_application", entities)])
    text, _ = await run(ActionStartApplication(), tracker)
    assert text.startswith(INTRO[:10])
