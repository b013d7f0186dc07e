"""A trade said where the project's name is asked ("水果", "卖水果的", "奶茶"): kept as the industry, and the name
asked again with an example built from the trade, never stored as the name or asked with the same words."""

from __future__ import annotations

from actions.application.form_extraction import extract
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import FILLED, validate

PROJECT_STEP = {**FILLED, "project_name": None, "industry": None, "requested_slot": "project_name"}


def test_a_bare_trade_at_the_project_step_is_the_industry_never_the_name() -> None:
    for said, trade in (
        ("水果", "水果"),
        ("卖水果的", "水果"),
        ("奶茶", "奶茶"),
        ("做奶茶的", "奶茶"),
        ("餐饮", "餐饮"),
    ):
        found = extract(make_form_tracker(said, "inform", dict(PROJECT_STEP)), dict(PROJECT_STEP))
        assert found.values == {"industry": trade}, (said, found)
    for said, name in (("小丽奶茶", "小丽奶茶"), ("水果店", "水果店"), ("就叫鲜果时光吧", "鲜果时光")):
        found = extract(make_form_tracker(said, "inform", dict(PROJECT_STEP)), dict(PROJECT_STEP))
        assert found.values.get("project_name") == name, (said, found)


async def test_a_trade_for_the_name_keeps_it_as_the_industry_and_asks_the_name_with_an_example(
    service_url: str,
) -> None:
    texts, set_slots = await validate("卖水果的", "inform", dict(PROJECT_STEP))
    said = "\n".join(texts)
    assert set_slots.get("industry") == "水果" and set_slots.get("project_name") is None, (texts, set_slots)
    assert "小李水果店" in said and "水果店”也可以" in said, said
    texts, _ = await validate("餐饮", "inform", dict(PROJECT_STEP))
    assert "湘味米粉店" in "\n".join(texts) and "餐饮店" not in "\n".join(texts), texts


def test_the_plain_question_is_not_said_again_after_the_example() -> None:
    """The note opens with a re-prompt lead, so the step's own question is not added in the same turn."""
    from actions.application.form_turns import name_after_trade
    from actions.steps.step_failures import reprompted_this_turn
    from tests.actions.conftest import make_tracker, user_event

    tracker = make_tracker([user_event("水果", "inform"), {"event": "bot", "text": name_after_trade("水果")}], {})
    assert reprompted_this_turn(tracker)
