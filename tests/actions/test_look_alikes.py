"""What a user sees for look-alikes and for items named in passing (issue 14, round 7), against the real service.

- "健康证去哪里办" (another permit, short like a follow-up) gets the knowledge base's honest "not found", never the
  bundle's entry points; "一件事在哪办" keeps them.
- A question whose nearest match is an example of what is not ours is not asked again with the item's bonus
  ("技能提升补贴能拿多少", 补贴 read as the start-up subsidy).
- "税务那个要多久": the item named by a short word is searched.
- A question inside the loan application that finds nothing sure alone is asked about the loan.
"""

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_questions import answer_besides, for_the_whole_form
from actions.knowledge.knowledge_client import elsewhere
from actions.knowledge.query_text import FORM_ITEM, named_by_short_word
from actions.knowledge.questions import ActionAnswerQuestion, stays_refused
from tests.actions.conftest import make_tracker, user_event

SUBSIDY = [{"entity": "item", "value": "startup_subsidy", "start": 4, "end": 6}]


async def reply(text: str, entities: list[dict[str, Any]] | None = None, slots: dict[str, Any] | None = None) -> str:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event(text, "ask_question", entities)], slots=slots)
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    return str(dispatcher.messages[0]["text"])


async def test_another_permit_asked_where_is_declined_not_given_the_bundles_channels(knowledge_service: str) -> None:
    declined = await elsewhere("健康证去哪里办")
    assert declined is not None and "没有找到" in declined and "湘易办" not in declined
    assert await elsewhere("一件事在哪办") is None  # ours: the fixed reply (the entry points) stands


async def test_another_benefit_named_like_ours_stays_refused(knowledge_service: str) -> None:
    text = await reply("技能提升补贴能拿多少", SUBSIDY)
    assert "5000" not in text
    assert "没有找到" in text


def test_an_item_named_by_a_short_word_is_searched_by_its_name() -> None:
    assert named_by_short_word("税务那个要多久") == ("纳税人信息确认要多久", "taxpayer_confirmation")
    assert named_by_short_word("那个要多久") is None


async def test_an_item_named_by_a_short_word_gets_its_answer(knowledge_service: str) -> None:
    text = await reply("税务那个要多久")
    assert "1个工作日" in text


def test_the_form_keeps_its_item_for_a_second_try() -> None:
    tracker = make_tracker([user_event("要不要抵押", "ask_question")], slots={"application_items": ["guaranteed_loan"]})
    assert for_the_whole_form(tracker).get_slot(FORM_ITEM) == "guaranteed_loan"


async def test_a_question_inside_the_loan_application_is_asked_about_the_loan(knowledge_service: str) -> None:
    tracker = make_tracker(
        [user_event("张三，那要抵押吗", "inform")],
        slots={"item": "guaranteed_loan", "application_items": ["guaranteed_loan"]},
    )
    tracker.active_loop = {"name": "application_form"}
    dispatcher = CollectingDispatcher()
    await answer_besides(dispatcher, tracker, "最多能借多少")  # alone: an example about other loans scores first
    assert "20万" in str(dispatcher.messages[0]["text"])


def example_first(example: str, ahead: float) -> dict[str, Any]:
    return {"hits": [{"kind": "out_of_scope", "score": 0.76 + ahead, "text": example}, {"kind": "faq", "score": 0.76}]}


def test_only_a_look_alike_of_the_item_or_a_clear_refusal_stays_refused() -> None:
    assert stays_refused(example_first("技能提升补贴怎么领", 0.005), "startup_subsidy")  # names 补贴
    assert stays_refused(example_first("开奶茶店选址有啥讲究", 0.05), "business_registration")  # clearly not ours
    assert not stays_refused(example_first("开奶茶店选址有啥讲究", 0.001), "business_registration")
    assert not stays_refused({"hits": [{"kind": "faq", "score": 0.8}]}, "business_registration")


async def test_our_question_a_hair_from_an_example_about_something_else_is_answered(knowledge_service: str) -> None:
    licence = [{"entity": "item", "value": "business_registration", "start": 9, "end": 10}]
    assert "3个工作日" in await reply("我想开个奶茶店，办执照要几天", licence)
