"""action_handle_low_confidence: rephrase first, a person after two misses in a row."""

from rasa_sdk.events import ConversationPaused, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation.fallback import ASK_TO_REPHRASE, HANDED_OFF_AFTER_MISSES, ActionHandleLowConfidence
from actions.conversation.handoff import STAFF_UNAVAILABLE
from tests.actions.conftest import make_tracker, user_event

BOT = {"event": "bot", "text": "..."}
MISSED = {"event": "bot", "text": ASK_TO_REPHRASE}  # the reply to a message the bot could not read


async def run(events: list[dict]) -> tuple[str, list]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(events)
    tracker.sender_id = "fallback-user"  # its own conversation in the handoff queue
    result = await ActionHandleLowConfidence().run(dispatcher, tracker, {})
    return dispatcher.messages[0]["text"], result


async def test_first_miss_asks_to_rephrase(service_down: None) -> None:
    response, events = await run([user_event("你好", "greet"), BOT, user_event("qwe", "nlu_fallback")])
    assert response == ASK_TO_REPHRASE
    assert events == [UserUtteranceReverted()]


async def test_second_miss_in_a_row_hands_off_to_a_person(knowledge_service: str) -> None:
    history = [user_event("qwe", "nlu_fallback"), MISSED, {"event": "rewind"}, user_event("zxc", "nlu_fallback")]
    response, events = await run(history)
    assert response == HANDED_OFF_AFTER_MISSES
    assert events == [ConversationPaused()]


async def test_second_miss_without_staff_says_where_to_turn(service_down: None) -> None:
    history = [user_event("qwe", "nlu_fallback"), MISSED, {"event": "rewind"}, user_event("zxc", "nlu_fallback")]
    response, events = await run(history)
    assert response == STAFF_UNAVAILABLE
    assert events == [UserUtteranceReverted()]


async def test_an_understood_message_resets_the_count(service_down: None) -> None:
    history = [
        user_event("qwe", "nlu_fallback"),
        MISSED,
        user_event("你好", "greet"),
        BOT,
        user_event("zxc", "nlu_fallback"),
    ]
    response, _ = await run(history)
    assert response == ASK_TO_REPHRASE


async def test_noise_is_not_answered_from_the_knowledge_base(knowledge_service: str) -> None:
    response, events = await run([user_event("qwe asd zxc", "nlu_fallback")])
    assert response == ASK_TO_REPHRASE
    assert events == [UserUtteranceReverted()]


async def test_an_unsure_policy_question_is_answered_with_its_source(knowledge_service: str) -> None:
    response, events = await run([user_event("担保贷款个人额度最高是多少", "nlu_fallback")])
    assert "20万" in response and "来源" in response
    assert UserUtteranceReverted() not in events


async def test_an_unsure_message_a_form_handled_is_no_miss(service_down: None) -> None:
    history = [
        user_event("行吧就按这个报上去", "nlu_fallback"),  # the NLU was unsure; the complaint form filed it
        {"event": "bot", "text": "您的投诉已登记，编号SQ20260101000001。"},
        user_event("qwe", "nlu_fallback"),
    ]
    response, events = await run(history)
    assert response == ASK_TO_REPHRASE  # the first real miss: rephrase, no handoff yet
    assert events == [UserUtteranceReverted()]
