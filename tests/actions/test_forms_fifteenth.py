"""The application form at its last steps (fifteenth session): a yes with a submit word, and thanks around one.

Own invented wording, never the sets'. A yes to the came-back offer said with "确认提交" settles the category; thanks
said with a submit word at the summary files, never small talk followed by the same summary again.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.application.form_extraction import extract
from actions.steps import came_back
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
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


def test_a_category_in_a_space_separated_list_is_kept_when_its_span_holds_the_space() -> None:
    text = "430181199204188530 手机13549608873 其他 项目晓峰烧烤 餐饮 浏阳市淮川街道北正中路6号"
    entities = [  # the NLU's span of 其他 takes the space after it (33..36)
        {"entity": "id_number", "value": "430181199204188530", "start": 0, "end": 18},
        {"entity": "phone", "value": "13549608873", "start": 21, "end": 32},
        {"entity": "person_category", "value": "other", "start": 33, "end": 36},
    ]
    slots = {**AT_SUMMARY, "person_category": None, "id_number": None, "phone": None, "requested_slot": "id_number"}
    found = extract(make_form_tracker(text, "inform", slots, entities), dict(slots))
    assert found.values.get("person_category") == "other", found
