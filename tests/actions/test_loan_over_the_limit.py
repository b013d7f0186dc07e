"""A loan amount over the limit is answered with the limit, never stored and never a bare "无法识别" (issue 12).

An individual borrows at most 20万 (the bundle's rule, checked by the service); a sum above it, in digits or in
words, up front or at the amount's step, is answered with the limit and what to say to take it, and the amount
is asked again.
"""

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_application_form import FILLED, validate
from tests.actions.test_application_natural_talk import start

LOAN = {**FILLED, "application_items": ["guaranteed_loan"], "loan_amount": None, "loan_term_months": None}


@pytest.mark.parametrize("said", ["贷50万", "想借三十万", "五十万", "要借个40万块钱", "三十万元"])
async def test_over_the_limit_at_the_amount_step_gets_the_limit_and_the_step_again(service_url: str, said: str) -> None:
    slots: dict[str, Any] = {**LOAN, "requested_slot": "loan_amount"}
    texts, set_slots = await validate(said, "inform", slots)
    reply = "\n".join(texts)
    assert set_slots.get("loan_amount") is None and set_slots["requested_slot"] == "loan_amount", set_slots
    assert "20万" in reply and "无法识别" not in reply, reply
    assert "“20万”" in reply, reply  # how to take the limit


async def test_over_the_limit_up_front_is_explained_and_not_stored(service_url: str) -> None:
    said = "我想借三十万开个小饭馆"
    texts, seeded, _ = await start((said, "start_application", []))
    assert "guaranteed_loan" in (seeded.get("application_items") or []), seeded
    # the opening reply already says the limit and how to take it, and never acknowledges the amount (forms17)
    opening = "\n".join(texts)
    assert seeded.get("loan_amount") is None and "最高20万" in opening and "“20万”" in opening, opening
    assert "贷款金额：30万" not in opening, opening
    events = [
        user_event(said, "start_application"),
        {"event": "action", "name": "action_start_application"},
        *({"event": "slot", "name": name, "value": value} for name, value in seeded.items()),
    ]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(events, slots={**seeded, "requested_slot": None})
    result = await ValidateApplicationForm().run(dispatcher, tracker, {})
    set_slots = {e["name"]: e["value"] for e in result if e["event"] == "slot"}
    reply = "\n".join(str(m.get("text")) for m in dispatcher.messages)
    assert set_slots.get("loan_amount") is None, reply  # the form does not take it either


async def test_the_limit_itself_is_taken(service_url: str) -> None:
    slots: dict[str, Any] = {**LOAN, "requested_slot": "loan_amount"}
    _, set_slots = await validate("那就20万", "inform", slots)
    assert set_slots.get("loan_amount") == 200000, set_slots
