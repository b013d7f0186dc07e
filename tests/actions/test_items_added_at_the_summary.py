"""An item added in other words at the summary or a later step is added (issue 12, F2 pattern).

"加一个…"/"添个…" is an add like "加上…"; a hold word in front ("稍等一下，…") does not turn the change into a hold.
"""

from typing import Any

import pytest

from tests.actions.test_application_form import FILLED, validate

SUMMARY = {**FILLED, "requested_slot": "confirm_submission"}


def item(code: str) -> dict[str, Any]:
    return {"entity": "item", "value": code, "start": 0, "end": 2}


@pytest.mark.parametrize(
    "said", ["等一下，再帮我加一个创业培训", "稍等 再给我添个创业培训", "先别交，加个创业培训进去", "加一项创业培训"]
)
async def test_an_item_added_at_the_summary_is_added(service_url: str, said: str) -> None:
    texts, set_slots = await validate(said, "inform", dict(SUMMARY), [item("training")])
    assert "training" in (set_slots.get("application_items") or []), (texts, set_slots)
    assert set(FILLED["application_items"]) <= set(set_slots["application_items"])
    assert set_slots.get("confirm_submission") is not True


@pytest.mark.parametrize("said", ["培训不要了 要创业补贴", "不要培训了，办创业补贴", "培训先不弄了，就申请创业补贴吧"])
async def test_an_item_wanted_after_a_removal_replaces_it(service_url: str, said: str) -> None:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "applicant_name", "applicant_name": None}
    start = said.index("培训")
    other = said.index("创业补贴")
    spans = [
        {"entity": "item", "value": "training", "start": start, "end": start + 2},
        {"entity": "item", "value": "startup_subsidy", "start": other, "end": other + 4},
    ]
    texts, set_slots = await validate(said, "inform", slots, spans)
    assert set_slots.get("application_items") == ["startup_subsidy"], (texts, set_slots)
