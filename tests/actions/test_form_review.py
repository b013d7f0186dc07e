"""A request to see what has been filled in (issue 12): never a confirmation and never a value.

At the summary, "核对下信息" (which the NLU may read as a yes) shows the summary again and submits nothing; before the
summary, "我看看填了啥" lists what the form holds so far (ID masked) and asks the same step again.
"""

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import ActionAskConfirmSubmission
from actions.application.form_fields import CONFIRM_SLOT
from actions.application.form_guard import wants_review
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import FILLED, validate

REVIEWS = (
    "核对下信息",
    "发我核对",
    "我看看表",
    "看下信息",
    "我看下汇总",
    "汇总",
    "再给我看一遍",
    "把我的信息列出来我看看",
)
MORE_REVIEWS = (
    "你把我填的给我看一下对不对",
    "信息都给你了，你念一遍我听听",
    "我看看填好的表",
    "信息给我瞧瞧",
    "核对",
    "发给我核对一下",
    "对一下信息",
    "你看看现在表上是啥",
)
NOT_REVIEWS = (
    "确认提交",
    "没问题，提交吧",
    "核对无误，提交",
    "对的",
    "经营场所证明是什么",
    "钟表维修店",
    "对，一下子说完了",
)


@pytest.mark.parametrize("text", REVIEWS + MORE_REVIEWS)
def test_requests_to_see_the_form_are_reviews(text: str) -> None:
    assert wants_review(text)


@pytest.mark.parametrize("text", NOT_REVIEWS)
def test_submissions_answers_and_questions_are_not(text: str) -> None:
    assert not wants_review(text)


@pytest.mark.parametrize(("text", "intent"), [(t, "affirm") for t in REVIEWS] + [(t, "deny") for t in MORE_REVIEWS])
async def test_a_review_at_the_summary_submits_nothing_and_shows_the_form(
    text: str, intent: str, service_url: str
) -> None:
    slots: dict[str, Any] = {**FILLED, "requested_slot": CONFIRM_SLOT}
    texts, set_slots = await validate(text, intent, slots)  # neither the NLU's yes nor its no: a request to see
    assert set_slots.get(CONFIRM_SLOT) is not True and set_slots["requested_slot"] == CONFIRM_SLOT, (texts, set_slots)
    dispatcher = CollectingDispatcher()
    await ActionAskConfirmSubmission().run(dispatcher, make_form_tracker(text, intent, slots), {})
    shown = "\n".join(m["text"] for m in dispatcher.messages)
    assert FILLED["applicant_name"] in shown and FILLED["id_number"] not in shown and "确认提交" in shown


async def test_a_review_before_the_summary_lists_what_is_filled_and_asks_the_step_again(service_url: str) -> None:
    slots: dict[str, Any] = {**FILLED, "premises_address": None, "requested_slot": "premises_address"}
    texts, set_slots = await validate("我看看填了啥", "ask_question", slots)
    shown = "\n".join(texts)
    assert "目前已记下" in shown and FILLED["applicant_name"] in shown and FILLED["id_number"] not in shown, texts
    assert set_slots.get("premises_address") is None and set_slots["requested_slot"] == "premises_address"
