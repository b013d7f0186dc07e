"""A name said after a bare 我 or 全名 in a filing message, and an old value kept at a step asked again (issue 12).

"两样都办！我柯雨桐，<ID>，<手机>" and "全名是邵景明，<ID>" name the applicant; "我想办执照，<ID>" names nobody. After
"上一步" (or "地址填错了") the field is asked with its old value shown: "不改了，还是原来那个" puts it back, and with
a submit word the application goes on to filing. An unlabelled industry of two words after the project ("艺术培训")
is the industry; "创业培训" stays the item.
"""

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.application.form_labels import read_labelled
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_application_form import FILLED
from tests.service.factories import NEWCOMER


@pytest.mark.parametrize(
    ("said", "name"),
    [
        (f"两样都办！我柯雨桐，{NEWCOMER}，13912345678", "柯雨桐"),
        (f"全名是邵景明，{NEWCOMER}，手机13912345678", "邵景明"),
        (f"我大名叫邵景明，身份证{NEWCOMER}", "邵景明"),
        (f"我想办执照，{NEWCOMER}", None),
        (f"全名：，{NEWCOMER}", None),
        (f"我在株洲开店，{NEWCOMER}", None),
    ],
)
def test_a_name_after_a_bare_wo_or_quanming_is_the_applicant(said: str, name: str | None) -> None:
    assert read_labelled(said, []).values.get("applicant_name") == name


def _asked_again(said: str, intent: str) -> Tracker:
    """The address asked again after "上一步" at the summary (its old value cleared), then ``said``."""
    slots: dict[str, Any] = {**FILLED, "premises_address": None, "requested_slot": "premises_address"}
    events = [
        {"event": "slot", "name": "premises_address", "value": FILLED["premises_address"]},
        user_event("上一步", "inform"),
        {"event": "slot", "name": "premises_address", "value": None},
        {"event": "slot", "name": "requested_slot", "value": "premises_address"},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]
    return make_tracker(events, slots=slots)


async def _validate(tracker: Tracker) -> tuple[list[str], dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = await ValidateApplicationForm().run(dispatcher, tracker, {})
    return [str(m.get("text") or "") for m in dispatcher.messages], {
        e["name"]: e["value"] for e in events if e["event"] == "slot"
    }


async def test_the_old_value_is_kept_at_a_step_asked_again(service_url: str) -> None:
    texts, set_slots = await _validate(_asked_again("算了不改了，还是原来那个", "inform"))
    assert set_slots.get("premises_address") == FILLED["premises_address"], (texts, set_slots)
    assert set_slots.get("requested_slot") == "confirm_submission"


async def test_the_old_value_kept_with_a_submit_word_goes_on_to_filing(service_url: str) -> None:
    texts, set_slots = await _validate(_asked_again("还是用原来的吧，提交", "affirm"))
    assert set_slots.get("premises_address") == FILLED["premises_address"], (texts, set_slots)
    assert set_slots.get("confirm_submission") is True and set_slots.get("requested_slot") is None


@pytest.mark.parametrize(
    ("said", "industry"),
    [
        (f"项目晨光舞蹈教学，艺术培训，个体工商户，{NEWCOMER}", "艺术培训"),
        ("项目晨光舞蹈教学，创业培训，个体户", None),
    ],
)
def test_an_industry_of_two_words_after_the_project_is_read(said: str, industry: str | None) -> None:
    assert read_labelled(said, []).values.get("industry") == industry
