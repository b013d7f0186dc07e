"""The form's moves (thirteenth analysis A5, A6): going back keeps the old value until a new one is given, 算了 +
a submit word submits, 这么/么子 ask nothing, the items are said back when first chosen, a bare "不用了" at a step
is no cancel, and an item's name alone before any form gets its summary (application_start).
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_extraction import extract
from actions.application.form_guard import is_question
from actions.application.form_navigation import navigate
from actions.application.form_questions import question_besides
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import FILLED, validate

LOAN_ONLY = {"application_items": ["guaranteed_loan"]}


def test_going_back_keeps_the_old_value_and_shows_it() -> None:
    dispatcher = CollectingDispatcher()
    slots = {**LOAN_ONLY, "applicant_name": "祁晓兰", "id_number": None, "requested_slot": "id_number"}
    events = navigate(dispatcher, "back", slots, "退回上一步")
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert "applicant_name" not in set_slots and set_slots["requested_slot"] == "applicant_name", set_slots
    said = dispatcher.messages[0]["text"]
    assert "祁晓兰" in said and "没问题" in said, said


async def test_a_bare_yes_at_the_step_gone_back_to_keeps_its_value(service_url: str) -> None:
    slots = {**LOAN_ONLY, "applicant_name": "祁晓兰", "requested_slot": "applicant_name"}
    texts, set_slots = await validate("没问题的", "affirm", slots)
    assert set_slots.get("applicant_name") == "祁晓兰", (texts, set_slots)
    assert set_slots.get("requested_slot") != "applicant_name", set_slots


async def test_another_field_corrected_at_the_step_gone_back_to_keeps_it(service_url: str) -> None:
    slots = {**LOAN_ONLY, "applicant_name": "祁晓兰", "phone": None, "requested_slot": "applicant_name"}
    texts, set_slots = await validate("电话是13975126688", "inform", slots)
    assert set_slots.get("phone") == "13975126688", (texts, set_slots)
    assert set_slots.get("applicant_name", "祁晓兰") == "祁晓兰", set_slots


def test_never_mind_then_submit_at_the_summary_submits() -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    for text in ("算了算了，确认提交吧", "行了 就这样交吧", "好了好了，就这么交"):
        found = extract(make_form_tracker(text, "cancel", slots), dict(slots))
        assert not found.digression and found.values.get("confirm_submission") is True, (text, found)
    assert extract(make_form_tracker("算了，不办了", "cancel", slots), dict(slots)).digression


def test_this_way_and_dialect_none_ask_nothing() -> None:
    for text in ("对，就这么交", "那就这么办吧", "么子都不是", "这么定了"):
        assert not is_question(text), text
    for text in ("要么子材料", "这么多表要填吗", "怎么交"):
        assert is_question(text), text


def test_a_bare_not_needed_at_a_step_is_no_cancel() -> None:
    slots = {**LOAN_ONLY, "requested_slot": "business_type"}
    found = extract(make_form_tracker("不用了", "cancel", slots), dict(slots))
    assert not found.digression and found.problem and "取消" in found.problem, found
    assert extract(make_form_tracker("取消申请", "cancel", slots), dict(slots)).digression


async def test_items_chosen_first_are_said_back(service_url: str) -> None:
    slots = {"requested_slot": "application_items"}
    entities = [
        {"entity": "item", "value": "guaranteed_loan", "start": 2, "end": 4},
        {"entity": "item", "value": "incubator", "start": 5, "end": 8},
    ]
    texts, set_slots = await validate("要办贷款和孵化园", "inform", slots, entities)
    assert set(set_slots.get("application_items") or []) >= {"guaranteed_loan", "incubator"}, set_slots
    said = "\n".join(texts)
    assert "要办" in said and "创业担保贷款" in said and "孵化基地" in said, texts


def _entity(name: str, value: str, text: str, word: str) -> dict[str, object]:
    start = text.index(word)
    return {"entity": name, "value": value, "start": start, "end": start + len(word)}


def test_a_change_of_mind_takes_the_later_business_type() -> None:
    slots = {**FILLED, "business_type": "enterprise", "requested_slot": "confirm_submission"}
    text = "琢磨了一下不弄公司了，还是个体户吧"
    entities = [
        _entity("business_type", "enterprise", text, "公司"),
        _entity("business_type", "individual", text, "个体户"),
    ]
    found = extract(make_form_tracker(text, "inform", slots, entities), dict(slots))
    assert found.values.get("business_type") == "individual", found


def test_a_restart_naming_items_replaces_them() -> None:
    slots = {**LOAN_ONLY, "applicant_name": "祁晓兰", "requested_slot": "phone"}
    text = "重新来一遍吧，她要先办创业培训，贷款先不要了"
    entities = [_entity("item", "training", text, "创业培训"), _entity("item", "guaranteed_loan", text, "贷款")]
    found = extract(make_form_tracker(text, "inform", slots, entities), dict(slots))
    assert found.command == "restart" and found.values.get("application_items") == ["training"], found
    dispatcher = CollectingDispatcher()
    events = navigate(dispatcher, "restart", dict(slots), text, found.values["application_items"])
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert set_slots["application_items"] == ["training"] and set_slots["applicant_name"] is None, set_slots
    assert "创业培训" in dispatcher.messages[0]["text"], dispatcher.messages


def test_a_bare_not_right_at_the_category_step_asks_what_is_wrong() -> None:
    slots = {**LOAN_ONLY, "applicant_name": "祁晓兰", "requested_slot": "person_category"}
    found = extract(make_form_tracker("不对", "deny", slots), dict(slots))
    assert found.command == "which_wrong" and "person_category" not in found.values, found


async def test_items_changed_at_the_summary_are_taken_and_said(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    text = "事项弄错了，培训不要，换成就业创业证"
    entities = [_entity("item", "training", text, "培训"), _entity("item", "employment_cert", text, "就业创业证")]
    texts, set_slots = await validate(text, "inform", slots, entities)
    assert set_slots.get("application_items") == ["employment_cert"], (texts, set_slots)
    assert any("就业创业证" in t for t in texts), texts


def test_this_way_with_a_submit_word_is_no_question_besides() -> None:
    assert question_besides("行了行了，就这么交吧") is None
    assert question_besides("就这么交吧，材料要带原件吗") == "材料要带原件吗"
