"""A wrong value counts against its own field, whichever step was asked (issue 12 "No loops"); own invented wording.

An ID (or phone) refused while the name is asked is that field's first failure: the form stays at it, and a second
wrong one gets what is needed with an example and the offer of a person, never the same prompt a third time. The step
the bot asks and the step it reads the next answer for are the same one. A dictated opening (逗号/句号 said aloud) keeps
the name; "开奶茶店" at the project's step is the shop, not the verb.
"""

from __future__ import annotations

from typing import Any

import pytest

from actions.application.application_form import ValidateApplicationForm
from actions.application.application_seed import seeded_values
from actions.application.form_business import project_answered
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_forms_no_loops import FormTurns

HELP_WORDS = ("例如", "转人工")
ID_EXAMPLE = "430104199001011234"


class ApplicationTurns(FormTurns):
    """The application form played turn by turn, keeping the events Rasa would keep (the failures are read there)."""

    def __init__(self, slots: dict[str, Any]) -> None:
        super().__init__(ValidateApplicationForm(), "application_form", slots)
        self.events += [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]

    async def say(self, text: str, intent: str = "inform", entities: list[dict[str, Any]] | None = None) -> str:
        said = await super().say(text, intent, entities)
        asked = [e["value"] for e in self.last_events if e["event"] == "slot" and e["name"] == "requested_slot"]
        # Rasa asks the first step the validation names; the next answer is read for the last: they must agree
        assert len(set(asked)) <= 1, asked
        return said


def _at_name() -> ApplicationTurns:
    return ApplicationTurns({"application_items": ["training"], "requested_slot": "applicant_name"})


async def test_an_id_refused_at_the_name_step_is_asked_next_and_a_second_wrong_one_gets_help(service_url: str) -> None:
    form = _at_name()
    first = await form.say("身份证号是4301051988")
    assert form.slots["requested_slot"] == "id_number" and form.slots.get("id_number") is None
    assert "18位" in first and not any(word in first for word in HELP_WORDS), first
    second = await form.say("4301051988072")
    assert form.slots["requested_slot"] == "id_number"
    assert ID_EXAMPLE in second and "转人工" in second, second
    third = await form.say("430105198807")
    assert ID_EXAMPLE in third and "转人工" in third and third != second, third  # never three identical replies


async def test_a_phone_refused_beside_a_name_counts_for_the_phone(service_url: str) -> None:
    form = _at_name()
    first = await form.say("刘晓燕，电话1860731")
    assert form.slots["applicant_name"] == "刘晓燕" and form.slots["requested_slot"] == "phone", first
    second = await form.say("186073122")
    assert "13912345678" in second and "转人工" in second, second


async def test_the_first_wrong_id_at_its_own_step_gets_the_reason_only(service_url: str) -> None:
    form = ApplicationTurns(
        {"application_items": ["training"], "applicant_name": "刘晓燕", "requested_slot": "id_number"}
    )
    said = await form.say("4301051988")
    assert "18位" in said and "转人工" not in said, said
    assert form.slots["requested_slot"] == "id_number"


async def test_a_field_said_to_be_wrong_is_no_failure_of_it(service_url: str) -> None:
    form = ApplicationTurns(
        {
            "application_items": ["training"],
            "applicant_name": "刘晓燕",
            "id_number": "430104199001011230",
            "requested_slot": "phone",
        }
    )
    await form.say("身份证写错了")
    assert form.slots["requested_slot"] == "id_number"
    said = await form.say("4301051988")
    assert "18位" in said and "转人工" not in said, said  # the first wrong one after "写错了": the reason only


async def test_a_mobile_number_at_the_id_step_is_the_phone_and_no_id_refused(service_url: str) -> None:
    form = ApplicationTurns(
        {"application_items": ["training"], "applicant_name": "刘晓燕", "requested_slot": "id_number"}
    )
    said = await form.say("13607310022")
    assert form.slots["phone"] == "13607310022" and form.slots.get("id_number") is None
    assert "11位" not in said and form.slots["requested_slot"] == "id_number", said


def _spoken(raw: str, written: str, intent: str = "start_application") -> dict[str, Any]:
    event = user_event(raw, intent, [{"entity": "item", "value": "training", "start": 0, "end": 1}])
    event["parse_data"]["text"] = written  # what the NLU read: dictated marks written as marks
    return event


def test_a_dictated_opening_keeps_the_name() -> None:
    raw = "我叫罗志勇逗号手机13607310022逗号想报名创业培训句号"
    written = "我叫罗志勇,手机13607310022,想报名创业培训。"
    values, _ = seeded_values(make_tracker([_spoken(raw, written)]))
    assert values.get("applicant_name") == "罗志勇", values
    assert values.get("phone") == "13607310022", values


@pytest.mark.parametrize(
    ("answer", "project"),
    [
        ("开奶茶店", "奶茶店"),
        ("想开米粉店", "米粉店"),
        ("开了家烧烤店", "烧烤店"),
        ("准备开家政服务店", "家政服务店"),
        ("开心奶茶店", "开心奶茶店"),
        ("开元酒店", "开元酒店"),
        ("开福区米粉店", "开福区米粉店"),
    ],
)
def test_the_plans_verb_is_no_part_of_the_project(answer: str, project: str) -> None:
    assert project_answered(answer) == project
