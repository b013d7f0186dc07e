"""action_answer_question against the real bundle service."""

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event

LOAN = [{"entity": "item", "value": "guaranteed_loan", "start": 0, "end": 3}]


async def test_answers_with_the_items_facts_and_source(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("创业贷能贷多少", "ask_question", LOAN)])
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    text = dispatcher.messages[0]["text"]
    assert "申请创业担保贷款" in text
    assert "20万元" in text
    assert "15个工作日" in text
    assert "来源" in text
    assert events == [SlotSet("item", "guaranteed_loan")]


async def test_follow_up_uses_the_item_in_context(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("那要多久", "ask_question")], slots={"item": "startup_subsidy"})
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert "创业补贴申领" in dispatcher.messages[0]["text"]
    assert "20个工作日" in dispatcher.messages[0]["text"]


async def test_without_an_item_it_asks_which_one(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerQuestion().run(dispatcher, make_tracker([user_event("要多久", "ask_question")]), {})
    assert "哪个事项" in dispatcher.messages[0]["text"]
    assert events == []


async def test_service_down_is_said_plainly(service_down: None) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("创业贷能贷多少", "ask_question", LOAN)])
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert "暂时连不上" in dispatcher.messages[0]["text"]
    assert events == []
