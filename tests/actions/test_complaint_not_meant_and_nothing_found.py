"""No complaint meant, and a reply that gives nothing after a question nothing was found for (issue 12).

"我不是要投诉" / "算了不投诉了" inside the complaint form stop it (nothing filed) and say what else the bot does;
said outside, it opens no form. "之前没投诉过" is no such word; "现在" is no time it happened. A reply that gives
nothing right after the knowledge base's honest "not found" offers a person instead of "还有什么可以帮您".
"""

from datetime import date
from typing import Any

import pytest

from actions.appeals.appeal_reading import NOT_MEANT, place_time
from actions.application.application_start import ActionStartApplication, unanswered_before
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_appeals import Chat
from tests.actions.test_followups import run


@pytest.mark.parametrize("said", ["我不是要投诉，就是想问点事", "那算了，不投诉了", "搞错了，我没要投诉"])
async def test_no_complaint_meant_inside_the_form_stops_it(service_url: str, said: str) -> None:
    chat = Chat("web:appeal-not-meant")
    await chat.say("我要投诉", "complain")
    await chat.say("大厅叫号系统老是坏", "complain")
    reply = await chat.say(said, "complain")
    assert chat.loop is None and not chat.slots.get("appeal_description"), reply
    assert "不登记投诉" in reply and "我要申请" in reply and "转人工" in reply


async def test_no_complaint_meant_opens_no_form(service_url: str) -> None:
    chat = Chat("web:appeal-not-meant-outside")
    reply = await chat.say("我没说要投诉啊", "complain")
    assert chat.loop is None and "不登记投诉" in reply


def test_never_complained_before_is_no_word_against_complaining() -> None:
    assert not NOT_MEANT.search("我之前没投诉过，这回实在忍不了")
    assert not NOT_MEANT.search("他们不让我投诉")


def _after(reply: dict[str, Any], said: str, intent: str) -> Any:
    return make_tracker(
        [
            user_event("月球上开店有补贴吗", "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            reply,
            {"event": "action", "name": "action_listen"},
            user_event(said, intent),
        ]
    )


async def test_a_reply_that_gives_nothing_after_nothing_found_offers_a_person() -> None:
    unfound = {"event": "bot", "text": None, "data": {"custom": {"answer_feedback": {"status": "not_found"}}}}
    tracker = _after(unfound, "嗯嗯", "affirm")
    assert unanswered_before(tracker)
    text, _ = await run(ActionStartApplication(), tracker)
    assert "转人工" in text and "还有什么可以帮您" not in text
    found = {"event": "bot", "text": None, "data": {"custom": {"answer_feedback": {"status": "faq"}}}}
    assert not unanswered_before(_after(found, "嗯嗯", "affirm"))


def test_the_moment_of_speaking_is_no_time_it_happened() -> None:
    assert place_time("现在咋整啊", date(2026, 12, 7)) is None
    assert place_time("目前还是没人管", date(2026, 12, 7)) is None
    assert place_time("前天下午，雨花区政务服务中心", date(2026, 12, 7)) is not None
