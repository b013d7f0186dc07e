"""A user who says they do not understand the bot ("看不懂你说的", "啥意思啊") at a form step (issue 12).

Whatever the NLU makes of it (a yes, a question, a complaint), nothing is confirmed, filed or stored: the step is
explained again in simpler words, with an example and how to answer, and stays open; said again, the wording
changes and a person is offered.
"""

from __future__ import annotations

from actions.application.application_form import ValidateApplicationForm
from actions.conversation.not_understood import confused
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.test_appeals import Chat, entity
from tests.actions.test_application_form import FILLED
from tests.actions.test_forms_no_loops import FormTurns


def test_only_saying_so_counts_a_question_about_something_is_a_question() -> None:
    confusions = (
        "看不懂你说的",
        "啥意思啊",
        "你说的我不明白",
        "没看懂",
        "什么意思？",
        "你在说啥",
        "不太明白，能说简单点吗",
    )
    for said in confusions:
        assert confused(said), said
    for said in ("红灯是什么意思", "项目名称是什么意思", "我不懂怎么填身份证", "记不清了", "确认提交", "不清楚"):
        assert not confused(said), said


async def test_at_the_application_summary_it_is_no_yes_and_the_step_is_explained(service_url: str) -> None:
    form = FormTurns(ValidateApplicationForm(), "application_form", {**FILLED, "requested_slot": "confirm_submission"})
    first = await form.say("看不懂你说的", "affirm")  # the NLU's yes: still no confirmation
    assert form.slots.get("confirm_submission") is not True
    assert form.slots["requested_slot"] == "confirm_submission"
    assert "还没有提交" in first and "确认提交" in first and "取消" in first
    second = await form.say("啥意思啊", "ask_question")
    assert form.slots.get("confirm_submission") is not True and second != first
    assert "转人工" in second  # the second time a person is offered
    await form.say("确认提交", "affirm")
    assert form.slots.get("confirm_submission") is True  # the step stayed open: a real yes still confirms


async def test_at_a_field_step_nothing_is_stored_and_the_field_is_explained(service_url: str) -> None:
    slots = {"application_items": ["training"], "applicant_name": "刘芳", "requested_slot": "id_number"}
    form = FormTurns(ValidateApplicationForm(), "application_form", slots)
    said = await form.say("你说的我不明白", "complain")
    assert form.slots.get("id_number") is None and form.slots["requested_slot"] == "id_number"
    assert "18位" in said and "例如" in said and "投诉" not in said


async def test_in_the_eligibility_check_it_is_no_category(service_url: str) -> None:
    form = FormTurns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": "elig_person_category"})
    said = await form.say("啥意思啊", "ask_question")
    assert form.slots.get("elig_person_category") is None and "无法识别" not in said
    assert "哪类人员" in said and "退役军人" in said


async def test_in_the_progress_check_the_number_is_explained(service_url: str) -> None:
    form = FormTurns(ValidateProgressForm(), "progress_form", {"requested_slot": "progress_number"})
    said = await form.say("看不懂", "complain")
    assert form.slots["requested_slot"] == "progress_number" and form.slots.get("progress_number") is None
    assert "申请编号" in said and "我的办件" in said


async def test_at_the_complaint_summary_nothing_is_filed(service_url: str) -> None:
    chat = Chat("web:appeal-not-understood")
    said = await chat.say(
        "我要投诉，昨天上午在开福区政务服务中心3号窗口，工作人员态度很差，电话13912345678",
        "complain",
        [entity("phone", "13912345678")],
    )
    assert "请核对" in said
    said = await chat.say("看不懂你说的", "affirm")
    assert "SQ" not in said and "还没有登记" in said and "确认提交" in said
    assert chat.loop == "appeal_form" and chat.slots.get("appeal_confirm") is not True
    said = await chat.say("确认提交", "affirm")
    assert "SQ" in said
