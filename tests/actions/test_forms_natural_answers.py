"""The eligibility and progress forms under natural talk: shuffled, early, missing and corrected answers.

Issue 12's dedicated check for the forms other than the application (whose own is in
``test_application_natural_talk.py``): whatever order people answer in, no value is stored in a field the user
did not mean, and "上一步"/"重新填" work at every step.
"""

from datetime import date
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.eligibility.eligibility_reading import read_turn
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import entity

TODAY = date.today()
NUMBER = "CY20261122000123"


async def say(form: Any, text: str, slots: dict[str, Any], intent: str = "inform", **kwargs: Any) -> list[str]:
    """One user turn through ``form``'s validation; ``slots`` is updated in place; the bot's texts are returned."""
    dispatcher = CollectingDispatcher()
    events = await form.run(dispatcher, make_form_tracker(text, intent, slots, **kwargs), {})
    slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot"})
    return [str(m.get("text") or "") for m in dispatcher.messages]


def test_a_fact_with_its_cue_goes_to_its_own_field_whatever_is_asked() -> None:
    turn = read_turn("是2020年毕业的", "affirm", [], "elig_first_time_founder", TODAY)
    assert turn.answer is None  # the "是" does not answer "first start-up?"
    assert turn.others == {"elig_graduation_year": 2020}
    turn = read_turn("不是，我是退役军人", "deny", [entity("person_category", "veteran")], "elig_first_time_founder")
    assert turn.answer is None and turn.others == {"elig_person_category": "veteran"}
    turn = read_turn("2020年开的店", "inform", [], "elig_graduation_year", TODAY)
    assert turn.answer is None and "elig_graduation_year" not in turn.others
    assert turn.others["elig_business_started_on"].startswith("2020")
    turn = read_turn("2022", "inform", [], "elig_graduation_year", TODAY)  # a bare answer answers what is asked
    assert turn.answer == 2022 and turn.others == {}
    turn = read_turn("是的", "affirm", [], "elig_first_time_founder", TODAY)
    assert turn.answer is True


async def test_eligibility_shuffled_early_missing_and_corrected_answers_land_where_meant(service_url: str) -> None:
    form = ValidateEligibilityForm()
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    # early: a business start and a first start-up while the category is asked; the category is still asked
    texts = await say(form, "店开了一年半了，第一次创业", slots)
    assert slots.get("elig_person_category") is None and slots["requested_slot"] == "elig_person_category"
    assert slots["elig_business_started_on"] is not None and slots["elig_first_time_founder"] is True
    assert any("记下了" in t for t in texts), texts
    # the asked answer, then a graduation year said as "是…" at a yes/no-looking step never answers it as "yes"
    await say(form, "我是大学毕业生", slots, entities=[entity("person_category", "college_graduate")])
    assert slots["elig_person_category"] == "college_graduate"
    assert slots["requested_slot"] == "elig_graduation_year"
    await say(form, "去年毕业的", slots)
    assert slots["elig_graduation_year"] == TODAY.year - 1
    # a correction of an earlier field at a later step
    slots["requested_slot"] = "elig_first_time_founder"
    slots["elig_first_time_founder"] = None
    texts = await say(
        form, "刚才说错了，我是退役军人", slots, intent="deny", entities=[entity("person_category", "veteran")]
    )
    assert slots["elig_person_category"] == "veteran"
    assert slots.get("elig_first_time_founder") is None  # the "不是/说错了" did not answer the asked question
    assert slots["elig_graduation_year"] == TODAY.year - 1


async def test_eligibility_back_and_start_again(service_url: str) -> None:
    form = ValidateEligibilityForm()
    slots: dict[str, Any] = {
        "requested_slot": "elig_business_started_on",
        "elig_person_category": "college_graduate",
        "elig_graduation_year": 2023,
    }
    texts = await say(form, "上一步", slots)
    assert slots["requested_slot"] == "elig_graduation_year" and slots["elig_graduation_year"] is None
    assert slots["elig_person_category"] == "college_graduate"
    assert any("上一步" in t and "毕业年份" in t for t in texts), texts
    texts = await say(form, "重新填", slots)
    assert slots["requested_slot"] == "elig_person_category"
    assert all(slots.get(s) is None for s in ("elig_person_category", "elig_graduation_year"))


async def test_eligibility_a_refused_correction_keeps_the_earlier_answer(service_url: str) -> None:
    form = ValidateEligibilityForm()
    slots: dict[str, Any] = {
        "requested_slot": "elig_business_started_on",
        "elig_person_category": "college_graduate",
        "elig_graduation_year": 2023,
    }
    await say(form, "不对，我是1890年毕业的", slots)
    assert slots["elig_graduation_year"] == 2023
    assert slots["requested_slot"] == "elig_business_started_on"


async def test_progress_digits_before_the_number_are_kept_and_the_number_asked(service_url: str) -> None:
    form = ValidateProgressForm()
    slots: dict[str, Any] = {"requested_slot": "progress_number"}
    texts = await say(form, "身份证后六位是01002X", slots)
    assert slots["progress_id_last6"] == "01002X" and slots["requested_slot"] == "progress_number"
    assert slots.get("progress_number") is None
    assert any("已记下" in t and "申请编号" in t for t in texts), texts
    await say(form, NUMBER.lower(), slots)
    assert slots["progress_number"] == NUMBER and slots["requested_slot"] is None


async def test_progress_a_bare_number_of_six_digits_is_not_taken_for_the_id_while_the_number_is_asked(
    service_url: str,
) -> None:
    slots: dict[str, Any] = {"requested_slot": "progress_number"}
    texts = await say(ValidateProgressForm(), "202611", slots)
    assert slots.get("progress_id_last6") is None and slots["requested_slot"] == "progress_number"
    assert any("14位数字" in t for t in texts), texts


async def test_progress_correction_back_and_start_again(service_url: str) -> None:
    form = ValidateProgressForm()
    slots: dict[str, Any] = {"requested_slot": "progress_id_last6", "progress_number": "CY20261122000999"}
    await say(form, f"编号输错了，是{NUMBER}", slots)  # a corrected number: the digits are still asked
    assert slots["progress_number"] == NUMBER and slots["requested_slot"] == "progress_id_last6"
    assert slots.get("progress_id_last6") is None
    texts = await say(form, "上一步", slots)
    assert slots["progress_number"] is None and slots["requested_slot"] == "progress_number"
    assert any("上一步" in t for t in texts)
    slots.update({"progress_number": NUMBER, "requested_slot": "progress_id_last6"})
    await say(form, "重新填", slots)
    assert slots["progress_number"] is None and slots["progress_id_last6"] is None
    assert slots["requested_slot"] == "progress_number"


async def test_eligibility_every_fact_of_the_opening_message_is_kept(service_url: str) -> None:
    slots: dict[str, Any] = {"requested_slot": None}
    texts = await say(
        ValidateEligibilityForm(),
        "我是返乡农民工，店开了两年多了，第一次创业，看看能享受啥",
        slots,
        intent="check_eligibility",
        entities=[entity("person_category", "returning_migrant_worker")],
    )
    assert slots["elig_person_category"] == "returning_migrant_worker"
    assert slots["elig_business_started_on"] is not None and slots["elig_first_time_founder"] is True
    assert slots["requested_slot"] is None, texts  # nothing left to ask: the verdict follows


async def test_eligibility_an_ordinary_person_is_not_asked_for_the_rarer_groups(service_url: str) -> None:
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    await say(ValidateEligibilityForm(), "哪类都不算，我就一般人", slots)
    assert slots["elig_person_category"] == "other" and slots["elig_other_category"] == "none"
    assert slots["requested_slot"] != "elig_other_category"
