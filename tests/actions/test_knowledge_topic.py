"""A follow-up naming nothing is steered by the conversation's item, not drawn to a narrower source (issue 14)."""

from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge.questions import ActionAnswerQuestion
from actions.knowledge.topic import steered, unsaid_subject
from tests.actions.conftest import make_tracker, user_event

TAXPAYER = "taxpayer_confirmation"


def answered(title: str, status: str = "faq") -> dict:
    return {"status": status, "sources": [{"id": "faq-x", "section": title}]}


def test_a_source_naming_a_part_the_question_did_not_say_is_narrower() -> None:
    assert unsaid_subject(answered("新开的店怎么申领发票？"), "得本人跑一趟吗", TAXPAYER)


def test_a_source_naming_only_the_topic_is_not() -> None:
    assert unsaid_subject(answered("纳税人信息确认要多久？"), "要几天", TAXPAYER) is None
    assert unsaid_subject(answered("担保贷款多久能批下来？"), "那要多久", "guaranteed_loan") is None
    assert unsaid_subject(answered("新开的店怎么申领发票？"), "发票要我自己领吗", TAXPAYER) is None  # said


def test_titles_or_refusals_are_left_to_the_retry() -> None:
    assert unsaid_subject(answered("新开的店怎么申领发票？", "suggest"), "要自己去吗", TAXPAYER) is None


def test_the_question_is_asked_about_the_item_by_its_name() -> None:
    assert steered("得自己去办吗", TAXPAYER) == "纳税人信息确认得自己去办吗"


async def test_the_taxpayer_follow_up_gets_the_package_not_the_invoice(knowledge_service: str) -> None:
    previous = user_event("新办纳税人套餐里的信息确认是做什么的", "ask_question")
    tracker = make_tracker(
        [previous, {"event": "bot", "text": "…"}, user_event("需要我本人去申请吗", "ask_question")],
        slots={"item": TAXPAYER},
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    reply = dispatcher.messages[0]["text"]
    assert "自动启动" in reply and "faq-155" not in reply


async def test_an_item_said_by_a_short_word_keeps_the_users_words_when_its_name_blurs(knowledge_service: str) -> None:
    tracker = make_tracker([user_event("执照办下来后税务那边还得单独去一趟吗", "ask_question")])
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert "自动启动" in dispatcher.messages[0]["text"]  # not three titles for "…纳税人信息确认还得单独去一趟吗"
