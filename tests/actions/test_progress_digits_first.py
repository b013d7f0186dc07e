"""The ID digits said in the message that opens a progress check (issue 12): kept, and only the number is asked."""

from actions.progress.progress_form import ValidateProgressForm
from tests.actions.test_progress_and_eligibility import run


async def test_digits_in_the_opening_message_are_kept_and_the_number_asked(service_url: str) -> None:
    text, slots = await run(ValidateProgressForm(), "帮我查下进度，身份证后六位是30121X", "check_progress", {})
    assert slots == {"progress_id_last6": "30121X", "requested_slot": "progress_number"}, slots
    assert "后6位已记下" in text and "申请编号" in text, text


async def test_a_bare_number_in_the_opening_message_is_not_taken_as_the_digits(service_url: str) -> None:
    _, slots = await run(ValidateProgressForm(), "查进度 123456", "check_progress", {"requested_slot": None})
    assert "progress_id_last6" not in slots, slots


async def test_digits_of_the_wrong_length_are_an_attempt_whatever_the_intent(service_url: str) -> None:
    asked = {"progress_number": "CY20261206000066", "requested_slot": "progress_id_last6"}
    for intent in ("out_of_scope", "inform", "nlu_fallback"):
        text, slots = await run(ValidateProgressForm(), "15321", intent, asked)
        assert "超出" not in text and "您发的是5位数字" in text and "6位" in text, (intent, text)
        assert slots["requested_slot"] == "progress_id_last6", slots
    text, slots = await run(
        ValidateProgressForm(), "CY2026120600006", "out_of_scope", {"requested_slot": "progress_number"}
    )
    assert "13位数字" in text and "14位" in text, text
