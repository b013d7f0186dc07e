"""``action_cancel_booking``: "不用刻章了" / "银行那个预约取消吧" cancels a seal or bank booking (issue 15).

For the same people as booking (``actions/after_filing/booking.py``): the verified WeChat owner (their newest
registration), or in a hotline call the caller the console verified. The service tells the provider through the booking
desk and keeps the cancelled booking in the progress view; the kind can be booked again afterwards.
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.after_filing.booking import DOWN, KIND_WORDS, NO_CALLER, NOTHING, own_registration
from actions.service_client import (
    Conflict,
    NotFound,
    Rejected,
    ServiceUnavailable,
    delete_json,
    get_json,
    tracker_headers,
)
from contract import gateway

BOTH = re.compile(r"都|两个|两项|全部|一起")
NONE_BOOKED = "您还没有预约刻章或银行开户，无需取消。需要时说“预约刻章和开户”。"
NOT_LOGGED_IN_TO_CANCEL = (
    "取消刻章或银行开户的预约需要先确认是您本人：请在微信小程序登录后再说“取消刻章预约”，或拨打12345热线。"
)
DESK_DOWN = "抱歉，预约系统暂时连不上，预约仍然有效，请稍后再说一次“取消预约”。"


def named_kinds(text: str) -> list[str]:
    """The kinds a message names: "不用刻章了" → ``["seal"]``; "两个预约都取消" names none (see :data:`BOTH`)."""
    return [kind for kind, words in KIND_WORDS.items() if re.search(words, text)]


def _which(text: str, kinds: list[dict[str, Any]]) -> list[dict[str, Any]] | str:
    """The kinds to cancel, or what to say instead (nothing booked, or which of two)."""
    booked = [k for k in kinds if k["booking"]]
    named = named_kinds(text)
    if named:
        return [k for k in kinds if k["kind"] in named]
    if not booked:
        return NONE_BOOKED
    if len(booked) == 1 or BOTH.search(text):
        return booked
    labels = "还是".join(k["label"] for k in booked)
    return f"您要取消{labels}的预约？请说“取消刻章预约”“取消银行开户预约”或“两个都取消”。"


async def _cancel(number: str, kind: dict[str, Any], headers: dict[str, str]) -> str:
    if not kind["booking"]:
        return f"{kind['label']}还没有预约，无需取消。"
    try:
        done = await delete_json(f"/api/v1/applications/{number}/bookings/{kind['kind']}", headers)
    except (Conflict, Rejected) as refused:
        return getattr(refused, "message", "") or f"{kind['label']}的预约暂时不能取消。"
    return (
        f"已取消{done['label']}预约（{done['provider_name']}，预约号{done['reference']}），并已通知该机构。"
        f"需要时说“预约刻章和开户”可以重新预约。"
    )


async def cancel_in(number: str, text: str, headers: dict[str, str]) -> str:
    """Cancel what the message names for application ``number`` (or ask which)."""
    options = await get_json(f"/api/v1/applications/{number}/bookings", headers)
    chosen = _which(text, options["kinds"])
    if isinstance(chosen, str):
        return chosen
    return "\n".join([await _cancel(number, kind, headers) for kind in chosen])


class ActionCancelBooking(Action):
    """Cancel the seal or bank booking of the user's own registered business (or of the verified caller's)."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_cancel_booking"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Cancel through the service, which tells the provider, and say what was cancelled."""
        from actions.application.application_actions import (
            staff_headers,  # here: it imports progress, which imports booking
        )

        headers = tracker_headers(tracker)
        text = str(tracker.latest_message.get("text") or "")
        staff = staff_headers(tracker)
        try:
            if staff:
                headers = {**headers, **staff}
                number = (await get_json("/api/v1/hotline/call/bookings", headers))["number"]
            elif gateway.OPENID_HEADER not in headers:
                dispatcher.utter_message(text=NOT_LOGGED_IN_TO_CANCEL)
                return []
            else:
                number = await own_registration(headers)
            reply = await cancel_in(number, text, headers) if number else NOTHING
        except NotFound:
            reply = NO_CALLER if staff else DOWN
        except ServiceUnavailable:
            reply = DESK_DOWN
        dispatcher.utter_message(text=reply)
        return []
