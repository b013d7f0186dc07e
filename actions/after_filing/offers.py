"""``action_confirm_offers``: 免申即享 offers the user was told about, confirmed in one step (issue 15).

Only for a person the service identifies (a real-name authenticated WeChat user, or a caller hotline staff
verified); the ID number and phone come from the records, never from the chat. The subsidy is paid to the
business's account: "确认领取，账户6222…" gives it in the same message.
"""

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.application_actions import staff_headers
from actions.service_client import (
    Conflict,
    NotFound,
    Rejected,
    ServiceRefused,
    ServiceUnavailable,
    get_json,
    post_json,
    tracker_headers,
)

ACCOUNT = re.compile(r"(?<!\d)\d{8,30}(?!\d)")
CONFIRM = re.compile(r"确认|领取|申领|同意|领了|要领")
QUESTION = re.compile(r"[?？吗]|是不是|怎么|什么|哪些|能不能|可不可以")  # a question about the offers only shows them
NONE_OPEN = "目前没有待您确认的免申即享待遇。想看看自己还能享受哪些扶持，可以说“帮我看看我能享受哪些扶持”。"
DOWN = "抱歉，系统暂时连不上，请稍后再试，或拨打12345热线。"


def offers_text(offers: list[dict[str, str]]) -> str:
    """The open offers with why, and how to confirm them."""
    lines = ["根据共享数据，您可以免申即享："]
    lines += [f"{i}. {offer['name']}：{offer['reason']}" for i, offer in enumerate(offers, start=1)]
    needs_account = any("bank_account" in offer["needs"] for offer in offers)
    tail = "回复“确认领取，账户＋经营主体的银行账号”" if needs_account else "回复“确认领取”"
    return "\n".join(lines) + f"\n无需填表，{tail}即可一键申领。"


async def _confirm(text: str, offers: list[dict[str, str]], headers: dict[str, str]) -> str:
    account = ACCOUNT.search(text)
    missing_account = any("bank_account" in o["needs"] for o in offers) and account is None
    if not CONFIRM.search(text) or QUESTION.search(text) or missing_account:
        return offers_text(offers)
    body = {"bank_account": account.group(0)} if account else {}
    try:
        application = await post_json("/api/v1/me/offers/confirm", body, headers)
    except Rejected as rejected:
        return "还不能申领：" + ("；".join(e["message"] for e in rejected.errors) or rejected.message)
    except Conflict:
        return NONE_OPEN
    except (ServiceRefused, NotFound):
        return "共享数据暂时无法确认您的条件，请按一般流程申请，或说“转人工”。"
    names = "、".join(item["name"] for item in application["items"])
    return f"已为您一键申领：{names}。申请编号{application['number']}，可随时说“查进度”或在“我的申请”查看办理情况。"


async def reply(text: str, headers: dict[str, str]) -> str:
    """The answer to a confirmation (or a question about the offers) from the caller of ``headers``."""
    try:
        mine = await get_json("/api/v1/me/offers", headers)
        if not mine["identified"]:
            return str(mine["note"])
        if not mine["offers"]:
            return NONE_OPEN
        return await _confirm(text, mine["offers"], headers)
    except ServiceUnavailable:
        return DOWN


class ActionConfirmOffers(Action):
    """Confirm the open offers (with a bank account when the subsidy needs one), or show them."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_confirm_offers"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """One confirmation files every open offer as one application; the answer gives its number."""
        text = str(tracker.latest_message.get("text") or "")
        headers = {**tracker_headers(tracker), **staff_headers(tracker)}  # a caller staff verified in a hotline call
        dispatcher.utter_message(text=await reply(text, headers))
        return []
