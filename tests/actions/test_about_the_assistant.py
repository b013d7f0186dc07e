"""Questions about the assistant itself (issue 12's social turns), whatever the NLU took them for.

"你都会些什么" is told what the assistant does; "你是真人吗" who answers; "什么破机器人" gets an apology and a
person; a question about the assistant's person or the world ("你是男是女", "某国首相叫什么") a decline in plain
words; naming the user's business is no service of ours and never starts a form.
"""

from __future__ import annotations

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeals import ActionRouteAppeal, faults_the_assistant
from actions.conversation import followups
from actions.conversation.courtesy import ActionAboutAssistant, about_assistant
from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import ActionOutOfScope
from actions.knowledge import writing_requests
from tests.actions.conftest import make_tracker, user_event

DECLINE_WORDS = ("抱歉", "无法回答", "只能回答")


async def _reply(text: str, intent: str = "bot_challenge") -> tuple[str, list[str], list[str | None]]:
    dispatcher = CollectingDispatcher()
    await ActionAboutAssistant().run(dispatcher, make_tracker([user_event(text, intent)]), {})
    texts = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    buttons = [str(b["title"]) for m in dispatcher.messages for b in m.get("buttons") or []]
    return texts, buttons, [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "said", ["你都会些什么", "你能干啥", "你有么子用", "能问你哪些事", "你是干什么的呀", "你能帮我做点啥"]
)
async def test_what_the_assistant_does_is_listed(said: str) -> None:
    text, buttons, _ = await _reply(said)
    for service in ("政策", "营业执照", "补贴", "贷款", "进度", "投诉", "转人工"):
        assert service in text, (said, text)
    assert "我要申请" in buttons and "转人工" in buttons
    assert "不是真人" not in text


@pytest.mark.parametrize("said", ["你是真人吗", "这是自动回复吧", "对面是人还是程序", "你叫什么名字"])
async def test_asking_who_answers_is_told(said: str) -> None:
    _, _, responses = await _reply(said)
    assert responses == ["utter_iamabot"]


@pytest.mark.parametrize("said", ["你是男的还是女的", "某国首相叫什么名字", "你今年多大了", "你喜欢吃辣的吗"])
async def test_other_questions_about_it_or_the_world_are_declined_in_plain_words(said: str) -> None:
    text, _, responses = await _reply(said)
    assert all(word in text for word in DECLINE_WORDS), (said, text)
    assert "创业" in text and "utter_iamabot" not in responses and "不是真人" not in text


@pytest.mark.parametrize("said", ["什么破机器人", "你怎么这么笨", "这客服答非所问", "垃圾AI"])
async def test_finding_fault_with_it_gets_an_apology_and_a_person(said: str) -> None:
    text, buttons, _ = await _reply(said)
    assert "抱歉" in text and "转人工" in text and "转人工" in buttons
    assert "我还不能确定" not in text  # no menu of titles


async def test_finding_fault_read_as_a_complaint_opens_no_form() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionRouteAppeal().run(dispatcher, make_tracker([user_event("啥破机器人啊", "complain")]), {})
    assert not any(e.get("event") == "followup" for e in events)
    assert "转人工" in str(dispatcher.messages[0].get("text"))


def test_what_is_about_the_assistant_and_what_is_not() -> None:
    assert about_assistant("你都能帮我办些什么事") == "capabilities"
    assert about_assistant("你是机器人吧") == "bot"
    assert about_assistant("你这破系统") == "faulted"
    assert about_assistant("你是男是女") is None
    assert about_assistant("你能帮我查一下进度吗") is None  # a request, not a question about the assistant


@pytest.mark.parametrize("said", ["给我的公司想个名字", "帮忙给烧烤店起个名", "帮我取个好听的店名"])
async def test_naming_the_business_is_declined_and_starts_no_form(said: str) -> None:
    dispatcher = CollectingDispatcher()
    assert await followups.before_starting(dispatcher, make_tracker([user_event(said, "start_application")]), {}) == []
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.NAMING_DECLINED]
    text, _, _ = await _reply(said)
    assert text == writing_requests.NAMING_DECLINED


@pytest.mark.parametrize("said", ["个体户名称有什么要求", "公司名字怎么取才能通过", "我想给店取名叫小满"])
def test_asking_the_rules_of_a_name_is_no_naming_request(said: str) -> None:
    assert not writing_requests.asks_to_name(said)


def test_fault_found_with_staff_or_given_as_a_rating_is_not_about_the_assistant() -> None:
    assert about_assistant("窗口的人答非所问，态度还差") is None  # a complaint about the service: filed
    assert not faults_the_assistant("给个差评，答非所问")  # a rating: stored as one
    assert not faults_the_assistant("我要投诉这个破机器人")  # asked to file: the complaint form
    assert faults_the_assistant("问了半天，真是个破系统")


async def _reply_as(action: Action, text: str, intent: str) -> str:
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, make_tracker([user_event(text, intent)]), {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
@pytest.mark.parametrize("said", ["你到底能干点啥", "什么破机器人，答非所问"])
async def test_the_same_reply_when_the_nlu_took_it_for_off_topic_or_was_unsure(said: str, intent: str) -> None:
    action = ActionOutOfScope() if intent == "out_of_scope" else ActionHandleLowConfidence()
    text = await _reply_as(action, said, intent)
    assert "转人工" in text and ("营业执照" in text or "抱歉" in text), (said, intent, text)
    assert "没太明白" not in text


async def test_naming_a_business_is_declined_whatever_the_nlu_said() -> None:
    text = await _reply_as(ActionHandleLowConfidence(), "给我的公司想个好听的名字", "nlu_fallback")
    assert "没太明白" not in text and text, text
