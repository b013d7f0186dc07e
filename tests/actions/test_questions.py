"""action_answer_question against the real bundle service and its knowledge base."""

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event

LOAN = [{"entity": "item", "value": "guaranteed_loan", "start": 0, "end": 3}]


async def ask(text: str, entities: list[dict] | None = None, slots: dict | None = None) -> tuple[str, list]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event(text, "ask_question", entities)], slots=slots)
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    return dispatcher.messages[0]["text"], events


async def test_answers_with_the_fact_and_its_source(knowledge_service: str) -> None:
    text, events = await ask("创业贷最多能贷多少钱", LOAN)
    assert "20万" in text
    assert "来源" in text
    assert events == [SlotSet("item", "guaranteed_loan")]


async def test_follow_up_uses_the_item_in_context(knowledge_service: str) -> None:
    text, _ = await ask("那要多久", slots={"item": "startup_subsidy"})
    assert "20个工作日" in text
    assert "来源" in text


async def test_an_unknown_question_is_answered_honestly(knowledge_service: str) -> None:
    text, events = await ask("去张家界旅游住哪家酒店好")
    assert "人工" in text  # says it does not know and offers a person
    assert "来源" not in text
    assert events == []


async def test_service_down_is_said_plainly(service_down: None) -> None:
    text, events = await ask("创业贷能贷多少", LOAN)
    assert "暂时连不上" in text
    assert events == []
