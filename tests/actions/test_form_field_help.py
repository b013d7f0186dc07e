"""Questions about how to fill a field, asked at any step of the one form: explained, then the same step again."""

import pytest

from actions.application.application_form import ValidateApplicationForm
from actions.application.form_field_help import field_asked, field_help
from tests.actions.test_application_form import FILLED, validate
from tests.actions.test_step_failures import Turns, texts_of


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("手机号要几位", "phone"),
        ("等一下，电话号码要填几位数的", "phone"),
        ("身份证最后一位是X怎么填", "id_number"),
        ("行业怎么填啊", "industry"),
        ("项目名称是什么意思", "project_name"),
        ("店名还没定可以填啥", "project_name"),
        ("地址要写多详细", "premises_address"),
        ("经营主体类型是啥", "business_type"),
        ("银行账户填哪个", "bank_account"),
        ("名字要写全吗", "applicant_name"),
    ],
)
def test_a_question_about_filling_a_field_names_that_field(text: str, slot: str) -> None:
    assert field_asked(text) == slot


@pytest.mark.parametrize(
    "text",
    [
        "毕业证要交吗",  # a paper: the knowledge base answers
        "经营场所证明是什么",
        "能贷多少",  # a policy
        "我叫王芳",  # answers, not questions
        "手机13912345678",
        "行业是餐饮",
        "项目叫湘味米粉店",
    ],
)
def test_papers_policies_and_answers_are_not_questions_about_a_field(text: str) -> None:
    assert field_asked(text) is None


def test_the_explanation_says_the_format_with_an_example() -> None:
    assert "11位" in field_help("phone") and "例如" in field_help("phone")
    assert "18位" in field_help("id_number") and "X" in field_help("id_number")
    assert "个体工商户" in field_help("business_type")


@pytest.mark.parametrize("intent", ["ask_question", "inform", "affirm"])
async def test_how_many_digits_at_the_phone_step_is_answered_and_the_phone_asked_again(
    service_url: str, intent: str
) -> None:
    slots = {**FILLED, "phone": None, "requested_slot": "phone"}
    texts, set_slots = await validate("手机号要几位", intent, slots)
    assert any("11位" in t for t in texts), texts
    assert set_slots["requested_slot"] == "phone"
    assert set_slots["phone"] is None  # nothing stored, no acknowledgement of a value


async def test_a_field_question_at_the_summary_is_answered_and_the_summary_stays(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("身份证最后一位是X的话怎么填", "ask_question", slots)
    assert any("18位" in t for t in texts), texts
    assert set_slots["requested_slot"] == "confirm_submission"
    assert set_slots.get("confirm_submission") is None  # not confirmed, not submitted


async def test_a_field_question_at_a_free_text_step_is_not_stored_as_the_value(service_url: str) -> None:
    slots = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("项目名称要写几个字", "inform", slots)
    assert set_slots.get("project_name") is None, texts
    assert set_slots["requested_slot"] == "project_name"


@pytest.mark.parametrize(
    ("text", "intent"), [("随便吧", "inform"), ("你帮我定吧", "bot_challenge"), ("不懂这个", "out_of_scope")]
)
async def test_leaving_the_business_type_to_the_bot_gets_the_choices_explained(
    service_url: str, text: str, intent: str
) -> None:
    slots = {**FILLED, "business_type": None, "requested_slot": "business_type"}
    texts, set_slots = await validate(text, intent, slots)
    assert any("个体工商户" in t and "企业" in t and "合作社" in t for t in texts), texts
    assert set_slots["requested_slot"] == "business_type"
    assert set_slots["business_type"] is None  # the user still picks


async def test_leaving_the_choice_to_the_bot_again_and_again_never_gets_the_same_reply_thrice(service_url: str) -> None:
    form = Turns(ValidateApplicationForm(), "application_form", {**FILLED, "business_type": None})
    form.slots["requested_slot"] = "business_type"
    replies = [texts_of(await form.say("随便")) for _ in range(3)]
    assert len(set(replies)) > 1, replies
    assert "转人工" in replies[1]  # from the second time, a way out
