"""Questions inside the application are searched for the whole form, not the item the user opened with (issue 12).

What the user sees: at any step, the summary included, "毕业证要交吗" gets the 免提交 answer and "提交完怎么知道办到
哪了" how to follow the application, then the same step again; the item that opened the form does not pull its own
pages over the answer.
"""

from typing import Any

from actions.application.application_form import ValidateApplicationForm
from actions.application.form_questions import for_the_whole_form
from actions.conversation.form_switch import ActionSwitchForm
from actions.knowledge.query_text import FORM_ITEM
from tests.actions.test_application_form import FILLED
from tests.actions.test_form_switch import followups, in_form, run, slots_of

AT_SUMMARY: dict[str, Any] = {**FILLED, "item": "employment_cert", "requested_slot": "confirm_submission"}


def test_the_whole_form_has_no_item_in_context_and_the_conversation_keeps_its_own() -> None:
    tracker = in_form("application_form", "毕业证要交吗", "ask_question", dict(AT_SUMMARY))
    assert for_the_whole_form(tracker).get_slot("item") is None
    assert tracker.get_slot("item") == "employment_cert"


def test_registration_with_its_tax_step_is_one_matter_for_a_question_in_the_form() -> None:
    chosen = {"application_items": ["business_registration", "taxpayer_confirmation"], "item": None}
    tracker = in_form("application_form", "要准备哪些材料", "ask_question", {**AT_SUMMARY, **chosen})
    assert for_the_whole_form(tracker).get_slot(FORM_ITEM) == "business_registration"
    both = {"application_items": ["business_registration", "taxpayer_confirmation", "startup_subsidy"], "item": None}
    tracker = in_form("application_form", "要准备哪些材料", "ask_question", {**AT_SUMMARY, **both})
    assert for_the_whole_form(tracker).get_slot(FORM_ITEM) is None  # two matters: the whole form's answer


async def test_a_paper_asked_about_at_the_summary_gets_its_answer_and_the_summary_again(
    knowledge_service: str,
) -> None:
    tracker = in_form("application_form", "等一下，毕业证要交吗", "ask_question", dict(AT_SUMMARY))
    text, events = await run(ValidateApplicationForm(), tracker)
    assert "免提交" in text or "不用交" in text, text
    assert slots_of(events)["requested_slot"] == "confirm_submission"
    assert slots_of(events).get("confirm_submission") is None  # asked, not confirmed


async def test_how_to_follow_the_application_asked_at_the_summary_is_answered_and_the_form_goes_on(
    knowledge_service: str,
) -> None:
    tracker = in_form("application_form", "我提交完怎么知道办到哪了", "check_progress", dict(AT_SUMMARY))
    text, events = await run(ActionSwitchForm(), tracker)
    assert "后6位" in text or "申请编号" in text, text
    assert followups(events) == ["application_form"]


async def test_a_question_about_after_submitting_is_no_request_to_submit(service_url: str) -> None:
    slots = {**FILLED, "phone": None, "requested_slot": "phone"}
    text, events = await run(
        ValidateApplicationForm(), in_form("application_form", "我提交完怎么知道办到哪了", "inform", slots)
    )
    assert "还不能提交" not in text, text
    assert slots_of(events)["requested_slot"] == "phone"
