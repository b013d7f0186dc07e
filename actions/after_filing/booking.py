"""``action_book_services``: after the licence, book seal engraving and a bank account at once (issue 15).

A logged-in WeChat user (the conversation's verified openid) sees, for each application whose business
registration is 已办结, the engravers and bank branches near the premises and what each would receive; "刻章选1，
银行选2" (or a provider's name) books both in one message, and only the chosen providers receive their fields.
In a hotline call ("帮他预约刻章和银行开户", typed by staff) the same flow acts for the caller the console verified
in that call, with the staff claim the hotline channel carries; the bookings are recorded as that staff member's.
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.service_client import (
    Conflict,
    NotFound,
    Rejected,
    ServiceError,
    ServiceUnavailable,
    get_json,
    post_json,
    tracker_headers,
)
from contract import gateway

REGISTRATION = "business_registration"
MAX_SHOWN = 5
KIND_WORDS = {"seal": r"刻章|印章|公章|章", "bank": r"银行|开户|账户"}
# A provider chosen ("刻章选1") or the booking asked for ("能帮我预约刻章吗"): never a question to answer first.
CHOICE = re.compile(r"选(?:第)?[一二两三四五1-5]|(?:帮|给)我?(?:预约|约)|(?:我要|我想|想要)预约")
NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
NOT_LOGGED_IN = (
    "预约刻章和银行开户需要先确认是您本人：请在微信小程序登录后，在“我的申请”里预约，"
    "或在小程序对话中说“预约刻章和开户”。"
)
NOTHING = "您还没有含经营主体登记注册的申请；营业执照办结后，这里可以同时预约刻章和银行开户。"
DOWN = "抱歉，预约系统暂时连不上，请稍后再试，或拨打12345热线。"
NO_CALLER = "请先在工作台“来电核验”中核验来电人（申请编号和身份证后6位），再说“帮他预约刻章和银行开户”。"


def choices(text: str) -> dict[str, int]:
    """The numbered choices in a message: "刻章选1，银行选第2个" → ``{"seal": 1, "bank": 2}``."""
    chosen: dict[str, int] = {}
    for kind, words in KIND_WORDS.items():
        match = re.search(rf"(?:{words})[^，,。；;\d一二两三四五]{{0,6}}([1-5一二两三四五])", text)
        if match:
            chosen[kind] = NUMERALS[match.group(1)]
    return chosen


def named(text: str, providers: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The provider whose name the message says, if any."""
    return next((p for p in providers if p["name"] in text), None)


def _list(kind: dict[str, Any]) -> str:
    lines = [f"{kind['label']}（可选{kind['provider_label']}）："]
    for index, provider in enumerate(kind["providers"][:MAX_SHOWN], start=1):
        lines.append(f"{index}. {provider['name']}（{provider['address']}，{provider['phone']}）")
    lines.append(f"选定后只提供给它：{'、'.join(kind['passed_fields'])}。")
    return "\n".join(lines)


def booked_text(booking: dict[str, Any]) -> str:
    """A booking as the user reads it."""
    text = (
        f"{booking['label']}已预约：{booking['provider_name']}（{booking['provider_address']}，"
        f"{booking['provider_phone']}），预约号{booking['reference']}。"
    )
    return text + (booking["note"] or "")


def cancelled_text(kind: dict[str, Any]) -> str:
    """A kind's cancelled booking as the user reads it ("" when none)."""
    cancelled = kind.get("cancelled")
    if not cancelled:
        return ""
    return f"{kind['label']}预约已取消（{cancelled['provider_name']}，预约号{cancelled['reference']}）。"


def options_text(number: str, options: dict[str, Any]) -> str:
    """What an application may book, what it booked, and how to choose."""
    if not options["available"]:
        return f"申请{number}：{options['note']}"
    parts = [f"申请{number}：{options['note']}"]
    parts += [booked_text(k["booking"]) if k["booking"] else cancelled_text(k) for k in options["kinds"]]
    parts = [part for part in parts if part]
    open_kinds = [k for k in options["kinds"] if not k["booking"] and k["providers"]]
    parts += [_list(k) for k in open_kinds]
    if open_kinds:
        parts.append("请回复您的选择，例如“刻章选1，银行选2”，两项可以同时预约。")
    return "\n\n".join(parts)


async def bookings_line(number: str, headers: dict[str, str]) -> str:
    """The seal and bank bookings of an application for its progress reply ("" when there is nothing to say)."""
    try:
        options = await get_json(f"/api/v1/applications/{number}/bookings", headers)
    except ServiceError:
        return ""
    if not options["available"]:
        return ""
    lines = [booked_text(k["booking"]) if k["booking"] else cancelled_text(k) for k in options["kinds"]]
    lines = [line for line in lines if line]
    waiting = [k["label"] for k in options["kinds"] if not k["booking"] and k["providers"]]
    if waiting:
        lines.append(f"营业执照已办结，{'和'.join(waiting)}可以同时预约：说“预约刻章和开户”。")
    return "\n" + "\n".join(lines) if lines else ""


async def _book(number: str, kind: dict[str, Any], provider: dict[str, Any], headers: dict[str, str]) -> str:
    try:
        made = await post_json(
            f"/api/v1/applications/{number}/bookings", {"kind": kind["kind"], "provider": provider["code"]}, headers
        )
    except (Conflict, Rejected) as refused:
        return getattr(refused, "message", "") or f"{kind['label']}暂时不能预约。"
    return booked_text(made) + f"我们只向它提供了：{'、'.join(kind['passed_fields'])}。"


async def book_or_show(number: str, text: str, headers: dict[str, str]) -> str:
    """Book what the message chooses for application ``number``, else show its choices."""
    path = f"/api/v1/applications/{number}/bookings"
    options = await get_json(path, headers)
    wanted = choices(text)
    said: list[str] = []
    for kind in options["kinds"] if options["available"] else []:
        if kind["booking"] or not kind["providers"]:
            continue
        index = wanted.get(kind["kind"])
        provider = named(text, kind["providers"]) or (
            kind["providers"][index - 1] if index and index <= len(kind["providers"][:MAX_SHOWN]) else None
        )
        if provider is not None:
            said.append(await _book(number, kind, provider, headers))
    if not said:
        return options_text(number, options)
    remaining = [k["label"] for k in (await get_json(path, headers))["kinds"] if not k["booking"] and k["providers"]]
    if remaining:
        said.append(f"{'、'.join(remaining)}也可以现在预约：说“预约刻章和开户”查看可选机构。")
    return "\n\n".join(said)


async def own_registration(headers: dict[str, str]) -> str | None:
    """The number of the WeChat user's newest application with a business registration, if any."""
    owned = (await get_json("/api/v1/me/applications", headers))["applications"]
    registering = [a for a in owned if any(i["code"] == REGISTRATION for i in a["items"])]
    return registering[0]["number"] if registering else None


async def for_caller(text: str, headers: dict[str, str]) -> str:
    """In a hotline call: show or book for the caller the console verified in this call (staff act for them)."""
    try:
        number = (await get_json("/api/v1/hotline/call/bookings", headers))["number"]
        return await book_or_show(number, text, headers)
    except NotFound:
        return NO_CALLER
    except ServiceUnavailable:
        return DOWN


class ActionBookServices(Action):
    """Show or book seal engraving and bank account opening for the user's own registered business."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_book_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """For the verified WeChat owner (their newest registration), or in a hotline call for the verified caller."""
        headers = tracker_headers(tracker)
        text = str(tracker.latest_message.get("text") or "")
        from actions.application.application_actions import (
            staff_headers,  # here: it imports progress, which imports this module
        )
        from actions.conversation import question_shape
        from actions.conversation.replies import answer_question

        if question_shape.is_question(text) and not (question_shape.is_request(text) or CHOICE.search(text)):
            await answer_question(dispatcher, tracker, domain)  # "刻章和开户怎么弄": the answer, then the booking

        staff = staff_headers(tracker)
        if staff:
            dispatcher.utter_message(text=await for_caller(text, {**headers, **staff}))
            return []
        if gateway.OPENID_HEADER not in headers:
            dispatcher.utter_message(text=NOT_LOGGED_IN)
            return []
        try:
            number = await own_registration(headers)
            dispatcher.utter_message(text=await book_or_show(number, text, headers) if number else NOTHING)
        except (ServiceUnavailable, NotFound):
            dispatcher.utter_message(text=DOWN)
        return []
