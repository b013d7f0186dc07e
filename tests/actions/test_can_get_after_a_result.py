"""Whether an item can be had, asked right after a verdict or the eligibility check's result (issue 12).

The person was just judged, so "那贷款能借吗" or "现在能先弄哪几样" asks about them even without "我": the rules'
verdict for what the conversation said (every item for "哪几样"), never the item's how-to-apply page. How long,
what to bring or where stay the knowledge base's. A situation stated with a question a few words longer
("店开了三年了，能申请那个一次性的创业补贴不") is the person's own case too.
"""

from typing import Any

from rasa_sdk import Tracker

from actions.eligibility import own_case
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

MIGRANT = {"entity": "person_category", "value": "returning_migrant_worker"}
# The check's result as the user reads it: the judged lines, then the offer in a message of its own.
RESULT = (
    "根据您说的情况，匹配结果如下：\n✅ 申请参加创业培训：可以申请。\n❌ 创业补贴申领：暂不符合。尚未取得营业执照。"
)
OFFER = "需要现在帮您申请符合条件的事项吗？回复“好的”即可开始填表。"


def item(code: str, text: str, said: str) -> dict[str, Any]:
    start = text.index(said)
    return {"entity": "item", "value": code, "start": start, "end": start + len(said)}


def after_result(
    said: str, entities: list[dict[str, Any]] | None = None, slots: dict[str, Any] | None = None
) -> Tracker:
    return make_tracker(
        [
            user_event("我是返乡农民工，还没开店，帮我看看能享受啥", "check_eligibility", [MIGRANT]),
            {"event": "action", "name": "action_submit_eligibility"},
            {"event": "bot", "text": RESULT},
            {"event": "bot", "text": OFFER},
            {"event": "action", "name": "action_listen"},
            user_event(said, "ask_question", entities),
        ],
        slots=slots,
    )


def test_can_i_get_it_right_after_a_result_needs_no_first_person() -> None:
    assert own_case.can_get_after_result(after_result("那创业担保贷款能借吗"), "那创业担保贷款能借吗")
    assert own_case.can_get_after_result(after_result("现在能先弄哪几样"), "现在能先弄哪几样")
    for aspect in ("那贷款能借多久", "培训可以在哪里报名", "补贴能领的话要带什么材料"):
        assert not own_case.can_get_after_result(after_result(aspect), aspect), aspect
    fresh = make_tracker([user_event("那创业担保贷款能借吗", "ask_question")])
    assert not own_case.can_get_after_result(fresh, "那创业担保贷款能借吗")  # nobody was judged


def test_a_stated_situation_with_a_longer_question_is_the_own_case() -> None:
    assert own_case.asks_own_case("店开了三年了，能申请那个一次性的创业补贴不", stated_here=True)
    assert not own_case.asks_own_case("店开了三年了，能申请那个一次性的创业补贴不", stated_here=False)
    assert own_case.asks_own_case("前年毕业 去年开的店 是不是能领补贴", stated_here=True)


async def test_an_item_asked_after_the_result_gets_its_verdict(service_url: str) -> None:
    text = "那创业担保贷款能借吗"
    said, _ = await run(ActionAnswerQuestion(), after_result(text, [item("guaranteed_loan", text, "创业担保贷款")]))
    assert "按您说的情况" in said and "创业担保贷款" in said and ("✅" in said or "❔" in said), said
    assert "来源：常见问题" not in said  # not a how-to-apply page


async def test_which_ones_now_judges_every_item_not_only_the_one_talked_about(service_url: str) -> None:
    said, _ = await run(ActionAnswerQuestion(), after_result("现在能先弄哪几样", slots={"item": "startup_subsidy"}))
    assert "按您说的情况" in said and "创业培训" in said and "就业创业证" in said, said
