"""A line of the progress result pointed at by its place ("头一个办到哪了", "最后那个呢"; tenth sets' B3).

The result lists one line per department; right after it, "第二个呢" is that line, not "not found" nor the whole
application's date. A place the result does not have lists every line; "第一次…" is no place in the list.
"""

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.conversation import context
from tests.actions.conftest import make_tracker, user_event

LINES = (
    "🟢 市场监督管理局｜经营主体登记注册：已办结",
    "🟡 税务局｜纳税人信息确认：审批中；时限3个工作日，12月9日前办结（还剩2个工作日，即将到期）",
    "🟢 人力资源和社会保障局｜创业补贴申领：审批中；时限15个工作日，12月24日前办结（还剩12个工作日，正常）",
)
RESULT = "申请编号 CY20261201000001：办理中\n" + "\n".join(LINES)


def after_result(said: str) -> Tracker:
    events: list[dict[str, Any]] = [
        user_event("查进度", "check_progress"),
        {"event": "action", "name": "action_show_progress"},
        {"event": "bot", "text": RESULT},
        {"event": "action", "name": "action_listen"},
        user_event(said, "ask_question"),
    ]
    return make_tracker(events)


@pytest.mark.parametrize(
    ("said", "line"),
    [
        ("头一个办到哪一步了", 0),
        ("第一个呢", 0),
        ("第二个呢", 1),
        ("第二项怎么样了", 1),
        ("那第三个要多久", 2),
        ("最后那个咋样了", 2),
        ("最后一个啥时候能办完", 2),
    ],
)
def test_a_line_pointed_at_by_its_place_is_that_line(said: str, line: int) -> None:
    reply = str(context.fixed_reply(after_result(said), False))
    assert LINES[line] in reply and all(other not in reply for other in LINES if other != LINES[line]), reply


def test_a_place_the_result_does_not_have_lists_every_line() -> None:
    reply = str(context.fixed_reply(after_result("第五个呢"), False))
    assert "只有3项" in reply and all(line in reply for line in LINES)


def test_no_place_in_the_list_keeps_the_whole_applications_date() -> None:
    for said in ("第一次办要多久", "那什么时候能全部办完"):
        assert "最晚12月24日前全部办完" in str(context.fixed_reply(after_result(said), False)), said


def test_when_all_is_done_after_a_line_was_answered_is_still_the_results_date() -> None:
    events: list[dict[str, Any]] = [
        *after_result("头一个呢").events,
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": "按刚才查到的进度：\n" + LINES[0]},
        {"event": "action", "name": "action_listen"},
        user_event("那什么时候能全部办完", "ask_question"),
    ]
    assert "最晚12月24日前全部办完" in str(context.fixed_reply(make_tracker(events), False))
