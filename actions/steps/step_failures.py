"""How many messages in a row failed to answer a form step: the one count every form's re-prompts read.

Every message said while a step is asked that fills nothing counts for that step, whatever it was: an unreadable
or refused value, "不知道", a question the form answered, chit-chat the rules answered before the form asked again.
A message that sets a field (the step's, or another's ahead of its question, corrected, or left to the bot) does not
count.
The count starts afresh when the step is asked anew (another step asked in between, the step answered, the form
(re)started); a value for the step refused while another step was asked is the message that had it asked
(:func:`refused_opening`), which the application form counts as the field's first failure. From the second such
message on, each form's re-prompt says exactly what it needs with an example, its choices and a person, alternating
its wording (:data:`HELP_FROM`), so no prompt is said three times in a row.

The count is read from the conversation's events, so it needs no bookkeeping slot and sees the turns a form did
not handle itself (a digression is answered by a rule; the form only resumes afterwards).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from rasa_sdk import Tracker

REQUESTED = "requested_slot"
HELP_FROM = 2  # the failed message from which the re-prompt gives the example, the choices and a person
# How a re-prompt after a question or chit-chat leads back to the step (alternating with the count).
BACK_TO_STEP = ("我们回到这一步", "接着刚才这一步")
# How a re-prompt after a value not taken opens: the application form's, the eligibility and progress forms'.
NOT_TAKEN = ("还是没能填上", "这一项还差一点")
NOT_RECOGNISED = ("这一步还差一点。", "还是没能识别您的回答。")
# Every full re-prompt (what is needed, an example, choices, a person) opens with one of these.
REPROMPT_LEADS = (*BACK_TO_STEP, *NOT_TAKEN, *NOT_RECOGNISED)


def back_lead(failures: int) -> str:
    """The lead back to the step after ``failures`` messages that answered nothing, alternating ("我们回到这一步")."""
    return BACK_TO_STEP[failures % 2]


def failures_at(tracker: Tracker, slot: str, fills: Collection[str] = ()) -> int:
    """The messages since ``slot`` was last asked afresh that filled nothing, the latest message included.

    Inside a form's validation of the latest message that message has filled nothing yet, so the count is the
    failures including it when it fails too; in a prompt asked after the validation, the same.

    Args:
        tracker: The conversation (its events are read).
        slot: The step asked.
        fills: The form's fields: a message that set any other of them (or a value of ``slot``) is no failure.

    Returns:
        How many messages in a row did not answer the step.
    """
    return _count(list(tracker.events), slot, set(fills) | {slot})


def refused_opening(tracker: Tracker, slot: str, fills: Collection[str] = ()) -> str | None:
    """The message that had ``slot`` asked when its value in it was refused at another step, else ``None``.

    "身份证4301021990" while the name is asked: the ID is refused and asked next; that message is the field's first
    failure, though it was said at another step, so a second wrong ID gets the example and a person (failures are
    counted per field, issue 12 "No loops"). A refusal is the field cleared in that message's turn while it was empty
    before (a correction or "身份证写错了" clears a filled field); the caller rules out commands by the text returned.

    Args:
        tracker: The conversation (its events are read).
        slot: The step asked.
        fills: The form's fields (as for :func:`failures_at`).

    Returns:
        The text of that message, or ``None`` when the run of the step began otherwise.
    """
    events = list(tracker.events)
    _, opener = _run(events, slot, set(fills) | {slot})
    if opener is None:
        return None
    turn_end = next((i for i in range(opener + 1, len(events)) if events[i].get("event") == "user"), len(events))
    cleared = any(_sets(event, slot) and event.get("value") is None for event in events[opener + 1 : turn_end])
    earlier = next((event for event in reversed(events[:opener]) if _sets(event, slot) or _started(event)), None)
    empty_before = earlier is None or _started(earlier) or earlier.get("value") in (None, "", [])
    return str(events[opener].get("text") or "") if cleared and empty_before else None


def _sets(event: dict[str, Any], slot: str) -> bool:
    return event.get("event") == "slot" and event.get("name") == slot


def _started(event: dict[str, Any]) -> bool:
    return event.get("event") == "active_loop" and bool(event.get("name"))


def _count(events: list[dict[str, Any]], slot: str, fills: set[str]) -> int:
    return _run(events, slot, fills)[0]


def _run(events: list[dict[str, Any]], slot: str, fills: set[str]) -> tuple[int, int | None]:
    """The failed messages of the step's current run, and the index of the message that had it asked, if any."""
    counted = 0  # failed messages after the earliest "asked" of this run seen so far
    failed_since = 0  # failed messages seen walking back
    filled = False  # a value was set after the user message being looked at (before the next one)
    latest_user: int | None = None  # the user message after the event looked at (the earliest seen walking back)
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        kind = event.get("event")
        if kind == "active_loop":
            return failed_since, None  # the form (re)started: every message since belongs to this run
        if kind == "user":
            failed_since += 0 if filled else 1
            filled = False
            latest_user = index
            continue
        if kind != "slot":
            continue
        name, value = event.get("name"), event.get("value")
        if name == REQUESTED:
            if value != slot:
                return counted, latest_user  # another step (or none) was asked before: the run starts after it
            counted = failed_since
        elif name == slot and value is not None:
            return failed_since, None  # answered earlier, asked again since ("上一步"): the run starts after it
        elif name in fills and name != slot:
            filled = True  # another field set (a value ahead, a correction, the category left to the bot)
    return failed_since, None


def reprompted_this_turn(tracker: Tracker) -> bool:
    """Whether a full re-prompt of a step was said since the user's latest message (the step's question then is not).

    Args:
        tracker: The conversation (its events are read back to the latest user message).
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and any(lead in str(event.get("text") or "") for lead in REPROMPT_LEADS):
            return True
    return False
