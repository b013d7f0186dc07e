"""Messages that point at nothing named, filler words around them ("嗯那个啥", "就是那个呗"), and a hotline caller
who cannot make themselves understood ("来电人说了半天听不清在说啥", "她就一直讲那个事") are one kind: asked which
one, then a person offered, never a search that finds nothing or a complaint form (issue 12). "还是不清楚" after an
explanation is not following either."""

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation.confused import SAY_WHAT_YOU_WANT, WHICH_ONE, ActionHelpConfused
from nlu_components.decisive_intents import decided_intent
from nlu_components.not_understood import vague
from tests.actions.conftest import make_tracker, user_event


@pytest.mark.parametrize(
    ("text", "pointing"),
    [
        ("呃这个啥", True),
        ("就是那个呗", True),
        ("他在那说了半天", True),
        ("来电人说了半天听不清到底要啥", True),
        ("她就一直讲那个事那个事", True),
        ("他讲不明白", True),
        ("那个在哪办", False),  # asks where
        ("这个啥时候能好", False),  # asks when
        ("那个证怎么办", False),  # names a certificate and asks
        ("就这样", False),  # no pointer
    ],
)
def test_pointing_at_nothing_named_is_told_from_a_question(text: str, pointing: bool) -> None:
    assert vague(text) is pointing
    assert (decided_intent(text) == "not_understood") is pointing


def test_still_not_following_after_an_explanation_is_not_understood() -> None:
    for said in ("还是不清楚", "还是没听清"):
        assert decided_intent(said) == "not_understood", said
    assert decided_intent("不清楚") is None  # "I don't know" as an answer at a step
    assert decided_intent("还是不清楚要交哪些材料") is None  # a question about something named


async def test_pointing_three_times_gets_which_one_then_a_person_never_the_same_thrice() -> None:
    events: list[dict[str, Any]] = []
    replies = []
    for said in ("呃这个啥", "就是那个呗", "她就一直讲那个事那个事"):
        events.append(user_event(said, "not_understood"))
        dispatcher = CollectingDispatcher()
        await ActionHelpConfused().run(dispatcher, make_tracker(list(events)), {})
        reply = str(dispatcher.messages[0]["text"])
        replies.append(reply)
        events.append({"event": "bot", "text": reply})
    assert replies[0] == WHICH_ONE[0] and replies[1] == SAY_WHAT_YOU_WANT
    assert "转人工" in replies[1] and "12345" in replies[1]
    assert len(set(replies)) > 1
