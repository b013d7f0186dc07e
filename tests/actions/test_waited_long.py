"""A user who says their application is taking too long gets an apology, how to complain and the progress check."""

from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import ActionRouteProgress
from actions.conversation.waited_long import SORRY_TO_WAIT, waited_long
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import followup, run


def test_waiting_too_long_is_told_from_a_question_about_time_limits() -> None:
    for said in ("效率也太低了，等了半个月还没批", "申请交了十几天一点动静没有", "拖拖拉拉的，执照到现在还没下来"):
        assert waited_long(said), said
    for said in ("审批一般要等多久", "还没批下来能先开业吗", "执照还没办，想开个店", "我的申请怎么样了"):
        assert not waited_long(said), said


async def test_read_as_progress_it_is_an_apology_then_the_check() -> None:
    text, out = await run(
        ActionRouteProgress(), make_tracker([user_event("怎么这么慢，交了十几天一点动静没有", "check_progress")])
    )
    assert text == SORRY_TO_WAIT and "我要投诉" in text
    assert followup(out) == "progress_form"


async def test_read_as_unsure_it_goes_to_the_progress_router() -> None:
    said = "你们效率太低了，等了半个月还没批下来"
    text, out = await run(ActionHandleLowConfidence(), make_tracker([user_event(said, "nlu_fallback")]))
    assert text == SORRY_TO_WAIT and followup(out) == "progress_form"
