"""Another task asked for during a form, a question inside an answer, and a forgotten number (issue 12).

What the user sees: a question about the other task is answered and the form goes on; a request to do it switches
(saying what happens to the open form, the application kept for "继续申请"); never "finish this first".
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.conversation.form_switch import ActionSwitchForm
from actions.conversation.routing import ActionRouteProgress
from actions.eligibility.eligibility_result import ActionShowEligibility
from actions.progress.progress import WHERE_NUMBER, ActionShowProgress
from tests.actions.conftest import make_form_tracker, make_tracker, user_event

REFUSAL = "先把正在办的这件事办完"


def in_form(loop: str, text: str, intent: str, slots: dict[str, Any] | None = None) -> Tracker:
    tracker = make_form_tracker(text, intent, slots or {})
    tracker.active_loop = {"name": loop}
    return tracker


async def run(action: Any, tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages), events


def followups(events: list[dict[str, Any]]) -> list[str]:
    return [str(e["name"]) for e in events if e["event"] == "followup"]


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def loop_closed(events: list[dict[str, Any]]) -> bool:
    return any(e["event"] == "active_loop" and e.get("name") is None for e in events)


async def test_a_progress_request_during_the_application_keeps_it_and_opens_the_check(service_url: str) -> None:
    slots = {"requested_slot": "phone", "application_attempt": "a1", "applicant_name": "王芳"}
    text, events = await run(ActionSwitchForm(), in_form("application_form", "帮我查一下进度", "check_progress", slots))
    assert "查进度" in text and "保留" in text and "继续申请" in text and REFUSAL not in text
    assert loop_closed(events) and slots_of(events)["application_paused"] is True
    assert "applicant_name" not in slots_of(events)  # the filled values stay
    assert followups(events) == ["action_route_progress"]


async def test_a_question_about_another_task_is_answered_and_the_form_goes_on(knowledge_service: str) -> None:
    tracker = in_form("progress_form", "创业担保贷款最多能贷多少钱", "check_eligibility", {"requested_slot": "x"})
    text, events = await run(ActionSwitchForm(), tracker)
    assert "万" in text and REFUSAL not in text
    assert followups(events) == ["progress_form"] and not loop_closed(events)


async def test_applying_during_the_progress_check_starts_the_application(service_url: str) -> None:
    tracker = in_form("progress_form", "算了先不查了，我要申请营业执照", "start_application", {})
    tracker.latest_message["entities"] = [{"entity": "item", "value": "business_registration"}]
    text, events = await run(ActionSwitchForm(), tracker)
    assert "信息采集表" in text and REFUSAL not in text
    assert loop_closed(events) and followups(events) == ["application_form"]
    assert "business_registration" in slots_of(events)["application_items"]


async def test_a_greeting_or_a_repeated_request_to_apply_during_a_form_just_goes_on(service_url: str) -> None:
    text, events = await run(ActionSwitchForm(), in_form("eligibility_form", "你好", "greet"))
    assert "您好" in text and followups(events) == ["eligibility_form"] and not loop_closed(events)
    text, events = await run(ActionSwitchForm(), in_form("application_form", "我要申请", "start_application"))
    assert "接着" in text and followups(events) == ["application_form"] and not loop_closed(events)


async def test_a_complaint_set_aside_for_the_eligibility_check_is_said_to_be_dropped(service_url: str) -> None:
    slots = {"appeal_description": "窗口态度差"}
    text, events = await run(
        ActionSwitchForm(), in_form("appeal_form", "我想看看我能享受哪些政策", "check_eligibility", slots)
    )
    assert "没有登记" in text and slots_of(events)["appeal_description"] is None
    assert followups(events) == ["action_route_eligibility"]


async def test_the_result_of_the_other_task_reminds_of_the_application_set_aside(service_url: str) -> None:
    paused = {"application_paused": True, "application_attempt": "a1", "elig_person_category": "veteran"}
    tracker = make_tracker([user_event("退役军人", "inform")], slots=paused)
    text, events = await run(ActionShowEligibility(), tracker)
    assert "继续申请" in text and "回复“好的”即可开始填表" not in text
    assert slots_of(events).get("offer_pending") is None
    tracker = make_tracker([user_event("CY20261122000123", "inform")], slots={"progress_number": None})
    text, _ = await run(ActionShowProgress(), tracker)
    assert "继续申请" not in text  # nothing was set aside


async def test_an_answer_with_a_question_is_stored_and_the_question_answered(knowledge_service: str) -> None:
    slots = {"requested_slot": "applicant_name", "application_items": ["guaranteed_loan"]}
    tracker = in_form("application_form", "我叫王芳，创业担保贷款最多能贷多少", "inform", slots)
    text, events = await run(ValidateApplicationForm(), tracker)
    values = slots_of(events)
    assert values["applicant_name"] == "王芳"
    assert "万" in text  # the loan question answered
    assert values["requested_slot"] not in (None, "applicant_name")  # and the form asks its next step


async def test_a_forgotten_number_never_gets_the_same_reply_three_times(service_url: str) -> None:
    events: list[dict[str, Any]] = []
    replies = []
    for said in ("编号我忘了", "我找了还是找不到", "真的没有", "哪都翻了没有"):
        events += [user_event(said, "check_progress")]
        text, out = await run(ActionRouteProgress(), make_tracker(list(events)))
        assert "progress_form" not in followups(out) and text
        replies.append(text)
        events += [{"event": "action", "name": "action_route_progress"}, {"event": "bot", "text": text}]
        events += [{"event": "action", "name": "action_listen"}]
    assert replies[0] == WHERE_NUMBER
    assert all("转人工" in reply and "12345" in reply for reply in replies)
    assert all(len({*replies[i : i + 3]}) > 1 for i in range(len(replies) - 2))
    assert len(set(replies)) == 3  # where it is, then a person and the hotline in two wordings
