"""A fact added right after a verdict or the check's result is judged again (issue 12): "执照还没办呢" read as a no,
"还没开张呢" after the offer to apply and "执照还没弄，想搞个打印店" read as a wish to apply get the rules' verdict for
everything said, never "好的，明白了", "不着急" or the form; "好的" still accepts the offer."""

from typing import Any

from rasa_sdk import Tracker

from actions.application.application_start import ActionStartApplication
from actions.conversation.courtesy import ActionRouteCourtesy
from actions.eligibility.eligibility_result import ActionDeclineOffer
from tests.actions.conftest import after_reply, make_tracker, user_event
from tests.actions.test_followups import followup, run

CATEGORY = {"entity": "person_category", "value": "returning_migrant_worker"}
VERDICT = "按您说的情况：\n❌ 创业补贴申领：暂不符合。经营主体须正常经营满1年。"


def after_verdict(said: str, intent: str, entities: list[dict[str, Any]] | None = None) -> Tracker:
    return after_reply(
        said,
        intent,
        entities,
        before=("我是返乡农民工，能领创业补贴吗", "check_eligibility", [CATEGORY]),
        action="action_route_eligibility",
        reply=VERDICT,
        slots={"offer_pending": True},
    )


async def test_a_fact_read_as_a_no_is_judged_again(service_url: str) -> None:
    said, _ = await run(ActionRouteCourtesy(), after_verdict("执照还没办呢", "deny"))
    assert "按您说的情况" in said and "明白了" not in said
    said, _ = await run(ActionDeclineOffer(), after_verdict("还没开张呢", "deny"))
    assert "按您说的情况" in said and "不着急" not in said


async def test_a_plan_after_a_result_is_judged_not_filed(service_url: str) -> None:
    said, events = await run(ActionStartApplication(), after_verdict("执照还没弄，想搞个打印店", "start_application"))
    assert "按您说的情况" in said and followup(events) != "application_form", (said, events)
    said, events = await run(ActionStartApplication(), after_verdict("好的", "affirm"))
    assert "按您说的情况" not in said and "信息采集表" in said


async def test_a_fact_read_as_a_no_after_the_situation_was_kept_is_judged(service_url: str) -> None:
    from actions.eligibility.own_case import FACTS_KEPT

    tracker = make_tracker(
        [
            user_event("我是退伍的", "inform", [{"entity": "person_category", "value": "veteran"}]),
            {"event": "action", "name": "action_start_application"},
            {"event": "bot", "text": FACTS_KEPT.format(heard="人员类别：退役军人")},
            {"event": "action", "name": "action_listen"},
            user_event("店还没开呢", "deny"),
        ]
    )
    said, _ = await run(ActionRouteCourtesy(), tracker)
    assert "按您说的情况" in said and "明白了" not in said, said
