"""Moving around the application form: "上一步", "重新填", and asking again after a failed answer (no loops).

The failures at a step are counted by :mod:`actions.steps.step_failures` (every form's one count).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_field_help import FIELD_WORDS
from actions.application.form_fields import ATTEMPT, BY_SLOT, CONFIRM_SLOT, FIELDS, FORM_SLOTS, PAUSED, display
from actions.application.form_guard import BACK, EXAMPLES, RESTART, retry_help
from actions.application.form_values import Extraction
from actions.steps.step_failures import HELP_FROM, failures_at, refused_opening

REQUESTED = "requested_slot"
RESUME_HINT = "刚才的申请表还没填完，已填的内容为您保留着，说“继续申请”就能接着填。"


def application_paused(tracker: Tracker) -> bool:
    """A started application was set aside (another task, an outage); "继续申请" resumes it."""
    return bool(tracker.get_slot(PAUSED) and tracker.get_slot(ATTEMPT))


def hint_if_paused(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After another task's result: remind the user of the application they set aside, if any."""
    if application_paused(tracker):
        dispatcher.utter_message(text=RESUME_HINT)


def _label(slot: str) -> str:
    return BY_SLOT[slot].label if slot in BY_SLOT else "确认提交"


def failures(tracker: Tracker, slot: str) -> int:
    """Failed answers to ``slot`` in a row, the latest included (:mod:`actions.steps.step_failures`).

    Counted per field: a value for it refused while another step was asked ("身份证4301…" at the name) is its first
    failure, so the next wrong one already gets the example and a person.
    """
    fills = (*FORM_SLOTS, CONFIRM_SLOT)
    opening = refused_opening(tracker, slot, fills)
    commanded = opening is not None and any(words.search(opening) for words in (BACK, RESTART))
    return failures_at(tracker, slot, fills) + (opening is not None and not commanded)


def failed_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, slots: dict[str, Any], problem: str | None
) -> list[EventType]:
    """Say why the answer to ``slot`` was not taken; from the second failure on, an example, choices and a person.

    Args:
        dispatcher: Where the reply goes.
        tracker: The conversation (the failures at this step are counted from its events).
        slot: The step asked.
        slots: Current slot values.
        problem: The reason for this failure (the service's or the guard's), if known.

    Returns:
        Events that keep the step asked.
    """
    count = failures(tracker, slot)
    if count >= HELP_FROM:
        text, buttons = retry_help(slot, _label(slot), count)
        dispatcher.utter_message(text=f"{problem}\n{text}" if problem else text, buttons=buttons)
    elif problem:
        dispatcher.utter_message(text=problem)
    elif slot == CONFIRM_SLOT:
        dispatcher.utter_message(text="请回复“确认提交”，或直接告诉我要改哪一项，例如“手机号改成（新号码）”。")
    else:
        dispatcher.utter_message(text=f"没太明白。请告诉我{EXAMPLES.get(slot, _label(slot))}。")
    if kept_on_back(tracker, slot, slots):
        # gone back to it: the old value stays until a new one is taken (set again: a slot event, no rejection)
        return [SlotSet(slot, slots[slot]), SlotSet(REQUESTED, slot)]
    slots[slot] = None
    return [SlotSet(slot, None), SlotSet(REQUESTED, slot)]


def kept_on_back(tracker: Tracker, slot: str, slots: dict[str, Any]) -> bool:
    """The step holds a value because the user went back to it ("上一步"): kept until a new one is taken."""
    if slot not in BY_SLOT or slots.get(slot) in (None, "", []) or slot in tracker.slots_to_validate():
        return False  # a value of this turn (seeded, or just read) that failed is not kept
    return bool(tracker.get_slot(REQUESTED) == slot)


def drop_repeated(found: Extraction, slots: dict[str, Any]) -> None:
    """Values said again as they are stored, for other steps: nothing new, so a message of only those failed its step.

    "13873145566" again at the category's step would otherwise count as an answer and the same question follow.
    """
    requested = slots.get(REQUESTED)
    repeated = [s for s, v in found.values.items() if s in BY_SLOT and s != requested and slots.get(s) == v]
    for slot in repeated:
        del found.values[slot]
    if repeated and not found.values and requested in BY_SLOT and found.problem is None:
        said = "、".join(f"{BY_SLOT[s].label}（{display(s, slots[s])}）" for s in repeated)
        needed = EXAMPLES.get(str(requested), BY_SLOT[str(requested)].label)  # with its example
        found.problem = f"{said}已经记下了，不用再说。这一步要的是{needed}。"


def remind(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> None:
    """After a question or chit-chat at a step that went unanswered twice or more: what it needs, choices, a person.

    Said before the form asks the step again, so the reply is never the same prompt a third time.
    """
    if slot in (*BY_SLOT, CONFIRM_SLOT) and (count := failures(tracker, slot)) >= HELP_FROM:
        text, buttons = retry_help(slot, _label(slot), count, digressed=True)
        dispatcher.utter_message(text=text, buttons=buttons)


def _previous(slots: dict[str, Any]) -> str | None:
    """The last field answered before the one now asked (fields shared from records are not asked, so skipped)."""
    requested = slots.get(REQUESTED)
    order = [*FORM_SLOTS, CONFIRM_SLOT]
    end = order.index(requested) if requested in order else len(order)
    held = set(slots.get("held_fields") or [])
    derived = {"city", "county"} if slots.get("premises_address") else set()  # read from the address, not asked
    answered = [
        f.slot
        for f in FIELDS[:end]
        if slots.get(f.slot) not in (None, "", []) and f.service_field not in held and f.slot not in derived
    ]
    return answered[-1] if answered else None


def navigate(
    dispatcher: CollectingDispatcher,
    command: str,
    slots: dict[str, Any],
    text: str = "",
    items: list[str] | None = None,
) -> list[EventType]:
    """Go back (the previous field, or the one the message names) or start again (the items chosen kept).

    "返回上一步改一下身份证" goes back to the ID number with its old value shown and kept until a new one is given;
    "重新填" clears the values and
    says which items are kept (changed on request).

    Args:
        dispatcher: Where the reply goes.
        command: ``back`` or ``restart``.
        slots: Current slot values.
        text: The message (a field it names is the one to go back to).
        items: Items a restart names ("重新来，这次只办执照"): they replace the items chosen.

    Returns:
        Events clearing what is asked again and naming the next step.
    """
    if command == "restart":
        renamed = bool(items)
        items = items or slots.get("application_items")
        shown = display("application_items", items) if items else ""
        kept = f"要办的事项还是：{shown}，要换事项直接告诉我。" if items else ""
        kept = f"要办的事项改为：{shown}。" if renamed else kept
        dispatcher.utter_message(text=f"好的，之前填的信息已清空，我们从头重新填。{kept}")
        cleared = [slot for slot in FORM_SLOTS if not (items and slot == "application_items")]
        return [
            *(SlotSet(slot, None) for slot in (*cleared, CONFIRM_SLOT)),
            *([SlotSet("application_items", items)] if renamed else []),
            SlotSet(REQUESTED, "applicant_name" if items else "application_items"),
        ]
    requested = slots.get(REQUESTED)
    if command == "fix":
        return _fix(dispatcher, slots, text)
    named = next((slot for slot, words in FIELD_WORDS if words.search(text) and slots.get(slot) is not None), None)
    previous = named or _previous(slots)
    if previous is None:
        dispatcher.utter_message(text="这已经是第一步了。")
        return [SlotSet(str(requested), None), SlotSet(REQUESTED, requested)] if requested else []
    old = display(previous, slots[previous])
    dispatcher.utter_message(
        text=f"好的，回到上一步：{_label(previous)}（刚才填的是：{old}）。要改请直接告诉我新的，不改的话说“没问题”。"
    )
    # the old value stays until a new one is given: a correction of another field or "没问题" keeps it
    return [SlotSet(CONFIRM_SLOT, None), SlotSet(REQUESTED, previous)]


def _fix(dispatcher: CollectingDispatcher, slots: dict[str, Any], text: str) -> list[EventType]:
    """A field said to be wrong without its right value ("名字写错了", "电话不对"): that field asked now.

    Its old value is shown; once answered, the form goes on where it was (the summary, or the next empty step).
    """
    slot = next(slot for slot, words in FIELD_WORDS if words.search(text))
    if slots.get(slot) is None:
        dispatcher.utter_message(text=f"好的，请告诉我{EXAMPLES.get(slot, _label(slot))}。")
    else:
        old = display(slot, slots[slot])
        dispatcher.utter_message(
            text=f"好的，改一下{_label(slot)}（刚才填的是：{old}），请告诉我正确的{_label(slot)}。"
        )
    return [SlotSet(slot, None), SlotSet(CONFIRM_SLOT, None), SlotSet(REQUESTED, slot)]
