"""Short follow-ups that carry their subject, and a word naming another item (thirteenth analysis E1/E2), own wording.

"那黄的呢" after a light's meaning asks about the yellow light; "那上限呢" after the lowest contribution base asks
the highest base; "那登记注册要几个工作日" after a tax question is searched as the registration's, not with the tax
confirmation kept from before.
"""

from typing import Any

import pytest

from actions.knowledge.query_text import query_text
from actions.knowledge.searching import mentioned_item
from actions.knowledge.short_followups import light_named, other_end
from tests.actions.conftest import make_tracker, user_event


def two_turns(first: str, then: str, slots: dict[str, Any] | None = None) -> Any:
    events = [user_event(first, "ask_question"), {"event": "bot", "text": "…"}, user_event(then, "ask_question")]
    return make_tracker(events, slots)


@pytest.mark.parametrize(
    ("before", "then", "whole"),
    [
        ("进度里显示绿灯代表什么", "那黄的呢", "那黄灯呢"),
        ("红灯是啥意思", "绿色的那个呢", "绿灯呢"),
        ("指示灯变黄了说明什么", "红的又是什么", "红灯又是什么"),
    ],
)
def test_a_colour_after_a_lights_question_is_that_light(before: str, then: str, whole: str) -> None:
    assert light_named(then, before) == whole
    assert query_text(two_turns(before, then)) == whole


def test_a_colour_after_no_light_question_is_left() -> None:
    assert light_named("那红的呢", "补贴能领多少") is None
    assert light_named("黄灯呢", "绿灯是什么意思") is None  # the light named already


@pytest.mark.parametrize(
    ("before", "then", "whole"),
    [
        ("灵活就业养老保险最低缴费基数是多少", "那最高呢", "灵活就业养老保险最高缴费基数是多少"),
        ("缴费基数的下限是多少", "上限是多少", "缴费基数的上限是多少"),
        ("担保贷款最少贷多少", "最多呢", "担保贷款最多贷多少"),
    ],
)
def test_the_other_end_of_a_range_keeps_the_subject(before: str, then: str, whole: str) -> None:
    assert other_end(then, before) == whole
    assert query_text(two_turns(before, then)) == whole


def test_an_end_asked_with_no_range_before_is_left() -> None:
    assert other_end("最高呢", "补贴什么时候发") is None
    assert other_end("最高能贷多少", "个人最低贷多少") is None  # a question of its own


def test_another_items_word_is_searched_as_said_not_with_the_kept_item() -> None:
    kept = {"item": "taxpayer_confirmation"}
    assert mentioned_item(two_turns("税务确认要几天", "那登记注册又得几个工作日", kept)) is None
    assert mentioned_item(two_turns("税务确认要几天", "那要带什么", kept)) == "taxpayer_confirmation"
    loan = {"item": "guaranteed_loan"}
    assert mentioned_item(two_turns("贷款能贷几年", "那稳岗补贴呢", loan)) == "guaranteed_loan"
    assert mentioned_item(two_turns("担保贷款多少", "要是注册成公司呢", loan)) == "guaranteed_loan"
