"""Knowledge answers through the bot, issue 14 round 9, in our own wordings, against the real service.

- A question about notifications that asks for neither direction is answered from the knowledge base (how a
  user is told), not taken as a switch.
- A request to write a document for the user is declined honestly, never an application form.
- An elliptical question in an application for one item ("要多久" after "我想申请创业担保贷款") is about that item.
"""

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.after_filing.notification_settings import ActionNotificationSettings, asks_about
from actions.conversation import followups
from actions.knowledge.query_text import elliptical
from actions.knowledge.questions import ActionAnswerQuestion
from actions.knowledge.writing_requests import asks_to_write
from tests.actions.conftest import make_tracker, user_event


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("审批有结果了会不会提醒我", True),
        ("进度有变化能通知我吗", True),
        ("别再给我发通知了", False),
        ("开启通知", False),
    ],
)
def test_a_question_about_notifications_is_no_switch(text: str, asked: bool) -> None:
    assert asks_about(text) is asked


async def test_a_question_about_notifications_gets_the_knowledge_answer(knowledge_service: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("进度有变化能通知我吗", "notifications_on")])
    await ActionNotificationSettings().run(dispatcher, tracker, {})
    said = texts(dispatcher)
    assert "补正" in said and "短信" in said  # what is notified, and how without WeChat
    assert "如需停止请联系12345" not in said  # not the switch's reply


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("麻烦帮我写一份奶茶店的创业计划书", True),
        ("你替我起草个开业方案吧", True),
        ("帮我填一下表", False),
        ("帮我申请创业担保贷款", False),
        ("创业计划书要交吗", False),
    ],
)
def test_a_request_to_write_a_document_is_recognised(text: str, writes: bool) -> None:
    assert asks_to_write(text) is writes


async def test_a_request_to_write_a_plan_is_declined_not_a_form() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("麻烦帮我写一份奶茶店的创业计划书", "start_application")])
    events = await followups.before_starting(dispatcher, tracker, {})
    assert events == []  # handled: the form does not start
    said = texts(dispatcher)
    assert "不在我的服务范围" in said and "创业计划书" in said and "创业服务窗口" in said


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("那大概要多久", True),
        ("需要带哪些资料？", True),
        ("到哪里去办", True),
        ("身份证要复印吗", False),
        ("能贷多少", False),
    ],
)
def test_an_elliptical_question_is_made_of_question_words_only(text: str, bare: bool) -> None:
    assert elliptical(text) is bare


async def ask_in_application(text: str, slots: dict[str, Any]) -> str:
    tracker = make_tracker([user_event(text, "ask_question")], slots={"form_item": slots["item"], **slots})
    tracker.active_loop = {"name": "application_form"}
    tracker.slots["item"] = None  # searched for the whole form first (form_questions.for_the_whole_form)
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    return texts(dispatcher)


async def test_how_long_in_the_loan_application_is_the_loans_time_limit(knowledge_service: str) -> None:
    said = await ask_in_application(
        "那大概要多久", {"item": "guaranteed_loan", "application_items": ["guaranteed_loan"]}
    )
    assert "15个工作日" in said and "20个工作日内办结" not in said


async def test_how_long_in_an_application_for_several_items_is_the_whole_bundle(knowledge_service: str) -> None:
    slots = {"item": "guaranteed_loan", "application_items": ["guaranteed_loan", "training"]}
    said = await ask_in_application("那大概要多久", slots)
    assert "15个工作日" not in said or "20个工作日" in said
