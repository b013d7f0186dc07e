"""How users talk (issue 12): thanks or a stop with a question after it, their own case, "帮我看看", "我个人呢"."""

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.application.application_actions import CANCELLED, ActionCancelApplication
from actions.conversation import question_shape
from actions.conversation.courtesy import ActionRouteCourtesy, question_after
from actions.conversation.form_switch import ActionSwitchForm
from actions.conversation.handoff import ActionHandoff
from actions.conversation.routing import ActionRouteEligibility, ActionRouteProgress, wants_own
from actions.eligibility.own_case import asks_own_case
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_followups import followup, run


def item(code: str, start: int, end: int) -> dict[str, Any]:
    return {"entity": "item", "value": code, "start": start, "end": end}


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("谢谢，那补贴多久到账", "那补贴多久到账"),
        ("不办了，那培训要钱吗", "那培训要钱吗"),
        ("好的好的，谢谢，要带什么材料", "要带什么材料"),
        ("不用了那贷款要多久", "那贷款要多久"),
        ("谢谢", None),
        ("好的谢谢", None),
        ("算了不办了", None),
        ("取消", None),
    ],
)
def test_the_question_after_thanks_or_a_stop_is_found(text: str, asked: str | None) -> None:
    start = question_after(text)
    assert (text[start:] if start is not None else None) == asked


async def test_thanks_alone_get_the_usual_reply() -> None:
    said, events = await run(ActionRouteCourtesy(), make_tracker([user_event("太感谢了", "thank")]))
    assert said == "utter_you_are_welcome" and events == []
    said, _ = await run(ActionRouteCourtesy(), make_tracker([user_event("算了不办了", "cancel")]))
    assert said == "utter_cancelled"


async def test_thanks_with_a_question_get_the_answer_too(knowledge_service: str) -> None:
    tracker = make_tracker([user_event("谢谢，那一次性创业补贴是多少钱", "thank", [item("startup_subsidy", 5, 12)])])
    said, _ = await run(ActionRouteCourtesy(), tracker)
    assert said.startswith("不客气") and "元" in said and "utter_you_are_welcome" not in said


async def test_stopping_a_form_with_a_question_answers_it(knowledge_service: str) -> None:
    tracker = make_form_tracker("不办了，那创业担保贷款最多贷多少", "cancel", {"requested_slot": "applicant_name"})
    tracker.latest_message["entities"] = [item("guaranteed_loan", 6, 12)]
    said, events = await run(ActionCancelApplication(), tracker)
    assert said.startswith(CANCELLED) and "万" in said and len(said) > len(CANCELLED) + 10
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("帮我查一下", True),
        ("我的申请怎么样了", True),
        ("帮我看看我的申请到哪了", True),
        ("提交完怎么知道办到哪了", False),
        ("我交了以后多久有结果", False),
        ("帮我看看这个政策", False),
        ("帮我查一下补贴政策", False),
    ],
)
def test_own_application_or_something_else(text: str, own: bool) -> None:
    assert wants_own(text) is own


def test_looking_at_a_policy_is_no_request_to_act() -> None:
    assert question_shape.wants_explained("帮我看看这个政策") and not question_shape.is_request("帮我看看贷款政策")
    assert not question_shape.wants_explained("帮我看看我能享受哪些") and question_shape.is_request("帮我办营业执照")


async def test_looking_at_a_policy_opens_no_progress_form(knowledge_service: str) -> None:
    tracker = make_tracker([user_event("帮我看看这个政策", "check_progress")])
    tracker.slots["item"] = "startup_subsidy"
    said, events = await run(ActionRouteProgress(), tracker)
    assert followup(events) is None and said and "申请编号" not in said


async def test_a_request_to_check_with_a_question_answers_it_before_the_form(knowledge_service: str) -> None:
    said, events = await run(
        ActionRouteProgress(), make_tracker([user_event("帮我查进度，要带身份证吗", "check_progress")])
    )
    assert followup(events) == "progress_form" and said


async def test_how_to_follow_it_later_is_answered_inside_the_application(knowledge_service: str) -> None:
    tracker = make_form_tracker("提交完怎么知道办到哪了", "check_progress", {"requested_slot": "phone"})
    tracker.active_loop = {"name": "application_form"}
    said, events = await run(ActionSwitchForm(), tracker)
    assert followup(events) == "application_form" and "先帮您查进度" not in said


@pytest.mark.parametrize(
    ("text", "facts_said", "own"),
    [
        ("我这种情况能办吗", False, True),
        ("我店开了两年了还能申请吗", True, True),
        ("那我个人呢", False, True),
        ("像我这样的能贷款吗", False, True),
        ("补助有我的份吗", False, True),
        ("那眼下我可以先弄哪几样", False, True),
        ("我店开了两年了", True, False),
        ("退役军人能贷款吗", False, False),
        ("创业补贴多少钱", False, False),
    ],
)
def test_a_question_about_ones_own_case(text: str, facts_said: bool, own: bool) -> None:
    assert asks_own_case(text, facts_said) is own


def veteran_then(said: str, intent: str, entities: list[dict[str, Any]] | None = None) -> Tracker:
    return make_tracker(
        [
            user_event("我是退役军人，想开个小饭馆", "inform", [{"entity": "person_category", "value": "veteran"}]),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": "……"},
            {"event": "action", "name": "action_listen"},
            user_event(said, intent, entities),
        ],
        slots={"item": "guaranteed_loan"},
    )


async def test_my_case_gets_the_rules_verdict_for_what_the_conversation_said(service_url: str) -> None:
    said, events = await run(ActionRouteEligibility(), veteran_then("我这种情况能办吗", "check_eligibility"))
    assert "按您说的情况" in said and "创业担保贷款" in said and ("✅" in said or "❌" in said or "❔" in said)
    assert followup(events) != "application_form"


async def test_asking_about_myself_is_no_request_for_a_person(service_url: str) -> None:
    said, events = await run(ActionHandoff(), veteran_then("那我个人呢", "request_human"))
    assert "转接人工" not in said and not any(e["event"] == "pause" for e in events)
    assert "创业担保贷款" in said


async def test_a_qualifying_item_asked_about_also_says_what_it_gives(service_url: str) -> None:
    said = "我2022年大学毕业，2024年3月开的奶茶店，第一次创业，补助有我的份吗"
    start = said.index("补助")
    tracker = make_tracker([user_event(said, "check_eligibility", [item("startup_subsidy", start, start + 2)])])
    text, events = await run(ActionRouteEligibility(), tracker)
    assert "按您说的情况" in text and "✅" in text and "5000元" in text
    assert followup(events) != "application_form"
