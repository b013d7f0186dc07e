"""action_handle_low_confidence: rephrase first, a person after two misses in a row."""

from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ASK_TO_REPHRASE, OFFER_A_PERSON, ActionHandleLowConfidence
from tests.actions.conftest import make_tracker, user_event

BOT = {"event": "bot", "text": "..."}


async def run(events: list[dict]) -> tuple[str, list]:
    dispatcher = CollectingDispatcher()
    result = await ActionHandleLowConfidence().run(dispatcher, make_tracker(events), {})
    return dispatcher.messages[0]["text"], result


async def test_first_miss_asks_to_rephrase() -> None:
    response, events = await run([user_event("你好", "greet"), BOT, user_event("qwe", "nlu_fallback")])
    assert response == ASK_TO_REPHRASE
    assert events == [UserUtteranceReverted()]


async def test_second_miss_in_a_row_offers_a_person() -> None:
    history = [user_event("qwe", "nlu_fallback"), BOT, {"event": "rewind"}, user_event("zxc", "nlu_fallback")]
    response, _ = await run(history)
    assert response == OFFER_A_PERSON


async def test_an_understood_message_resets_the_count() -> None:
    history = [
        user_event("qwe", "nlu_fallback"),
        BOT,
        user_event("你好", "greet"),
        BOT,
        user_event("zxc", "nlu_fallback"),
    ]
    response, _ = await run(history)
    assert response == ASK_TO_REPHRASE
