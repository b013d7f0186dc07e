"""validate_application_form with tracker fixtures, against the real bundle service."""

import uuid
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.application.form_extraction import just_heard_user
from tests.actions.conftest import make_form_tracker
from tests.service.factories import LI_MING, REALNAME_OPENIDS, WANG_FANG, ZHANG_WEI, form, make_id

# The service tests' sample people and form, with the chat form's item slot.
FILLED = {"application_items": ["business_registration", "taxpayer_confirmation"], **form(items=None)}
# What a reply may never say to someone not identified as the person whose ID number they typed.
RECORD_WORDS = (
    "信息库",
    "数据库",
    "电子证照",
    "共享",
    "免提交",
    "免于提交",
    "实名认证",
    "不一致",
    "登记失业",
    "就业困难",
    "退役",
)


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 1}


async def validate(
    text: str,
    intent: str,
    slots: dict[str, Any],
    entities: list[dict[str, Any]] | None = None,
    sender: str = "test-user",
    channel: str = "rest",
) -> tuple[list[str], dict[str, Any]]:
    """Run the validation; return the texts shown and the slots it set (requested_slot included)."""
    dispatcher = CollectingDispatcher()
    tracker = make_form_tracker(text, intent, slots, entities, sender=sender, channel=channel)
    events = await ValidateApplicationForm().run(dispatcher, tracker, {})
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages], set_slots  # a template by name


async def test_invalid_id_number_is_re_asked_with_the_reason(service_url: str) -> None:
    slots = {"application_items": ["training"], "applicant_name": "赵新", "requested_slot": "id_number"}
    texts, set_slots = await validate(
        "430111199601010023", "inform", slots, [entity("id_number", "430111199601010023")]
    )
    assert set_slots["id_number"] is None
    assert set_slots["requested_slot"] == "id_number"
    assert any("校验" in t for t in texts), texts


async def test_the_identified_mini_program_user_is_spared_what_the_records_hold(service_url: str) -> None:
    """李明 logged in to the mini program, real-name bound to his ID number: his shared records fill the form."""
    slots = {
        "application_items": ["guaranteed_loan"],
        "applicant_name": "李明",
        "person_category": "college_graduate",
        "requested_slot": "id_number",
    }
    sender = f"wechat:{REALNAME_OPENIDS[LI_MING]}"
    texts, set_slots = await validate(
        LI_MING, "inform", slots, [entity("id_number", LI_MING)], sender=sender, channel="miniprogram"
    )
    assert set_slots["id_number"] == LI_MING
    assert "graduation_year" in set_slots["held_fields"]
    assert any("已通过实名认证，以下信息由部门共享获取，无需提交" in t and "毕业年份" in t for t in texts), texts
    assert set_slots["requested_slot"] == "phone"
    later = {**slots, "id_number": LI_MING, "phone": "13800000001", "requested_slot": "phone"}
    _, after_phone = await validate(
        "13800000001", "inform", later, [entity("phone", "13800000001")], sender, "miniprogram"
    )
    assert after_phone["requested_slot"] == "project_name"  # never asked for the graduation year


@pytest.mark.parametrize(
    ("sender", "channel"),
    [("web:visitor", "rest"), ("wechat:dev_liming", "rest"), (f"wechat:{REALNAME_OPENIDS[ZHANG_WEI]}", "miniprogram")],
    ids=["anonymous", "claimed-wechat-id-on-rest", "someone-else-identified"],
)
async def test_a_chat_not_identified_as_the_person_asks_everything_and_names_no_database(
    service_url: str, sender: str, channel: str
) -> None:
    """Someone typing another person's ID number hears nothing about that person's records."""
    for number, name in ((WANG_FANG, "李四"), (LI_MING, "李四")):
        slots = {"application_items": ["startup_subsidy"], "applicant_name": name, "requested_slot": "id_number"}
        texts, set_slots = await validate(number, "inform", slots, [entity("id_number", number)], sender, channel)
        assert set_slots["id_number"] == number and not set_slots.get("held_fields")
        assert not [t for t in texts if any(word in t for word in RECORD_WORDS)], texts
        assert set_slots["requested_slot"] == "phone"
        filled = {**slots, "id_number": number, "phone": "13912345678", "requested_slot": "phone"}
        texts, set_slots = await validate(
            "13912345678", "inform", filled, [entity("phone", "13912345678")], sender, channel
        )
        assert set_slots["requested_slot"] == "person_category"  # asked, not filled from the records
        assert not [t for t in texts if any(word in t for word in RECORD_WORDS)], texts


async def test_too_many_id_numbers_in_one_chat_pause_the_form(service_url: str) -> None:
    sender = f"web:prober-{uuid.uuid4().hex[:8]}"
    numbers = [make_id(born="19900101", sequence=f"{n:03d}") for n in range(6)]
    for number in numbers[:5]:
        slots = {"application_items": ["training"], "applicant_name": "李四", "requested_slot": "id_number"}
        _, set_slots = await validate(number, "inform", slots, [entity("id_number", number)], sender)
        assert set_slots["requested_slot"] == "phone"
    slots = {"application_items": ["training"], "applicant_name": "李四", "requested_slot": "id_number"}
    texts, set_slots = await validate(numbers[5], "inform", slots, [entity("id_number", numbers[5])], sender)
    assert set_slots["application_paused"] is True and set_slots["requested_slot"] is None
    assert any("身份证号码过多" in t and "分钟后" in t for t in texts), texts


async def test_loan_over_the_limit_says_the_limit(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["guaranteed_loan"], "requested_slot": "loan_amount"}
    texts, set_slots = await validate("我想贷50万", "inform", slots, [entity("amount", "500000")])
    assert set_slots["loan_amount"] is None
    assert set_slots["requested_slot"] == "loan_amount"
    assert any("20万" in t or "200000" in t for t in texts), texts


async def test_a_loan_within_the_limit_moves_on_to_the_term(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["guaranteed_loan"], "requested_slot": "loan_amount"}
    texts, set_slots = await validate("15万", "inform", slots, [entity("amount", "150000")])
    assert set_slots["loan_amount"] == 150000
    assert set_slots["requested_slot"] == "loan_term_months"


async def test_correction_of_an_earlier_answer(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "industry": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("手机号填错了，是13812345678", "inform", slots, [entity("phone", "13812345678")])
    assert set_slots["phone"] == "13812345678"
    assert any("已把手机号码改为：138****5678" in t for t in texts), texts
    assert "project_name" not in set_slots or set_slots["project_name"] is None
    assert set_slots["requested_slot"] == "project_name"


async def test_free_text_correction_at_the_summary(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("项目名称改成湘味小厨", "inform", slots)
    assert set_slots["project_name"] == "湘味小厨"
    assert set_slots["requested_slot"] == "confirm_submission"


async def test_a_question_mid_form_is_answered_not_taken_as_an_answer(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate(
        "创业补贴能发多少钱？", "ask_question", slots, [entity("item", "startup_subsidy")]
    )
    assert texts  # the knowledge base's answer (or, while it is not up, that it is not reachable)
    assert set_slots.get("project_name") is None
    assert set_slots["requested_slot"] == "project_name"  # then the same step again


async def test_cancel_is_not_taken_as_an_answer(service_url: str) -> None:
    slots = {**FILLED, "industry": None, "requested_slot": "industry"}
    assert await validate("算了不办了", "cancel", slots) == ([], {})


async def test_registration_brings_taxpayer_confirmation(service_url: str) -> None:
    slots = {"requested_slot": "application_items"}
    texts, set_slots = await validate("办营业执照", "inform", slots, [entity("item", "business_registration")])
    assert set_slots["application_items"] == ["business_registration", "taxpayer_confirmation"]
    assert any("一并办理" in t for t in texts), texts
    assert set_slots["requested_slot"] == "applicant_name"


async def test_address_gives_city_and_county(service_url: str) -> None:
    slots = {**FILLED, "premises_address": None, "city": None, "county": None, "requested_slot": "premises_address"}
    texts, set_slots = await validate(
        "长沙市岳麓区麓谷大道100号", "inform", slots, [entity("region", "长沙市"), entity("region", "岳麓区")]
    )
    assert set_slots["premises_address"] == "长沙市岳麓区麓谷大道100号"
    assert (set_slots["city"], set_slots["county"]) == ("长沙市", "岳麓区")
    assert set_slots["requested_slot"] == "confirm_submission"


async def test_confirmation_ends_the_form(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("确认提交", "affirm", slots)
    assert set_slots["confirm_submission"] is True
    assert set_slots["requested_slot"] is None


async def test_no_at_the_summary_asks_what_to_change(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("不对", "deny", slots)
    assert set_slots["confirm_submission"] is None
    assert set_slots["requested_slot"] == "confirm_submission"
    assert any("要改哪一项" in t for t in texts)


async def test_ineligible_item_is_explained_and_re_asked(service_url: str) -> None:
    slots = {**FILLED, "person_category": "veteran", "application_items": ["startup_subsidy"], "requested_slot": None}
    slots["requested_slot"] = "person_category"
    texts, set_slots = await validate("退役军人", "inform", slots, [entity("person_category", "veteran")])
    assert set_slots["application_items"] is None
    assert set_slots["requested_slot"] == "application_items"
    assert any("退役军人" in t and "创业补贴" in t for t in texts), texts


async def test_service_down_pauses_the_form(service_down: None) -> None:
    slots = {**FILLED, "industry": None, "requested_slot": "industry"}
    texts, set_slots = await validate("餐饮", "inform", slots)
    assert set_slots["application_paused"] is True
    assert set_slots["requested_slot"] is None
    assert any("没有提交" in t and "继续申请" in t for t in texts)


async def test_after_an_interruption_the_pending_question_is_asked_again(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "industry": None, "requested_slot": "project_name"}
    tracker = make_form_tracker("创业补贴能发多少钱？", "ask_question", slots, [entity("item", "startup_subsidy")])
    tracker.events.append({"event": "action", "name": "action_answer_question"})
    dispatcher = CollectingDispatcher()
    events = await ValidateApplicationForm().run(dispatcher, tracker, {})
    assert dispatcher.messages == []
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"} == {"requested_slot": "project_name"}


def test_just_heard_user_follows_rasas_event_log() -> None:
    """Rasa appends the form's own execution (temporary tracker) before calling its validation action."""

    def heard(*actions: str) -> bool:
        tracker = make_form_tracker("x", "inform", {})
        tracker.events = [
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": "x", "parse_data": {"intent": {"name": "inform"}, "entities": []}},
            *({"event": "action", "name": name} for name in actions),
        ]
        return just_heard_user(tracker)

    assert heard("action_extract_slots", "application_form")
    assert not heard("action_answer_question", "application_form")
    assert not heard("action_start_application", "application_form")
