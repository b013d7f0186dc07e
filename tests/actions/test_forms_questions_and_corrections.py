"""Questions, corrections and short confirmations inside the forms (issue 12): a group asked about is no answer, a
question without an item is answered for the whole bundle, "名字错了一个字，应该是…" corrects the name, and "就这两样"
after the items is said back, never read as a name."""

from typing import Any

from actions.check_questions import CHECK_DECIDES
from actions.context import WHOLE_TIME
from actions.eligibility import ValidateEligibilityForm
from tests.actions.test_application_form import FILLED, validate
from tests.actions.test_forms_natural_answers import say


def span(name: str, value: str, text: str, words: str) -> dict[str, Any]:
    """An entity as the NLU gives it, over ``words`` in ``text``."""
    start = text.index(words)
    return {"entity": name, "value": value, "start": start, "end": start + len(words)}


async def test_a_group_asked_about_in_the_check_is_no_answer(service_url: str) -> None:
    form = ValidateEligibilityForm()
    for said, value, words in (
        ("什么叫就业困难人员", "hard_to_employ", "就业困难人员"),
        ("其他是指哪些人", "other", "其他"),
        ("我算不算返乡农民工", "returning_migrant_worker", "返乡农民工"),
    ):
        slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
        entities = [span("person_category", value, said, words)]
        texts = await say(form, said, slots, intent="ask_question", entities=entities)
        assert slots.get("elig_person_category") is None and slots["requested_slot"] == "elig_person_category", said
        assert not any("改过来" in t for t in texts), texts


async def test_a_group_said_with_a_question_is_still_the_answer(service_url: str) -> None:
    said = "我是退役军人，能贷多少"
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    await say(ValidateEligibilityForm(), said, slots, entities=[span("person_category", "veteran", said, "退役军人")])
    assert slots.get("elig_person_category") == "veteran"


async def test_a_question_with_no_item_in_the_check_is_answered_for_the_whole_bundle(service_url: str) -> None:
    form = ValidateEligibilityForm()
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    texts = await say(form, "要多久能办好", slots, intent="ask_question")
    assert WHOLE_TIME in texts and slots["requested_slot"] == "elig_person_category", texts
    texts = await say(
        form,
        "贷款要什么条件",
        slots,
        intent="ask_question",
        entities=[span("item", "guaranteed_loan", "贷款要什么条件", "贷款")],
    )
    assert any("创业担保贷款" in t and "20万" in t for t in texts) and CHECK_DECIDES in texts[-1], texts


async def test_not_knowing_the_group_gets_the_step_explained(service_url: str) -> None:
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    texts = await say(ValidateEligibilityForm(), "我不知道自己算哪一类", slots, intent="ask_question")
    assert slots.get("elig_person_category") is None and slots["requested_slot"] == "elig_person_category"
    assert any("退役军人" in t for t in texts), texts


async def test_a_name_corrected_by_one_character_is_the_name_not_the_project(service_url: str) -> None:
    slots = {**FILLED, "applicant_name": "刘海波", "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("名字错了一个字，应该是刘海涛", "inform", slots)
    assert set_slots.get("applicant_name") == "刘海涛" and set_slots.get("project_name") is None, (texts, set_slots)
    assert set_slots["requested_slot"] == "project_name"


async def test_these_two_only_after_the_items_is_said_back_and_the_step_asked_again(service_url: str) -> None:
    slots = {"application_items": ["training", "employment_cert"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("就这两样", "inform", slots)
    assert set_slots.get("applicant_name") is None and set_slots["requested_slot"] == "applicant_name"
    assert any("就办这几项" in t and "创业培训" in t for t in texts), texts
    assert not any("不像是姓名" in t for t in texts), texts


async def test_a_business_type_asked_about_is_no_answer(service_url: str) -> None:
    said = "个体户和公司有什么区别"
    slots = {**FILLED, "business_type": None, "requested_slot": "business_type"}
    entities = [span("business_type", "individual_business", said, "个体户")]
    _, set_slots = await validate(said, "ask_question", slots, entities)
    assert set_slots.get("business_type") is None and set_slots.get("requested_slot") in (None, "business_type")
