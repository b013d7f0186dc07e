"""A field named with its new value, and a question at the loan's steps (issue 12).

"X错了，Y" takes Y for X in the same message; a date the licence was got on ("执照是前年秋天领的") is the business
start date, at the summary a correction of it; a question naming no item at the loan's steps ("最高能借多少") is
asked about the loan; a submit word at the complaint's phone step says why the phone is needed.
"""

from typing import Any

import pytest

from tests.actions.test_appeals import Chat
from tests.actions.test_application_form import FILLED, validate
from tests.service.factories import form

LOAN_STEP = {**form(items=None), "application_items": ["guaranteed_loan"], "requested_slot": "loan_amount"}
LOAN_SUMMARY = {**LOAN_STEP, "loan_amount": 80000, "loan_term_months": 24, "requested_slot": "confirm_submission"}
SUMMARY = {**FILLED, "business_started_on": "2023-04-01", "requested_slot": "confirm_submission"}


@pytest.mark.parametrize(
    ("said", "intent", "slot", "value"),
    [
        ("还款年限写错了，三年", "inform", "loan_term_months", 36),
        ("期限不对 应该是一年", "deny", "loan_term_months", 12),
        ("额度填错了，改成六万", "inform", "loan_amount", 60000),
    ],
)
async def test_a_field_called_wrong_takes_the_value_said_with_it(
    service_url: str, said: str, intent: str, slot: str, value: Any
) -> None:
    texts, set_slots = await validate(said, intent, dict(LOAN_SUMMARY))
    assert set_slots.get(slot) == value, (texts, set_slots)
    assert set_slots.get("confirm_submission") is not True and not any("要改哪一项" in t for t in texts), texts


async def test_a_field_called_wrong_with_no_readable_value_is_asked_again(service_url: str) -> None:
    texts, set_slots = await validate("年限不对，嗯…", "inform", dict(LOAN_SUMMARY))
    assert set_slots.get("requested_slot") == "loan_term_months" and set_slots.get("loan_term_months", 1) is None
    assert any("刚才填的是" in t for t in texts), texts


@pytest.mark.parametrize(
    ("said", "started"),
    [("执照是2024年8月领的", "2024-08-01"), ("营业执照前年三月批下来的", "-03-01"), ("2022年拿到的执照", "2022-01-01")],
)
async def test_when_the_licence_was_got_corrects_the_start_date_at_the_summary(
    service_url: str, said: str, started: str
) -> None:
    texts, set_slots = await validate(said, "inform", dict(SUMMARY))
    assert str(set_slots.get("business_started_on") or "").endswith(started), (texts, set_slots)
    assert set_slots.get("confirm_submission") is not True and any("成立日期改为" in t for t in texts), texts


async def test_a_licence_still_wanted_is_no_start_date(service_url: str) -> None:
    texts, set_slots = await validate("下个月再办执照", "inform", dict(SUMMARY))
    assert "business_started_on" not in set_slots, (texts, set_slots)


@pytest.mark.parametrize("said", ["最高能借多少", "最多可以贷几个"])
async def test_a_question_at_the_loan_step_is_asked_about_the_loan(
    service_url: str, knowledge_ready: str, said: str
) -> None:
    texts, set_slots = await validate(said, "ask_question", dict(LOAN_STEP))
    assert any("20万" in t and "合伙" not in t for t in texts), texts
    assert set_slots.get("requested_slot") == "loan_amount" and set_slots.get("loan_amount") is None


async def test_a_submit_word_at_the_complaint_phone_step_says_why_it_is_needed(service_url: str) -> None:
    chat = Chat("web:appeal-submit-before-phone")
    await chat.say("我要投诉，窗口办执照让我来回跑了四趟", "complain")
    await chat.say("上周二上午，天心区政务大厅", "inform")
    said = await chat.say("没有", "deny")
    assert "联系电话" in said and chat.slots.get("requested_slot") == "appeal_contact"
    said = await chat.say("确认提交", "affirm")
    assert "答复" in said and "例如" in said and chat.slots.get("requested_slot") == "appeal_contact", said
    assert chat.loop == "appeal_form" and not chat.slots.get("appeal_contact")
