"""Corrections of any field, a project said in a plan, and questions that name an item (issue 12).

At the summary (and at any step): a field said to be wrong without its new value is asked again with the old value
shown; a label said further back than its change cue ("行业不对…改成…") still names the field; a change is never a yes;
a name's character explained by a word or a radical, or by its position, changes that character; of two values of
one choice the one not given up is kept. A project said as "开个X", "经营的是X" or "名字X" is the project; a
message about a chosen item's topic, or a question relayed on the hotline, is answered and never stored.
"""

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_start import ActionStartApplication, seeded_values
from actions.application.form_business import project_answered
from actions.application.form_extraction import extract
from actions.application.form_items import items_in_words
from actions.application.form_labels import read_labelled
from actions.application.form_name_fixes import name_corrected
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_application_form import FILLED, validate
from tests.actions.test_forms_questions_and_corrections import span

SUMMARY = {**FILLED, "requested_slot": "confirm_submission"}


@pytest.mark.parametrize(
    ("said", "slot", "label"),
    [
        ("电话不对", "phone", "手机号码"),
        ("名字写错了", "applicant_name", "申请人姓名"),
        ("地址填错了", "premises_address", "经营场所地址"),
        ("身份证号打错了", "id_number", "居民身份证号码"),
        ("行业要改一下", "industry", "行业"),
    ],
)
async def test_a_field_said_wrong_without_its_value_is_asked_again(
    service_url: str, said: str, slot: str, label: str
) -> None:
    slots: dict[str, Any] = dict(SUMMARY)
    texts, set_slots = await validate(said, "deny", slots)
    assert set_slots.get("requested_slot") == slot and set_slots.get(slot, "kept") is None, (texts, set_slots)
    assert any(label in t and "刚才填的是" in t for t in texts), texts
    assert set_slots.get("confirm_submission", "unset") is not True


@pytest.mark.parametrize(
    ("said", "intent", "slot", "value"),
    [
        ("店名改成青松修车行", "affirm", "project_name", "青松修车行"),
        ("项目名字改成青松修车行", "affirm", "project_name", "青松修车行"),
        ("店的名字换成青松修车行", "inform", "project_name", "青松修车行"),
        ("行业不太对，不是零售，改成美甲服务", "inform", "industry", "美甲服务"),
        ("银行卡号改成6222021234567890999", "inform", "bank_account", "6222021234567890999"),
    ],
)
async def test_a_change_at_the_summary_is_applied_never_submitted(
    service_url: str, said: str, intent: str, slot: str, value: str
) -> None:
    slots: dict[str, Any] = dict(SUMMARY)
    texts, set_slots = await validate(said, intent, slots)
    assert set_slots.get(slot) == value and set_slots.get("confirm_submission") is not True, (texts, set_slots)


async def test_a_change_word_without_a_value_is_no_yes(service_url: str) -> None:
    slots: dict[str, Any] = dict(SUMMARY)
    texts, set_slots = await validate("对，改一下", "affirm", slots)
    assert set_slots.get("confirm_submission") is not True and any("要改哪一项" in t for t in texts), texts


async def test_of_two_values_of_one_choice_the_one_not_given_up_is_kept(service_url: str) -> None:
    said = "来电人纠正一下：应是残疾人那一类，刚才说的失业不对"
    entities = [
        span("person_category", "hard_to_employ", said, "残疾人"),
        span("person_category", "registered_unemployed", said, "失业"),
    ]
    texts, set_slots = await validate(said, "inform", {**SUMMARY, "person_category": "registered_unemployed"}, entities)
    assert set_slots.get("person_category") == "hard_to_employ", (texts, set_slots)
    said = "个体户不搞了，换成公司"
    entities = [
        span("business_type", "individual_business", said, "个体户"),
        span("business_type", "enterprise", said, "公司"),
    ]
    texts, set_slots = await validate(said, "cancel", dict(SUMMARY), entities)
    assert set_slots.get("business_type") == "enterprise", (texts, set_slots)


@pytest.mark.parametrize(
    ("current", "said", "expected"),
    [
        ("王小铭", "名字写错了，是光明的明", "王小明"),
        ("王小铭", "名字错了，中间是拂晓的晓，叫王晓明", None),  # the whole name read by its cue, not here
        ("吴晓曼", "名字第三个字错了，应该是草字头的蔓", "吴晓蔓"),
        ("吴晓曼", "最后一个字不对，是草字头的蔓", "吴晓蔓"),
        ("吴晓曼", "名字第三个字错了，应该是草字头的蔓，吴晓蔓", "吴晓蔓"),
        ("吴晓曼", "名字写错了，是光明的明", None),  # no character of the name sounds like it
    ],
)
def test_a_character_explained_corrects_the_name(current: str, said: str, expected: str | None) -> None:
    if expected is None and "叫" in said:
        assert read_labelled(said, []).values.get("applicant_name") == "王晓明"
        return
    assert name_corrected(said, current) == expected


async def test_a_name_explained_and_said_whole_takes_the_whole_name(service_url: str) -> None:
    slots: dict[str, Any] = {**SUMMARY, "applicant_name": "王小铭"}
    texts, set_slots = await validate("名字错了，是明天的明，叫王晓明", "inform", slots)
    assert set_slots.get("applicant_name") == "王晓明", (texts, set_slots)


@pytest.mark.parametrize(
    ("said", "project"),
    [
        ("我想开个快递驿站，办个执照", "快递驿站"),
        ("我经营的是老李烧烤，想贷款", "老李烧烤"),
        ("我叫王芳，名字湘里人家", "湘里人家"),
        ("店名字湘里人家", "湘里人家"),
    ],
)
def test_a_project_said_in_a_plan_is_the_project(said: str, project: str) -> None:
    assert read_labelled(said, []).values.get("project_name") == project
    assert read_labelled("经营的是餐饮", []).values.get("project_name") is None  # an industry


def test_a_plan_answered_at_the_project_step_keeps_only_the_name() -> None:
    assert project_answered("我想开个汽修") == "汽修"
    assert project_answered("我经营的是一家农家乐") == "农家乐"


async def test_an_item_topic_at_a_later_step_is_answered_not_stored(service_url: str) -> None:
    slots: dict[str, Any] = {
        **{k: v for k, v in FILLED.items() if k not in ("industry", "business_type", "premises_address")},
        "requested_slot": "industry",
    }
    said = "营业执照的经营场所证明"
    texts, set_slots = await validate(said, "inform", slots, [span("item", "business_registration", said, "营业执照")])
    assert set_slots.get("industry") is None and set_slots.get("requested_slot") == "industry", (texts, set_slots)


async def test_a_question_relayed_on_the_hotline_is_no_phone(service_url: str) -> None:
    slots: dict[str, Any] = {"application_items": ["training"], "applicant_name": "王芳", "requested_slot": "phone"}
    texts, set_slots = await validate("来电人想问一下培训时间", "inform", slots)
    assert set_slots.get("phone") is None and not any("手机号码应为" in t for t in texts), (texts, set_slots)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("工商和税那两样都要办", ["business_registration"]),
        ("把公司注册和贷款一起弄", ["guaranteed_loan", "business_registration"]),
        ("执照要办，另外还想借个12万", ["guaranteed_loan"]),
        ("公司注册三年了", []),  # a fact, not a wish
        ("个体户登记好了", []),
        ("工商登记要多久", []),  # a question
    ],
)
def test_items_said_in_everyday_words_are_chosen(said: str, expected: list[str]) -> None:
    assert items_in_words(said, []) == expected


def test_an_upfront_plan_keeps_its_place_sum_and_term_and_a_bracketed_aside_is_no_name() -> None:
    found = read_labelled("想在衡阳市衡阳县西渡镇开个电动车维修铺，执照要办，另外想借个12万用三年", []).values
    assert found.get("premises_address") == "衡阳市衡阳县西渡镇" and found.get("project_name") == "电动车维修铺"
    assert found.get("loan_amount") == "120000" and found.get("loan_term_months") == 36
    assert read_labelled("我是衡阳县西渡镇的", []).values.get("premises_address") is None  # where one is from
    found = read_labelled("我叫柳青松（小名松子），身份证430102199003041297", []).values
    assert found.get("applicant_name") == "柳青松"


def test_a_cancel_taken_back_keeps_what_was_said_before_it() -> None:
    said = "我要办营业执照"
    start = user_event(said, "start_application", [span("item", "business_registration", said, "营业执照")])
    cancel = {"event": "action", "name": "action_cancel_application"}
    back = user_event("刚才点错了，继续办，我叫王芳，个体户", "inform")
    _, items = seeded_values(make_tracker([start, cancel, back]))
    assert items == ["business_registration"]
    plain = user_event("我叫王芳，个体户", "inform")
    _, items = seeded_values(make_tracker([start, cancel, plain]))
    assert items == []  # a new start after a cancel forgets the cancelled items


@pytest.mark.parametrize(
    ("said", "slot", "value"),
    [
        ("毕业年份写错了，是2022年", "graduation_year", 2022),
        ("成立日期改成2024年5月", "business_started_on", "2024-05-01"),
    ],
)
def test_a_date_corrected_at_the_summary_is_read_as_a_date(said: str, slot: str, value: Any) -> None:
    slots = {**SUMMARY, "application_items": ["startup_subsidy"]}
    found = extract(make_form_tracker(said, "inform", slots), slots)
    assert found.values.get(slot) == value, found.values


def test_a_yes_no_field_said_wrong_is_asked_again_not_restated() -> None:
    slots = {**SUMMARY, "application_items": ["startup_subsidy"], "first_time_founder": True}
    found = extract(make_form_tracker("首次创业那项不对", "deny", slots), slots)
    assert found.command == "fix" and "first_time_founder" not in found.values


async def test_a_bare_application_number_read_as_a_value_goes_to_the_progress_check() -> None:
    number = "CY20261207000001"
    event = user_event(number, "inform", [{"entity": "application_id", "value": number, "start": 0, "end": 16}])
    dispatcher = CollectingDispatcher()
    events = await ActionStartApplication().run(dispatcher, make_tracker([event]), {})
    assert events == [FollowupAction("action_route_progress")] and not dispatcher.messages
