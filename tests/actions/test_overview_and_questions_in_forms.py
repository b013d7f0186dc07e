"""Inside every form, the bundle asked about as a whole and a question worded as a value get answers (issue 12).

What the user sees: at a step of the application, the eligibility check or the progress check, "这一件事一共有哪几项"
gets the overview and "总共要几个部门审批" each item's department from the catalogue, whichever
intent the NLU gave them; a question the NLU read as a value, a no or a stop (decided ``ask_question`` by its words,
tests/components/test_question_asked.py) is answered and the same step asked again, nothing stored.
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.knowledge.overview_in_form import asked
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_application_form import FILLED
from tests.actions.test_form_switch import in_form, slots_of

AT_PHONE: dict[str, Any] = {**FILLED, "phone": None, "requested_slot": "phone"}
AT_CATEGORY: dict[str, Any] = {"requested_slot": "elig_person_category"}
AT_NUMBER: dict[str, Any] = {"requested_slot": "progress_number"}


async def replies(action: Any, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def said(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in messages)


async def test_what_the_bundle_is_made_of_asked_at_a_step_gets_the_overview_and_the_step_again(
    service_url: str,
) -> None:
    for intent in ("ask_bundle_overview", "ask_question"):
        tracker = in_form("application_form", "这一件事一共有哪几项啊", intent, dict(AT_PHONE))
        messages, events = await replies(ValidateApplicationForm(), tracker)
        assert "utter_bundle_overview" in said(messages), (intent, messages)
        assert slots_of(events)["requested_slot"] == "phone" and slots_of(events).get("phone") is None


async def test_how_many_departments_asked_in_the_eligibility_check_lists_them_and_asks_the_category(
    service_url: str,
) -> None:
    tracker = in_form("eligibility_form", "总共要几个部门审批", "ask_bundle_overview", dict(AT_CATEGORY))
    messages, events = await replies(ValidateEligibilityForm(), tracker)
    text = said(messages)
    assert "分别由这些部门办理" in text and "税务部门" in text, text
    assert "utter_bundle_overview" not in text
    assert slots_of(events)["requested_slot"] == "elig_person_category"
    assert slots_of(events).get("elig_person_category") is None


async def test_the_overview_asked_in_the_progress_check_is_the_overview_and_the_number_is_asked_again(
    service_url: str,
) -> None:
    tracker = in_form("progress_form", "这个一件事包括哪些事项", "ask_question", dict(AT_NUMBER))
    messages, events = await replies(ValidateProgressForm(), tracker)
    assert "utter_bundle_overview" in said(messages), messages
    assert slots_of(events)["requested_slot"] == "progress_number"


def test_a_question_about_one_item_or_outside_a_form_is_not_the_bundle_asked_as_a_whole() -> None:
    item = [{"entity": "item", "value": "guaranteed_loan", "start": 0, "end": 2}]
    one_item = make_tracker([user_event("贷款一共要几个部门审批", "ask_question", item)], slots=dict(AT_PHONE))
    one_item.active_loop = {"name": "application_form"}
    assert asked(one_item) is None
    outside = make_tracker([user_event("一件事总共包括哪些", "ask_bundle_overview")])
    assert asked(outside) is None  # action_route_overview's, outside any form
    specific = in_form("application_form", "一件事总共要交哪些材料", "ask_bundle_overview", dict(AT_PHONE))
    assert asked(specific) is None  # materials: the knowledge base's


async def test_a_question_worded_as_a_stop_at_a_step_is_answered_and_nothing_is_stored(
    knowledge_service: str,
) -> None:
    slots = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    tracker = in_form("application_form", "不交租房合同行不行", "ask_question", slots)
    messages, events = await replies(ValidateApplicationForm(), tracker)
    assert said(messages).strip(), messages  # answered
    assert slots_of(events)["requested_slot"] == "project_name"
    assert slots_of(events).get("project_name") is None
    assert not any(e["event"] == "active_loop" for e in events)


async def test_can_i_get_another_item_asked_in_the_eligibility_check_gets_its_verdict_and_the_step_again(
    service_url: str,
) -> None:
    slots = {"elig_person_category": "returning_migrant_worker", "requested_slot": "elig_business_started_on"}
    loan = [{"entity": "item", "value": "guaranteed_loan", "start": 1, "end": 3}]
    tracker = make_tracker(
        [user_event("我从外省打工回来了", "inform"), user_event("那贷款我能不能办", "ask_question", loan)], slots=slots
    )
    tracker.active_loop = {"name": "eligibility_form"}
    messages, events = await replies(ValidateEligibilityForm(), tracker)
    text = said(messages)
    assert "按您说的情况" in text and "创业担保贷款" in text and "20万" in text, text
    assert "回复“好的”" not in text  # no offer inside the check: the check asks its step next
    assert slots_of(events)["requested_slot"] == "elig_business_started_on"
    assert not any(e.get("name") == "offer_pending" for e in events)
