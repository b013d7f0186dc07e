"""What data sharing holds for an identified applicant (免提交), asked of the service when the ID number is taken.

Split from :mod:`actions.application.application_form` by concern. Only a real-name WeChat user bound to the ID
number, or a caller staff verified, hears what the shared data holds; anyone else hears nothing about records.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import staff_headers
from actions.service_client import Rejected, post_json, tracker_headers

IDENTIFIED_BY = {"realname": "已通过实名认证", "caller_verification": "来电人身份已由工作人员核验"}


def form_headers(tracker: Tracker) -> dict[str, str]:
    """Who asks the service about this form: the conversation (and a verified openid), and a hotline staff claim."""
    return {**tracker_headers(tracker), **staff_headers(tracker)}


async def prefill(
    dispatcher: CollectingDispatcher, id_number: str, slots: dict[str, Any], tracker: Tracker
) -> list[EventType]:
    """For an identified applicant, what data sharing holds and they need not fill or hand in (免提交).

    Anyone else hears nothing about records (the service looked nothing up) and is asked for every value.
    """
    body = {"id_number": id_number, "items": slots.get("application_items")}
    try:
        held = await post_json("/api/v1/prefill", body, form_headers(tracker))
    except Rejected:
        return [SlotSet("held_fields", None)]
    if not held.get("identified"):
        return [SlotSet("held_fields", None)]
    parts = [f"{f['label']}（{f['source']}）" for f in held["fields"] if f["field"] != "first_time_founder"]
    materials = "、".join(m["name"] for m in held["materials"])
    who = IDENTIFIED_BY.get(str(held.get("identified_by")), IDENTIFIED_BY["realname"])
    text = f"{who}，以下信息由部门共享获取，无需提交：{materials}"
    text += f"；{'、'.join(parts)}也已从共享数据获取，不用再填。" if parts else "。"
    dispatcher.utter_message(text=text)
    return [SlotSet("held_fields", held["never_ask"])]
