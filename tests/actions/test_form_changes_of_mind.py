"""Changes of mind before submitting (issue 12): items kept, swapped or added, a type changed, a yes restating a
value. Each change does what it says and nothing else; nothing is cancelled that was only changed.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.application.form_items import items_named
from tests.actions.test_application_form import FILLED, entity, validate

CURRENT = ["business_registration", "taxpayer_confirmation", "guaranteed_loan", "training"]
SWAPPED = ["business_registration", "taxpayer_confirmation", "guaranteed_loan", "incubator"]
WORDS = {"贷款": "guaranteed_loan", "营业执照": "business_registration", "培训": "training", "孵化基地": "incubator"}


def item_entities(text: str) -> list[dict[str, Any]]:
    """The NLU's item entities with where they are in the text."""
    found = []
    for word, code in WORDS.items():
        if (at := text.find(word)) >= 0:
            found.append({"entity": "item", "value": code, "start": at, "end": at + len(word)})
    return sorted(found, key=lambda e: e["start"])


def spans(text: str) -> list[tuple[int, int, str]]:
    return [(e["start"], e["end"], e["value"]) for e in item_entities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贷款先不要了，只要营业执照和培训", ["business_registration", "training"]),
        (
            "培训不要了，换成孵化基地",
            ["business_registration", "taxpayer_confirmation", "guaranteed_loan", "incubator"],
        ),
        ("培训不要了换成孵化基地", ["business_registration", "taxpayer_confirmation", "guaranteed_loan", "incubator"]),
        ("贷款不要了", ["business_registration", "taxpayer_confirmation", "training"]),
    ],
)
def test_each_clause_changes_only_its_items(text: str, expected: list[str]) -> None:
    codes = [e["value"] for e in item_entities(text)]
    assert items_named(text, codes, CURRENT, "phone", spans(text)) == expected


async def test_keeping_some_items_keeps_them_in_the_form(service_url: str) -> None:
    slots = {**FILLED, "application_items": CURRENT, "requested_slot": "bank_account"}
    text = "贷款先不要了，只要营业执照和培训"
    texts, set_slots = await validate(text, "cancel", slots, item_entities(text))
    assert set(set_slots["application_items"]) == {"business_registration", "training", "taxpayer_confirmation"}
    assert set_slots.get("requested_slot") != "application_items" and not any("已取消" in t for t in texts)


async def test_adding_an_item_at_the_summary_adds_it(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    text = "再帮我加上培训"
    texts, set_slots = await validate(text, "inform", slots, item_entities(text))
    assert "training" in set_slots["application_items"] and set_slots.get("confirm_submission") is not True, texts


async def test_changing_the_business_type_is_a_correction_not_a_cancel(service_url: str) -> None:
    slots = {**FILLED, "business_type": "individual", "requested_slot": "confirm_submission"}
    said = [entity("business_type", "individual"), entity("business_type", "enterprise")]
    texts, set_slots = await validate("个体户不搞了，改成有限公司", "cancel", slots, said)
    assert set_slots.get("business_type") == "enterprise", (texts, set_slots)


async def test_a_yes_restating_a_value_at_the_summary_submits_and_stores_nothing_new(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("对，项目没错，就这样提交吧", "inform", slots)
    assert set_slots.get("confirm_submission") is True, (texts, set_slots)
    assert "project_name" not in set_slots and "industry" not in set_slots
