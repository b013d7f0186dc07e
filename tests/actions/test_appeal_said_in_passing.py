"""A complaint's details said in passing (issue 12): "不用挂申请", "申请号码想不起来了", "跟我的申请不相干" say
there is no application to link (the number is not asked); "在开福区办的" names the place; a question at the
description step is answered, never stored as what happened; "就这样提交" at where/when leaves it 未说明."""

from datetime import date

import pytest

from actions.appeals.appeal_answers import ANSWERS, NOT_GIVEN
from actions.appeals.appeal_reading import place_time, read_appeal
from tests.actions.test_appeals import Chat


@pytest.mark.parametrize(
    "said",
    [
        "我要投诉窗口态度差，不用挂申请",
        "投诉一下，申请号码想不起来了，窗口让我跑了三趟",
        "跟我的申请不相干，就是投诉大厅排队太久",
    ],
)
def test_no_application_said_in_passing(said: str) -> None:
    assert read_appeal(said, []).no_application


def test_a_county_where_it_was_done_is_the_place() -> None:
    assert place_time("在开福区办的，窗口态度差", date(2026, 12, 7)) == ("开福区", "开福区")
    assert place_time("我在长沙", date(2026, 12, 7)) is None


def test_a_submit_word_at_where_and_when_leaves_it_unsaid() -> None:
    assert ANSWERS["appeal_place_time"]("对，就这样提交", "affirm", [], {}) == NOT_GIVEN


async def test_a_question_at_the_description_step_is_answered_not_stored(service_url: str) -> None:
    chat = Chat("web:appeal-question-at-description")
    await chat.say("我要投诉", "complain")
    said = await chat.say("登记完多久会有人回我", "ask_question")
    assert chat.slots.get("appeal_description") is None and "工作日" in said
