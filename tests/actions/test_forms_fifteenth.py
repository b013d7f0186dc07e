"""The application form at its last steps (fifteenth session): a yes with a submit word, and thanks around one.

Own invented wording, never the sets'. A yes to the came-back offer said with "确认提交" settles the category; thanks
said with a submit word at the summary files, never small talk followed by the same summary again.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.application.form_extraction import extract
from actions.steps import came_back
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_application_form import FILLED

AT_SUMMARY = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}


def _after_offer(said: str) -> Any:
    return make_tracker(
        [
            user_event("从江西回到浏阳了，打算开个修车店", "inform"),
            {"event": "bot", "text": came_back.OFFER},
            {"event": "action", "name": "action_listen"},
            user_event(said, "affirm"),
        ]
    )


@pytest.mark.parametrize("said", ["对的确认提交", "是的，确认提交", "对的确认", "确认"])
def test_a_yes_with_a_submit_word_accepts_the_came_back_offer(said: str) -> None:
    assert came_back.category_said(_after_offer(said), said) == came_back.RETURNING


@pytest.mark.parametrize("said", ["不是", "不是的"])
def test_a_no_never_accepts_the_came_back_offer(said: str) -> None:
    assert came_back.category_said(_after_offer(said), said) != came_back.RETURNING


def _at_summary(said: str, intent: str) -> Any:
    events = [
        user_event("想报个创业培训", "start_application"),
        {"event": "bot", "text": "请核对您的《个人创业“一件事”信息采集表》：……\n确认无误请回复“确认提交”"},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]
    return make_tracker(events, AT_SUMMARY)


@pytest.mark.parametrize(("said", "intent"), [("谢谢，确认提交", "thank"), ("好嘞谢谢你，提交吧", "thank")])
def test_thanks_with_a_submit_word_at_the_summary_files(said: str, intent: str) -> None:
    found = extract(_at_summary(said, intent), dict(AT_SUMMARY))
    assert not found.digression and found.values.get("confirm_submission") is True, found


def test_thanks_alone_at_the_summary_is_still_small_talk() -> None:
    found = extract(_at_summary("谢谢你啊", "thank"), dict(AT_SUMMARY))
    assert found.digression and "confirm_submission" not in found.values, found
