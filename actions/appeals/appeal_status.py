"""``appeal_status_form`` (诉求 number + last 4 digits of the phone left) and ``action_show_appeal_status``.

A verified WeChat / mini-program user who filed it is shown it without digits. A wrong verification keeps the
number and asks for the digits again; from the second failure the reply offers a person, after the third the bot
stops asking (as the progress form does). Once closed, the status shows the result.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.appeal_reading import appeal_number
from actions.appeals.appeals import has_openid
from actions.application.form_extraction import just_heard_user
from actions.conversation.messages import LIGHT_WORDS, LIGHTS
from actions.conversation.replies import answer_question, is_question
from actions.service_client import (
    NotFound,
    ServiceError,
    ServiceUnavailable,
    TooManyAttempts,
    get_json,
    post_json,
    tracker_headers,
)
from contract import gateway
from contract.phones import BARE_MOBILE

NUMBER_SLOT = "appeal_status_number"
CHECK_SLOT = "appeal_status_check"
LAST4 = re.compile(r"(?<![\dA-Za-z])\d{4}(?![\dA-Za-z])")
PHONE = BARE_MOBILE
MAX_RETRIES = 2
NOT_MATCHED = (
    "没有查到与该编号和电话后4位都匹配的诉求。编号没错的话，请再发一次登记时所留电话的后4位；编号有误请发正确的编号。"
)
GIVE_UP = "还是没有对上。为保护您的信息，我这边先不再重试了：请说“转人工”由工作人员核实后帮您查询，或拨打12345热线。"
FORGOT = re.compile(r"忘了|忘记|不记得|找不到|没记")
WHERE_NUMBER = (
    "诉求编号是SQ开头加14位数字，在登记成功时我回复的那条消息里（“…已登记，编号SQ…”）。"
    "实在找不到，可以说“转人工”，工作人员核实您的身份后帮您查询。"
)


def _check(text: str) -> str | None:
    """The last 4 digits of the phone: from a full phone number, or 4 digits standing alone."""
    if full := PHONE.search(text):
        return full.group(0)[-4:]
    match = LAST4.search(re.sub(r"SQ\s*\d+", " ", text, flags=re.IGNORECASE))
    return match.group(0) if match else None


def _day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def status_text(appeal: dict[str, Any]) -> str:
    """The 诉求's state for its owner: status with light and time limit, staff replies, the result once closed."""
    head = f"{appeal.get('kind_label') or '诉求'}编号 {appeal['number']}（{appeal.get('category_label') or '其他'}）："
    head += str(appeal.get("status_label") or appeal.get("status"))
    if appeal.get("status") == "closed":
        text = head + f"。\n办理结果：{appeal.get('result') or '（未填写）'}"
    else:
        light = appeal.get("light")
        text = f"{LIGHTS.get(light or '', '⚪')} {head}；时限{appeal.get('time_limit_days')}个工作日，"
        text += f"{_day(str(appeal['due_date']))}前答复" if appeal.get("due_date") else "按时限答复"
        text += f"（{LIGHT_WORDS[light]}）。" if light in LIGHT_WORDS else "。"
    result = str(appeal.get("result") or "")
    replies = [r for r in appeal.get("replies") or [] if not (result and result in str(r.get("text") or ""))]
    if replies:
        text += "\n工作人员答复：" + "；".join(str(r.get("text") or "") for r in replies[-3:])
    return text


class ValidateAppealStatusForm(FormValidationAction):
    """Reads the number and the phone digits, in any order, in one message or two."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "validate_appeal_status_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Fill what the message gives; a logged-in owner needs no digits; a question is answered."""
        requested = tracker.get_slot("requested_slot")
        reading = just_heard_user(tracker) or (requested is None and _opened_by_router(tracker))
        text = str(tracker.latest_message.get("text") or "") if reading else ""
        number = appeal_number(text) or tracker.get_slot(NUMBER_SLOT)
        check = _check(text) if number else None
        check = tracker.get_slot(CHECK_SLOT) or check
        if requested is not None and not appeal_number(text) and not check and FORGOT.search(text):
            dispatcher.utter_message(text=WHERE_NUMBER)
            return [SlotSet(NUMBER_SLOT, None), SlotSet("requested_slot", None)]
        if requested is not None and text and not appeal_number(text) and not _check(text) and is_question(text):
            answered = await answer_question(dispatcher, tracker, domain)
            return [*answered, SlotSet(NUMBER_SLOT, number), SlotSet("requested_slot", requested)]
        if not number and requested is None:
            if has_openid(tracker) and (own := await own_appeals(tracker)):
                dispatcher.utter_message(text="\n\n".join(status_text(a) for a in own[:3]))
                return [SlotSet(NUMBER_SLOT, None), SlotSet("requested_slot", None)]
            number = tracker.get_slot("last_appeal_number")  # the one filed in this conversation
        if number and not check and has_openid(tracker):
            check = "owner"  # the service knows the logged-in user who filed it
        events: list[EventType] = [
            SlotSet(slot, value) for slot, value in ((NUMBER_SLOT, number), (CHECK_SLOT, check)) if value
        ]
        if (requested == NUMBER_SLOT and not number) or (requested == CHECK_SLOT and not check):
            events.append(SlotSet(str(requested), None))  # a failed answer: asked again with more help
        next_slot = NUMBER_SLOT if not number else CHECK_SLOT if not check else None
        return [*events, SlotSet("requested_slot", next_slot)]


class ActionShowAppealStatus(Action):
    """Ask the service for the 诉求 and show it; a wrong verification gets the same answer as an unknown number."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_show_appeal_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Show the status, or ask again (twice), then hand over to a person or the hotline."""
        number, check = tracker.get_slot(NUMBER_SLOT), tracker.get_slot(CHECK_SLOT)
        forget = [SlotSet(NUMBER_SLOT, None), SlotSet(CHECK_SLOT, None)]
        if not number or not check:
            return forget
        body = {} if check == "owner" else {"phone_last4": check}
        try:
            appeal = await post_json(f"/api/v1/appeals/{number}/status", body, tracker_headers(tracker))
        except NotFound:
            failures = _failures(tracker) + 1
            if failures > MAX_RETRIES or (check == "owner" and failures > 1):
                dispatcher.utter_message(text=GIVE_UP)
                return forget
            extra = "\n多次没对上的话，可以说“转人工”，或拨打12345热线。" if failures >= 2 else ""
            dispatcher.utter_message(text=NOT_MATCHED + extra)
            return [SlotSet(CHECK_SLOT, None), FollowupAction("appeal_status_form")]
        except TooManyAttempts as limited:
            minutes = max(1, (limited.retry_after + 59) // 60)
            dispatcher.utter_message(text=f"验证失败次数过多，请{minutes}分钟后再查询，或说“转人工”由工作人员协助。")
            return forget
        except ServiceError:
            dispatcher.utter_message(text="抱歉，诉求查询系统暂时连不上，请稍后再试，或拨打12345热线查询。")
            return forget
        dispatcher.utter_message(text=status_text(appeal))
        return [*forget, SlotSet("last_appeal_number", number)]


def _opened_by_router(tracker: Tracker) -> bool:
    """The form was opened by ``action_route_appeal`` for the latest message (which is still to be read)."""
    for event in reversed(tracker.events):
        name = str(event.get("name") or "")
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and name != "action_extract_slots" and not name.endswith("_form"):
            return name in ("action_route_appeal", "action_route_progress", "action_handle_low_confidence")
    return False


def _failures(tracker: Tracker) -> int:
    """Wrong verifications in a row in this conversation (the bot's "not matched" replies since the last result)."""
    count = 0
    for event in reversed(tracker.events):
        text = str(event.get("text") or "") if event.get("event") == "bot" else ""
        if text.startswith(NOT_MATCHED[:12]):
            count += 1
        elif "编号 SQ" in text or text.startswith(GIVE_UP[:8]):
            break
    return count


async def own_appeals(tracker: Tracker) -> list[dict[str, Any]]:
    """A logged-in user's own 诉求, newest first (empty for anyone else)."""
    headers = tracker_headers(tracker)
    if gateway.OPENID_HEADER not in headers:
        return []
    try:
        return list((await get_json("/api/v1/me/appeals", headers)).get("appeals") or [])
    except (ServiceUnavailable, NotFound):
        return []
