"""The registration offer at the summary is answered only by a reply about it (or a bare yes/no): "不要培训" and
"培训也加上" change the items, never decline or accept the registration."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.application.form_extraction import extract
from actions.application.registration_offer import OFFER
from tests.actions.conftest import make_tracker
from tests.actions.test_application_form import FILLED
from tests.actions.test_forms_flow_twelfth import _events_then

AT_SUMMARY = {**FILLED, "application_items": ["training", "startup_subsidy"], "requested_slot": "confirm_submission"}
TRAINING_ONLY = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}


def _item(code: str, start: int, end: int) -> dict[str, Any]:
    return {"entity": "item", "value": code, "start": start, "end": end}


def _after_offer(said: str, intent: str, slots: dict[str, Any], entities: list[dict[str, Any]]) -> Any:
    events = _events_then(said, intent, [("想开个修车铺", "inform", OFFER)])
    events[-1]["parse_data"]["entities"] = entities
    return make_tracker(events, slots)


def test_refusing_another_item_after_the_offer_removes_that_item_not_the_offer() -> None:
    for said, intent in (("不要培训", "deny"), ("培训就不用了", "deny"), ("培训不要了", "cancel")):
        start = said.index("培训")
        found = extract(_after_offer(said, intent, AT_SUMMARY, [_item("training", start, start + 2)]), AT_SUMMARY)
        assert found.command != "registration_kept", (said, found)
        assert found.values.get("application_items") == ["startup_subsidy"], (said, found)


def test_adding_another_item_after_the_offer_adds_that_item_not_the_registration() -> None:
    found = extract(
        _after_offer("贷款也加上", "inform", TRAINING_ONLY, [_item("guaranteed_loan", 0, 2)]), TRAINING_ONLY
    )
    items = found.values.get("application_items") or []
    assert "guaranteed_loan" in items and "business_registration" not in items, found


def test_a_reply_about_the_registration_or_a_bare_yes_no_still_answers_the_offer() -> None:
    for said, intent, entities in (
        ("不用了", "deny", []),
        ("执照不用办", "deny", [_item("business_registration", 0, 2)]),
        ("营业执照办好了", "inform", [_item("business_registration", 0, 4)]),
    ):
        found = extract(_after_offer(said, intent, TRAINING_ONLY, entities), TRAINING_ONLY)
        assert found.command == "registration_kept" and not found.values, (said, found)
    found = extract(_after_offer("要，一起办", "affirm", TRAINING_ONLY, []), TRAINING_ONLY)
    assert found.values.get("application_items") == ["training", "business_registration"], found


async def test_refusing_the_training_after_the_offer_says_the_items_changed(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = _after_offer("培训就不用了", "deny", AT_SUMMARY, [_item("training", 0, 2)])
    events = await ValidateApplicationForm().run(dispatcher, tracker, {})
    text = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert set_slots.get("application_items") == ["startup_subsidy"], (text, set_slots)
    assert "不加登记注册" not in text and "创业补贴申领" in text, text
