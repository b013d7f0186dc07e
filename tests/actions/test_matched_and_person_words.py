"""A situation with "帮我看看" gets the verdicts; a person asked in everyday words; a light stated about one's own
application; "我们几个" is no question about a count (issue 12, the twelfth and thirteenth analyses)."""

from datetime import date

import pytest

from actions.appeals.appeals import ActionRouteAppeal
from actions.application.application_start import ActionStartApplication
from actions.conversation import question_shape
from actions.conversation.handoff import ActionHandoff
from actions.conversation.routing import ActionRouteEligibility, ActionRouteProgress
from actions.eligibility import situation
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.eligibility.own_case import asks_to_be_matched
from actions.knowledge.questions import ActionAnswerQuestion
from actions.progress import own_light
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_followups import followup, run

GRADUATE = "我硕士今年六月毕业的 还没找工作 想自己干 帮我看下"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (GRADUATE, True),
        ("你看我能办哪些", True),
        ("我这种情况呢", True),
        ("帮我匹配一下", True),
        ("帮我看看我的申请到哪了", False),
        ("帮我看看这个政策", False),
        ("帮朋友看看能办啥", False),
    ],
)
def test_a_request_to_be_matched_is_told_apart(text: str, matched: bool) -> None:
    assert asks_to_be_matched(text) is matched


@pytest.mark.parametrize("intent", ["check_eligibility", "start_application", "complain", "check_progress"])
async def test_a_situation_and_help_me_look_gets_the_verdicts(knowledge_service: str, intent: str) -> None:
    action = {
        "check_eligibility": ActionRouteEligibility(),
        "start_application": ActionStartApplication(),
        "complain": ActionRouteAppeal(),
        "check_progress": ActionRouteProgress(),
    }[intent]
    said, events = await run(action, make_tracker([user_event(GRADUATE, intent)]))
    assert "✅ 申请创业担保贷款" in said and "记下了您的情况" not in said, said
    assert "创业补贴申领：暂不符合" in said and "想自己干 → 尚未成立" in said  # the plan read: nothing runs yet
    # the verdicts come first; only what decides the undecided subsidy may be asked after them
    assert followup(events) not in ("progress_form", "appeal_form", "application_form")


async def test_a_later_what_about_me_judges_what_was_said(knowledge_service: str) -> None:
    tracker = make_tracker(
        [
            user_event("我是退役军人，店开了两年了", "inform"),
            {"event": "bot", "text": "好的，记下了您的情况：退役军人。想问哪一项能不能享受，直接问我"},
            user_event("我这种情况呢", "ask_question"),
        ]
    )
    said, _ = await run(ActionRouteEligibility(), tracker)
    assert "✅" in said and "创业担保贷款" in said


@pytest.mark.parametrize(
    ("text", "light"),
    [
        ("我的是红灯", "red"),
        ("显示黄灯是啥情况", "yellow"),
        ("我这边亮红灯了", "red"),
        ("我的申请变黄了怎么办", "yellow"),
        ("亮黄灯了咋办", "yellow"),
        ("进度里是绿的", "green"),
        ("红灯是什么意思", None),
        ("黄灯是不是超期", None),
        ("我朋友的是红灯", None),
        ("我的生意黄了", None),
        ("我是退役军人，有没有绿色通道", None),
        ("我的店在红绿灯路口", None),
        ("我的进度显示红色", "red"),
    ],
)
def test_a_light_stated_about_ones_own_application_is_told_apart(text: str, light: str | None) -> None:
    assert own_light.stated_light(text) == light


@pytest.mark.parametrize("intent", ["check_progress", "ask_question", "inform"])
async def test_ones_own_red_light_gets_its_meaning_and_the_offer(knowledge_service: str, intent: str) -> None:
    action = {
        "check_progress": ActionRouteProgress(),
        "ask_question": ActionAnswerQuestion(),
        "inform": ActionStartApplication(),
    }[intent]
    said, events = await run(action, make_tracker([user_event("我上个月申请的，现在我的是红灯", intent)]))
    assert "超" in said and "时限" in said and "申请编号" in said, said
    assert followup(events) not in ("progress_form", "application_form")


@pytest.mark.parametrize("said", ["这个我整不明白，找个人帮我办下", "有没有人能帮我弄", "能不能叫个工作人员"])
async def test_a_person_asked_for_inside_a_form_is_handed_over(service_url: str, said: str) -> None:
    tracker = make_form_tracker(said, "request_human", {"requested_slot": "project_name"})
    tracker.active_loop = {"name": "application_form"}
    text, events = await run(ActionHandoff(), tracker)
    assert "转接人工" in text and any(e["event"] == "pause" for e in events), text


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("我们几个合伙开店", False),
        ("咱几个打算开个厂", False),
        ("我跟几个朋友合伙开了个公司", False),
        ("有几个部门审批", True),
        ("要跑几个部门", True),
        ("我们几个能一起贷吗", True),
    ],
)
def test_we_few_is_who_and_how_many_still_asks(text: str, asked: bool) -> None:
    assert question_shape.is_question(text) is asked


@pytest.mark.parametrize("said", ["这个我整不明白，找个人帮我办下", "有没有人能帮我弄"])
async def test_a_person_asked_for_in_the_check_is_left_to_the_handoff(service_url: str, said: str) -> None:
    tracker = make_form_tracker(said, "request_human", {"requested_slot": "elig_person_category"})
    tracker.latest_message["intent_ranking"] = [{"name": "request_human", "confidence": 1.0}]  # as the NLU sends it
    tracker.active_loop = {"name": "eligibility_form"}
    text, events = await run(ValidateEligibilityForm(), tracker)
    assert not text and not [e for e in events if e.get("event") == "slot" and e.get("name") != "requested_slot"]


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (GRADUATE, False),  # a graduate with a plan: nothing runs yet
        ("我是退役军人，准备创业", False),
        ("想自己干", None),  # no person described: says nothing
        ("我是退役军人，不想自己干了", None),
        ("我是退役军人，店开了两年，想自己干点别的", True),
    ],
)
def test_a_plan_to_start_up_says_no_business_runs_yet(text: str, runs: bool | None) -> None:
    profile = situation.read(text, [], date(2026, 12, 4)).profile
    started = "business_started_on" in profile or None
    assert (False if profile.get("has_licence") is False else started) == runs
