"""A verdict says its outcome in words too, for people who hear the reply rather than see its marks."""

from actions.eligibility.verdicts import verdict_lines
from actions.eligibility.waiting import RUNNING


def test_each_outcome_is_said_in_words_as_well_as_marked() -> None:
    lines = verdict_lines(
        [
            {"name": "申请创业担保贷款", "qualifies": True, "reason": "退役军人可申请，个人最高20万元"},
            {"name": "创业补贴申领", "qualifies": False, "reason": "经营主体须正常经营满1年，目前经营了7个月"},
            {"name": "申请入驻创业孵化基地", "qualifies": False, "reason": "还需要知道：经营主体是否已登记"},
        ]
    )
    assert lines[0] == "✅ 申请创业担保贷款：可以申请。退役军人可申请，个人最高20万元"
    assert lines[1] == "❌ 创业补贴申领：暂不符合。经营主体须正常经营满1年，目前经营了7个月"
    assert lines[2] == "❔ 申请入驻创业孵化基地：还需要知道：经营主体是否已登记"


def test_a_reason_that_states_the_outcome_is_not_said_twice() -> None:
    lines = verdict_lines([{"name": "创业担保贷款", "qualifies": True, "reason": "符合条件"}])
    assert lines == ["✅ 创业担保贷款：符合条件"]


def test_the_wait_is_still_read_from_a_worded_verdict() -> None:
    waiting = {"name": "创业补贴申领", "qualifies": False, "reason": "经营主体须正常经营满1年，目前经营了7个月"}
    line = verdict_lines([waiting])[0]
    match = RUNNING.search(line)
    assert match and match["item"] == "创业补贴申领" and match["months"] == "7"
