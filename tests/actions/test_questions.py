"""action_answer_question against the real bundle service and its knowledge base."""

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge.query_text import query_text
from actions.knowledge.questions import ActionAnswerQuestion, answered_item
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


async def test_what_about_x_asks_the_previous_question_about_x(knowledge_service: str) -> None:
    previous = user_event(
        "创业担保贷款要多久", "ask_question", [{"entity": "item", "value": "guaranteed_loan", "start": 0, "end": 6}]
    )
    latest = user_event(
        "补贴呢", "ask_question", [{"entity": "item", "value": "startup_subsidy", "start": 0, "end": 2}]
    )
    tracker = make_tracker([previous, {"event": "bot", "text": "…"}, latest], slots={"item": "startup_subsidy"})
    assert query_text(tracker) == "补贴要多久"
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert "20个工作日" in dispatcher.messages[0]["text"]  # the subsidy's time limit, not the loan's 15
    assert events == [SlotSet("item", "startup_subsidy")]


def test_a_plain_question_is_searched_as_typed() -> None:
    tracker = make_tracker([user_event("补贴呢", "ask_question")])  # no item named: nothing to substitute
    assert query_text(tracker) == "补贴呢"
    tracker = make_tracker([user_event("贷款要多久", "ask_question"), user_event("那要准备什么材料呢", "ask_question")])
    assert query_text(tracker) == "那要准备什么材料呢"


def test_titles_offered_to_pick_from_leave_the_item_in_context_alone() -> None:
    tracker = make_tracker([user_event("养老保险", "ask_question")])
    hits = [{"kind": "faq", "item": "pension_registration"}]
    assert answered_item(tracker, {"status": "suggest", "hits": hits, "choices": ["…"]}) is None
    assert answered_item(tracker, {"status": "faq", "hits": hits}) == "pension_registration"
    oos_first = [{"kind": "out_of_scope", "item": None}, *hits]
    assert answered_item(tracker, {"status": "answer", "hits": oos_first}) == "pension_registration"
