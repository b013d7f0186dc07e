"""What the complaint form does besides reading answers: moving between steps, leaving the category, verifying.

Used by ``validate_appeal_form`` (:mod:`actions.appeals.appeal_form`): "上一步" and "重新填" move around; "类别随便归"
leaves the category to the bot; the application a complaint concerns is verified with the ID digits as the progress
form does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_answers import LABELS, NOT_LINKED
from actions.appeals.appeal_prompts import CATEGORY_KEPT, CATEGORY_LATER
from actions.appeals.appeal_reading import numbers_shortened, the_application
from actions.appeals.appeals import CHANNEL, FORM_SLOTS, NONE
from actions.service_client import NotFound, TooManyAttempts, post_json, tracker_headers
from contract.masking import mask_phone

REQUESTED = "requested_slot"


def category_left(dispatcher: CollectingDispatcher, slots: dict[str, Any], requested: str | None) -> list[EventType]:
    """The category left to the bot: the proposal stands (at the summary) or is made later; the step goes on."""
    if requested != "appeal_confirm":
        dispatcher.utter_message(text=CATEGORY_LATER)
        return [SlotSet("appeal_category", slots.get("appeal_category")), SlotSet(REQUESTED, requested)]
    label = (slots.get("appeal_category") or {}).get("label") or "其他与意见建议"
    dispatcher.utter_message(
        text=CATEGORY_KEPT.format(label=label), buttons=[{"title": "确认提交", "payload": "确认提交"}]
    )
    return [SlotSet("appeal_confirm", None), SlotSet(REQUESTED, requested)]


def navigate(
    dispatcher: CollectingDispatcher, command: str, slots: dict[str, Any], requested: str | None
) -> list[EventType]:
    """Clear everything ("重新填"), or ask the last answered step again showing its old value ("上一步")."""
    if command == "restart":
        dispatcher.utter_message(text="好的，已清空，我们重新来。")
        slots.update(dict.fromkeys(slots))
        return [SlotSet(s, None) for s in (*FORM_SLOTS, "appeal_category")]
    order = [s for s in FORM_SLOTS if s != "appeal_confirm"]
    end = order.index(requested) if requested in order else len(order)
    answered = [s for s in order[:end] if slots.get(s) not in (None, NONE, CHANNEL)]
    if not answered:
        dispatcher.utter_message(text="这已经是第一步了。")
        return [SlotSet("appeal_category", slots.get("appeal_category")), SlotSet(REQUESTED, requested)]
    previous = answered[-1]
    old = numbers_shortened(str(slots[previous]))[:40]
    if previous == "appeal_contact":
        old = mask_phone(old)
    elif previous == "appeal_application":
        old = the_application(old)
    dispatcher.utter_message(text=f"好的，回到上一步：{LABELS[previous]}（刚才填的是：{old}），请重新告诉我。")
    return [SlotSet(previous, None), SlotSet("appeal_confirm", None), SlotSet(REQUESTED, previous)]


async def verify(
    dispatcher: CollectingDispatcher, tracker: Tracker, number: str, last6: str, fill: Callable[[str, Any], None]
) -> None:
    """Check the application number with the ID digits, as the progress form does (``fill`` sets a slot)."""
    try:
        ok = await verified(tracker, number, last6)
    except TooManyAttempts:
        dispatcher.utter_message(text="核实失败次数过多，为保护申请人信息，" + NOT_LINKED)
        fill("appeal_application", NONE)
        fill("appeal_id_last6", NONE)
        return
    if ok:
        dispatcher.utter_message(text=f"已核实{the_application(number)}，会一并转给处理人员。")
        return
    dispatcher.utter_message(
        text=f"{the_application(number)}的编号和身份证后6位没有对上。请再发一次申请人身份证号的后6位；编号有误请发正确的编号；"
        "不想关联申请就说“不关联”。"
    )
    fill("appeal_id_last6", None)


async def verified(tracker: Tracker, number: str, last6: str | None) -> bool:
    """Whether the application exists (and, with ``last6``, is the applicant's): the progress endpoint answers."""
    body = {"id_last6": last6} if last6 else {}
    try:
        await post_json(f"/api/v1/applications/{number}/progress", body, tracker_headers(tracker))
    except NotFound:
        return False
    return True
