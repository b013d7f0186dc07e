"""The complaint form's next step: what does not apply is skipped, an application verified, a category proposed.

Used by ``validate_appeal_form`` (:mod:`actions.appeals.appeal_form`) after a message has been read. A submit word
("直接交", "就这么交吧", "…，提交吧") files at once at any step once what happened and a contact are given: where
and when stays 未说明 and no application is linked (docs/decisions.md, "A complaint the user tells to file as it is").
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_answers import AS_IS, NOT_GIVEN
from actions.appeals.appeal_moves import verified, verify
from actions.appeals.appeal_prompts import filed_as
from actions.appeals.appeal_reading import ABOUT_APPLICATION, NO_NUMBER
from actions.appeals.appeals import CHANNEL, FORM_SLOTS, NONE, SUGGESTION, categories, classify, has_openid
from actions.application.form_guard import SUBMIT

REQUESTED = "requested_slot"
# Steps a complaint may be filed without: where and when (未说明), the application it concerns (not linked).
MAY_STAY_OPEN = ("appeal_place_time", "appeal_application", "appeal_id_last6")
# "…，提交吧", "确认提交" closing a message: filing now at any step ("交上去一个月没人管" is no submit word).
SUBMIT_AT_END = re.compile(
    r"(?:^|[，,。！!\s])(?:请|麻烦)?(?:帮我)?(?:确认)?提交(?:吧|一下|就行|就好|了吧)?[。.！!~～]*$"
)


def submits_now(requested: str | None, text: str) -> bool:
    """Whether the message asks to file now: any submit word at a step that may stay open, a closing one elsewhere."""
    if requested in MAY_STAY_OPEN and SUBMIT.search(text):
        return True
    return requested is not None and bool(AS_IS.search(text) or SUBMIT_AT_END.search(text))


async def proposal(slots: dict[str, Any], description: str) -> dict[str, Any]:
    """The category proposed at the summary: the one set when the form opened (a suggestion's), else the service's."""
    code = (slots.get("appeal_category") or {}).get("category")
    if chosen := next((c for c in await categories() if code and c.get("code") == code), None):
        return {"category": code, "label": chosen["label"], "matched": [], "alternatives": []}
    return await classify(f"{description} {slots.get('appeal_place_time') or ''}")


async def plan(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    slots: dict[str, Any],
    fresh: set[str],
    submit_now: bool = False,
) -> list[EventType]:
    """Skip what does not apply, verify an application, propose a category; name the next step.

    Args:
        dispatcher: Where the replies go.
        tracker: The conversation.
        slots: The form's values (updated in place).
        fresh: Slots given in this turn (an application is verified only when its digits are new).
        submit_now: The user asked to file (:func:`submits_now`): with what happened and a contact given, the
            complaint is filed now (what is filed is shown), no summary to confirm again.
    """
    events: list[EventType] = []

    def fill(slot: str, value: Any) -> None:
        slots[slot] = value
        events.append(SlotSet(slot, value))

    if slots.get("appeal_contact") is None and has_openid(tracker):
        fill("appeal_contact", CHANNEL)
    description = str(slots.get("appeal_description") or "")
    suggestion = (slots.get("appeal_category") or {}).get("category") == SUGGESTION
    if suggestion and description and slots.get("appeal_place_time") is None:
        fill("appeal_place_time", NOT_GIVEN)  # "建议你们乡镇也设个窗口": no place or time something happened
    unlinked = not ABOUT_APPLICATION.search(description) or NO_NUMBER.search(description) or suggestion
    if description and slots.get("appeal_application") is None and (unlinked or submit_now):
        fill("appeal_application", NONE)  # "…，直接交": filed without linking one
    if submit_now and description and slots.get("appeal_contact") and slots.get("appeal_place_time") is None:
        fill("appeal_place_time", NOT_GIVEN)
    number, last6 = slots.get("appeal_application"), slots.get("appeal_id_last6")
    if number == NONE and last6 is None:
        fill("appeal_id_last6", NONE)
    elif number not in (None, NONE) and last6 in (None, NONE):
        if has_openid(tracker) and await verified(tracker, str(number), None):
            fill("appeal_id_last6", CHANNEL)  # the logged-in owner: nothing to ask
        elif last6 == NONE:
            fill("appeal_id_last6", None)
    elif number not in (None, NONE) and last6 != CHANNEL and fresh & {"appeal_application", "appeal_id_last6"}:
        await verify(dispatcher, tracker, str(number), str(last6), fill)
    next_slot = next((s for s in FORM_SLOTS if slots.get(s) is None), None)
    if next_slot == "appeal_confirm" and not (slots.get("appeal_category") or {}).get("label"):
        fill("appeal_category", await proposal(slots, description))
    if next_slot == "appeal_confirm" and submit_now:
        dispatcher.utter_message(text=filed_as(slots))
        fill("appeal_confirm", True)
        next_slot = None
    return [*events, SlotSet(REQUESTED, next_slot)]
