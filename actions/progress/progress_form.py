"""``progress_form``: the application number and the last 6 ID digits, in any order, in one message or two.

After a wrong verification the number is kept and the form asks for the digits again, so "是060104" retries
against it (the service's throttle still applies). A question inside the form is answered and the same step asked
again; a forgotten number is helped, not re-asked; a logged-in owner who gives nothing sees their own applications.
"""

import re
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_extraction import DIGRESSION_INTENTS, just_heard_user
from actions.application.form_guard import BACK, RESTART
from actions.conversation import not_understood
from actions.conversation.replies import answer_question, is_question
from actions.progress.progress import (
    FORGOT,
    FULL_ID,
    ID_CUE,
    LAST6,
    LAST6_SLOT,
    NUMBER,
    NUMBER_LIKE,
    NUMBER_SLOT,
    NUMBER_WORDS,
    forgot_digits,
    forgot_number,
    forgotten_number,
    show_own,
    where_to_look_later,
)
from actions.progress.progress_replies import NUMBER_SHAPE, PERSON_BUTTON, WHERE_NUMBER
from actions.steps.step_failures import HELP_FROM, NOT_RECOGNISED, failures_at
from actions.steps.step_help import help_message, plain_message, remind

# Digits that may be a number without its CY or of the wrong length ("20261206000012"); never 6 (the ID's last
# digits) or 11 starting with 1 (a phone).
BARE_NUMBER = re.compile(r"(?<![\dA-Za-z])(?!1\d{10}(?!\d))\d{8,17}(?!\d)")
# A message of digits only ("15321", "CY2026120600006"): an attempt at the step's value, whatever the NLU read.
DIGITS_ONLY = re.compile(r"(?:CY)?[\s\d]*\d[\s\d]*[Xx]?", re.IGNORECASE)


def _routed_here(tracker: Tracker) -> bool:
    """The form was opened by ``action_route_progress`` for the latest message (so the message is still unread)."""
    for event in reversed(tracker.events):
        name = str(event.get("name") or "")
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and name != "action_extract_slots" and not name.endswith("_form"):
            return name == "action_route_progress"
    return False


def _number(text: str, entities: list[dict[str, Any]]) -> str | None:
    entity = next((str(e["value"]) for e in entities if e.get("entity") == "application_id"), None)
    match = NUMBER.search(text)
    raw = entity or (match.group(0) if match else None)
    return re.sub(r"\s", "", raw).upper() if raw else None


def _last6(text: str) -> str | None:
    without_number = NUMBER_LIKE.sub(" ", text)
    full = FULL_ID.search(without_number)
    if full:
        return full.group(0)[-6:].upper()
    match = LAST6.search(without_number)
    return match.group(0).upper() if match else None


async def _not_an_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, requested: str | None
) -> list[EventType] | None:
    """The turn's events when the message is no value to read: a resumed form, a forgotten number, a command."""
    if not just_heard_user(tracker) and not _routed_here(tracker):  # resumed, or retried after a failed check
        kept = {NUMBER_SLOT: tracker.get_slot(NUMBER_SLOT), LAST6_SLOT: tracker.get_slot(LAST6_SLOT)}
        asked = next((s for s in (NUMBER_SLOT, LAST6_SLOT) if not kept[s]), None)
        if asked is not None and asked == requested:  # after chit-chat: a message that answered nothing counts
            remind(dispatcher, tracker, asked, (NUMBER_SLOT, LAST6_SLOT))
        return [SlotSet("requested_slot", asked)]
    if requested and not_understood.confused(text):  # "看不懂你说的": the step explained again, still open
        dispatcher.utter_message(**plain_message(requested, _failures(tracker, requested) - 1))
        return [SlotSet(requested, None), SlotSet("requested_slot", requested)]
    if forgot_number(text) or (requested and FORGOT.search(text)):  # "我真记不清了" at a step: that step's value
        digits = forgot_digits(text) or (requested == LAST6_SLOT and not NUMBER_WORDS.search(text))
        events = await forgotten_number(dispatcher, tracker, digits)
        return [*events, SlotSet("requested_slot", None), ActiveLoop(None)]
    if RESTART.search(text) or (BACK.search(text) and requested == LAST6_SLOT):
        return _start_again(dispatcher, bool(RESTART.search(text)))
    return None


def _values(text: str, tracker: Tracker, requested: str | None) -> dict[str, str]:
    """The number and the ID digits the message gives, whichever is asked."""
    values: dict[str, str] = {}
    if number := _number(text, tracker.latest_message.get("entities", [])):
        values[NUMBER_SLOT] = number
    last6 = _last6(text)
    if last6 and (requested == LAST6_SLOT or tracker.get_slot(NUMBER_SLOT) or number or _digits_ahead(text, requested)):
        values[LAST6_SLOT] = last6
    return values


def _wrong_number(text: str) -> str | None:
    """A number of the wrong shape ("CY2026120600", "20261206000012" without CY), or ``None``."""
    if NUMBER.search(text):
        return None
    attempt = NUMBER_LIKE.search(text) or BARE_NUMBER.search(FULL_ID.sub(" ", text))
    return re.sub(r"\s", "", attempt.group(0)).upper() if attempt else None


def _opened_with_wrong_number(tracker: Tracker) -> bool:
    """The message that opened this run of the check held a number of the wrong shape (its first failure)."""
    events = list(tracker.events)
    starts = [i for i, event in enumerate(events) if event.get("event") == "active_loop" and event.get("name")]
    opened = starts[-1] if starts else None
    if opened is None:
        return False
    routed = False
    for event in reversed(events[:opened]):
        if event.get("event") == "action" and event.get("name") == "action_route_progress":
            routed = True
        if event.get("event") == "user":
            return routed and _wrong_number(str(event.get("text") or "")) is not None
    return False


async def _number_help(dispatcher: CollectingDispatcher, tracker: Tracker, failed: int) -> bool:
    """From the number's second failure: the owner's own applications, or where the number is and a person.

    Returns:
        True when the logged-in owner's applications were shown (the check is over).
    """
    if await show_own(dispatcher, tracker):
        return True
    lead = NOT_RECOGNISED[(failed - 1) % 2]
    dispatcher.utter_message(text=f"{lead}{WHERE_NUMBER}", buttons=[PERSON_BUTTON])
    return False


async def _not_given(dispatcher: CollectingDispatcher, tracker: Tracker, requested: str, text: str = "") -> bool:
    """The re-prompt for a step not answered: its format, and from the second failure help and a person.

    Digits of the wrong length ("15321" for the six ID digits) are told how many they were. From the number's
    second failure: where the number is, or the logged-in owner's own applications.

    Returns:
        True when the owner's own applications were shown (the check is over).
    """
    failed = _failures(tracker, requested)
    if failed >= HELP_FROM and requested == NUMBER_SLOT:
        return await _number_help(dispatcher, tracker, failed)
    if failed >= HELP_FROM:  # the same re-prompt never a third time
        dispatcher.utter_message(**help_message(requested, failed - 1))
    elif requested == NUMBER_SLOT and (wrong := _wrong_number(text)) and not DIGITS_ONLY.fullmatch(text.strip()):
        dispatcher.utter_message(text=f"“{wrong[:20]}”不是完整的申请编号：申请编号是{NUMBER_SHAPE}，请核对后再发给我。")
    elif DIGITS_ONLY.fullmatch(text.strip()):
        count = len(re.sub(r"\D", "", text))
        wanted = "申请编号是CY加14位数字" if requested == NUMBER_SLOT else "身份证后6位是6位（最后一位可能是X）"
        dispatcher.utter_message(text=f"您发的是{count}位数字，{wanted}，请核对后再发给我。")
    elif requested == NUMBER_SLOT:
        dispatcher.utter_message(text=f"申请编号是{NUMBER_SHAPE}，请核对后再发给我。")
    else:
        dispatcher.utter_message(text="请发送申请人身份证号码的后6位（6位数字，最后一位可能是X）。")
    return False


def _failures(tracker: Tracker, slot: str) -> int:
    """Messages in a row that answered nothing at ``slot``, the latest included (:mod:`actions.steps.step_failures`).

    A number of the wrong shape in the message that opened the check ("查进度 CY2026…" one digit short) is the
    number's first failure (twelfth analysis A6).
    """
    failed = failures_at(tracker, slot, (NUMBER_SLOT, LAST6_SLOT))
    opening = slot == NUMBER_SLOT and _opened_with_wrong_number(tracker) and not _asked_afresh(tracker)
    return failed + 1 if opening else failed


def _asked_afresh(tracker: Tracker) -> bool:
    """The number was filled or the ID digits asked since the check opened (a later run of the number's step)."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name"):
            return False
        if event.get("event") == "slot" and (
            (event.get("name") == NUMBER_SLOT and event.get("value"))
            or (event.get("name") == "requested_slot" and event.get("value") == LAST6_SLOT)
        ):
            return True
    return False


def _digits_ahead(text: str, requested: str | None) -> bool:
    """The ID digits said before the number: cued (身份证/后六位) or a full ID number, never a bare number."""
    cued = bool(ID_CUE.search(text) or FULL_ID.search(NUMBER_LIKE.sub(" ", text)))
    return requested in (None, NUMBER_SLOT) and cued  # also in the message that opens the check ("查进度，后六位…")


def _start_again(dispatcher: CollectingDispatcher, everything: bool) -> list[EventType]:
    """Clear both values ("重新填"), or go back from the digits to the number ("上一步")."""
    dispatcher.utter_message(
        text="好的，我们重新来：请发申请编号（CY加14位数字）。"
        if everything
        else "好的，回到上一步：请重新发申请编号（CY加14位数字）。"
    )
    return [SlotSet(NUMBER_SLOT, None), SlotSet(LAST6_SLOT, None), SlotSet("requested_slot", NUMBER_SLOT)]


class ValidateProgressForm(FormValidationAction):
    """Reads the number and the verification digits, in any order and in one message or two."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_progress_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Fill what the message gives; explain the format when the requested value is not there."""
        text = str(tracker.latest_message.get("text") or "")
        intent = tracker.get_intent_of_latest_message() or ""
        requested = tracker.get_slot("requested_slot")
        if (handled := await _not_an_answer(dispatcher, tracker, text, requested)) is not None:
            return handled
        values = _values(text, tracker, requested)
        if requested is None and not values and await show_own(dispatcher, tracker):
            return [SlotSet("requested_slot", None)]
        if not values and requested and where_to_look_later(dispatcher, tracker) is not None:
            remind(dispatcher, tracker, str(requested), (NUMBER_SLOT, LAST6_SLOT))  # "以后自己在哪查": told, asked on
            return [SlotSet(str(requested), None), SlotSet("requested_slot", requested)]
        attempt = bool(DIGITS_ONLY.fullmatch(text.strip()))  # "15321": the digits, one short, never off-topic
        interrupts = not attempt and intent in DIGRESSION_INTENTS - {
            "check_progress",
            "ask_question",
            "ask_bundle_overview",
        }
        if not values and requested and (interrupts or intent == "start_application"):
            return []
        if not values and requested and (intent in ("ask_question", "ask_bundle_overview") or is_question(text)):
            answered = await answer_question(dispatcher, tracker, domain)
            remind(dispatcher, tracker, str(requested), (NUMBER_SLOT, LAST6_SLOT))
            return [*answered, SlotSet(str(requested), None), SlotSet("requested_slot", requested)]
        return await _filled(dispatcher, tracker, text, requested, values)


async def _filled(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, requested: str | None, values: dict[str, str]
) -> list[EventType]:
    """Store what the message gave and ask the next step; a missing or wrong-shaped number is a failure of its step.

    A wrong-shaped number in the message that opens the check ("查进度 CY2026…" one digit short) is told at once.
    """
    events: list[EventType] = [SlotSet(slot, value) for slot, value in values.items()]
    opening_wrong = requested is None and NUMBER_SLOT not in values and _wrong_number(text) is not None
    if requested in (None, NUMBER_SLOT) and set(values) == {LAST6_SLOT} and not opening_wrong:
        dispatcher.utter_message(text="好的，身份证后6位已记下。还需要申请编号（CY加14位数字）。")
    elif opening_wrong or (requested in (NUMBER_SLOT, LAST6_SLOT) and requested not in values):
        step = str(requested or NUMBER_SLOT)
        if await _not_given(dispatcher, tracker, step, text):  # the logged-in owner saw their own applications
            return [
                SlotSet(NUMBER_SLOT, None),
                SlotSet(LAST6_SLOT, None),
                SlotSet("requested_slot", None),
                ActiveLoop(None),
            ]
        events.append(SlotSet(step, None))
    filled = {NUMBER_SLOT: tracker.get_slot(NUMBER_SLOT), LAST6_SLOT: tracker.get_slot(LAST6_SLOT), **values}
    next_slot = next((slot for slot in (NUMBER_SLOT, LAST6_SLOT) if not filled.get(slot)), None)
    return [*events, SlotSet("requested_slot", next_slot)]
