"""Items asked for at a later step are added and said back; 个体工商户 is a business type, no item (issue 12)."""

from typing import Any

from actions.application.form_items import items_in_words, items_named
from tests.actions.test_application_form import FILLED, validate


def test_the_business_type_gongshanghu_chooses_no_registration() -> None:
    assert items_in_words("铺面在湘潭市雨湖区建设路12号，卖文具，个体工商户", []) == []
    assert items_in_words("帮我把工商登记一起弄了", []) == ["business_registration"]


def test_a_wish_to_apply_names_new_items_at_any_step() -> None:
    said = "我要申请营业执照跟就业创业证"
    assert items_named(said, ["business_registration", "employment_cert"], ["training"], "phone") == [
        "training",
        "business_registration",
        "employment_cert",
    ]
    assert items_named("申请营业执照要带啥", ["business_registration"], ["training"], "phone") is None


async def test_an_item_added_later_is_said_back(service_url: str) -> None:
    slots: dict[str, Any] = {**FILLED, "application_items": ["training"], "requested_slot": "project_name"}
    entities = [{"entity": "item", "value": "employment_cert", "start": 4, "end": 9}]
    texts, set_slots = await validate("我还想办创业证", "start_application", slots, entities)
    assert "employment_cert" in (set_slots.get("application_items") or []), (texts, set_slots)
    assert any("已加上" in t and "就业创业证" in t for t in texts), texts
