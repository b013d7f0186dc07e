"""Questions the NLU sent down another path are answered, and the path's own offer follows (eleventh B4, E3, E5).

"以后我自己在哪能查" after a progress reply gets where to look (湘易办「我的办件」, the number and ID digits, the
mini program); "我能看到我同学的办件进度吗" is who may check, not the own-case prompt; "刻章和开户怎么弄" read as
a booking is answered, then the booking offered; a situation with "补贴到底给多少" gets the verdict and the amount;
"一件事哪年开始的" read as the overview is searched; inside the application form a question read as a complaint is
answered.
"""

from typing import Any

from actions.after_filing.booking import NOT_LOGGED_IN, ActionBookServices
from actions.application.application_start import ActionStartApplication
from actions.conversation.routing import ActionRouteComplaint, ActionRouteOverview
from actions.eligibility.eligibility_router import ActionRouteEligibility
from actions.progress.progress import looks_later
from actions.progress.progress_replies import LOOK_LATER, WHERE_NUMBER
from actions.progress.progress_router import ActionRouteProgress, wants_own
from tests.actions.conftest import after_reply, make_tracker, user_event
from tests.actions.test_followups import followup, run

RESULT = "申请编号 CY20261201000012：\n🟢 就业创业证申领：审核中，12月8日前办结"


def _after(bot: str, said: str, intent: str) -> Any:
    return after_reply(said, intent, before=("帮我查进度", "check_progress"), action="action_show_progress", reply=bot)


async def test_where_to_look_later_after_a_result_or_the_numbers_help() -> None:
    said, _ = await run(ActionRouteEligibility(), _after(RESULT, "以后我自己在哪能查", "check_eligibility"))
    assert said == LOOK_LATER and "我的办件" in said and "身份证后6位" in said
    said, _ = await run(ActionRouteProgress(), _after(WHERE_NUMBER, "往后上哪自己看进度", "check_progress"))
    assert said == LOOK_LATER
    said, events = await run(ActionStartApplication(), _after(RESULT, "下次我自己怎么查", "inform"))
    assert said == LOOK_LATER and followup(events) != "application_form"


def test_where_to_look_later_reads_the_answer_before_its_feedback_buttons() -> None:
    tracker = _after("输入申请编号和身份证号码后6位完成核验就能查看。", "以后我自己在哪能查", "check_eligibility")
    tracker.events.insert(3, {"event": "bot", "text": ""})  # the 👍/👎 message under a knowledge answer
    assert looks_later(tracker)
    assert wants_own("我那份申请到哪了") and wants_own("我这个申请批了没")


async def test_after_a_complaint_where_to_look_is_the_complaints(service_url: str) -> None:
    filed = "您的投诉已登记，编号SQ20260315000042，我们将在5个工作日内答复您。"
    tracker = after_reply(
        "以后我在哪看处理结果",
        "check_progress",
        before=("就这么交吧", "affirm"),
        action="action_submit_appeal",
        reply=filed,
    )
    said, _ = await run(ActionRouteProgress(), tracker)
    assert said != LOOK_LATER


async def test_someone_elses_progress_is_who_may_check(knowledge_service: str) -> None:
    for text in ("我能看到我朋友的办件进度吗", "我可不可以查我同学的进度", "我表哥的申请我能帮他查吗"):
        said, events = await run(ActionRouteProgress(), make_tracker([user_event(text, "check_progress")]))
        assert "要看您的情况" not in said and followup(events) != "progress_form", (text, said)
        assert "只能查看自己的申请" in said, (text, said)


async def test_a_question_read_as_a_booking_is_answered_then_booked(knowledge_service: str) -> None:
    said, _ = await run(
        ActionBookServices(), make_tracker([user_event("执照办下来以后刻章和开户怎么弄", "book_services")])
    )
    answer, offer = said.rsplit("\n", 1)
    assert answer and offer == NOT_LOGGED_IN, said


async def test_a_situation_with_how_much_gets_the_verdict_and_the_amount(service_url: str) -> None:
    text = "小吃店开张一年多了，头一回做生意，那个创业补贴到底给多少"
    start = text.index("创业补贴")
    item = {"entity": "item", "value": "startup_subsidy", "start": start, "end": start + 4}
    said, events = await run(ActionStartApplication(), make_tracker([user_event(text, "inform", [item])]))
    assert "5000" in said and "记下了" not in said.split("\n")[0], said
    assert followup(events) != "application_form"


async def test_an_aspect_the_overview_does_not_state_is_searched(service_url: str) -> None:
    for text in ("创业一件事是哪年开始搞的", "这个一件事依据的是哪个文件"):
        said, _ = await run(ActionRouteOverview(), make_tracker([user_event(text, "ask_bundle_overview")]))
        assert "utter_bundle_overview" not in said, (text, said)


async def test_a_question_read_as_a_complaint_inside_the_form_is_answered(knowledge_service: str) -> None:
    tracker = make_tracker(
        [user_event("孵化基地里面不收钱能住几年", "complain")],
        slots={"form_item": "incubator", "application_items": ["incubator"], "requested_slot": "applicant_name"},
    )
    tracker.active_loop = {"name": "application_form"}
    said, _ = await run(ActionRouteComplaint(), tracker)
    assert "utter_complaint_received" not in said and "3年" in said, said
    said, _ = await run(ActionRouteComplaint(), make_tracker([user_event("窗口态度太差了", "complain")]))
    assert said == "utter_complaint_received"
