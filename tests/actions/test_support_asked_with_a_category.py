"""What support a person of a stated category gets is judged item by item (eleventh B1, B2).

"我是残疾人，想开个小店，有啥帮扶" (the NLU may read a wish to apply) gets the verdict on every item with the reason,
never the bare offer to apply; a category told right after "有啥扶持" answers that question; a reply that said
nothing never counts as answered; a fact told after a verdict has it judged again.
"""

from actions.application.application_start import ActionStartApplication
from actions.conversation.followups import OFFER_APPLY, _answered
from actions.progress.progress_router import ActionRouteProgress
from tests.actions.conftest import after_reply, make_tracker, user_event
from tests.actions.test_followups import followup, run

HARD = {"entity": "person_category", "value": "hard_to_employ"}
GRADUATE = {"entity": "person_category", "value": "college_graduate"}


def test_a_turn_that_said_nothing_was_not_answered() -> None:
    assert not _answered([])
    assert _answered([{"text": "需要带身份证。"}])


async def test_a_category_and_what_support_gets_every_verdict(service_url: str) -> None:
    text = "我腿脚不方便，是残疾人，打算开个小卖部，有啥帮扶"
    start = text.index("残疾人")
    tracker = make_tracker([user_event(text, "start_application", [{**HARD, "start": start, "end": start + 3}])])
    said, events = await run(ActionStartApplication(), tracker)
    assert OFFER_APPLY not in said and followup(events) != "application_form", said
    checked = followup(events) == "eligibility_form" and "hard_to_employ" in str(events)
    assert checked or "按您说的情况" in said, (said, events)


async def test_a_category_told_right_after_what_support_answers_it(service_url: str) -> None:
    tracker = after_reply(
        "我在就业困难人员库里登记过",
        "inform",
        [HARD],
        before=("政府对创业的人有什么扶持", "ask_question"),
        action="action_answer_question",
        reply="创业“一件事”包括8项……",
    )
    said, result = await run(ActionStartApplication(), tracker)
    assert OFFER_APPLY not in said and followup(result) != "application_form", said
    checked = followup(result) == "eligibility_form" and "hard_to_employ" in str(result)
    assert checked or "按您说的情况" in said, (said, result)


async def test_a_plan_told_after_a_verdict_changes_it(service_url: str) -> None:
    tracker = after_reply(
        "还没开始营业，就想先接点网站开发的活",
        "start_application",
        before=("我是今年毕业的大学生，能享受哪些", "check_eligibility", [GRADUATE]),
        action="action_route_eligibility",
        reply="按您说的情况：\n✅ 就业创业证申领：符合。",
    )
    said, result = await run(ActionStartApplication(), tracker)
    assert "按您说的情况" in said and "20万" in said, said
    assert followup(result) != "application_form"


async def test_a_category_read_as_a_progress_check_after_what_support_goes_to_the_rules(service_url: str) -> None:
    tracker = after_reply(
        "我在就业困难人员库里登记过",
        "check_progress",
        [HARD],
        before=("政府对创业的人有什么扶持", "ask_question"),
        action="action_answer_question",
        reply="主要有四项：一次性创业补贴5000元……",
    )
    _, events = await run(ActionRouteProgress(), tracker)
    assert followup(events) == "action_route_eligibility"
