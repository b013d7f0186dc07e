"""Booking the seal and the bank after the licence, and confirming 免申即享 offers, through the actions (issue 15).

Against the real service: 赵新 (real-name bound to ``dev_zhaoxin``) files a business registration from the mini
program; before the licence the bot says bookings open later; once market regulation finishes the task, the bot
lists engravers and bank branches near the premises and "刻章选1，银行选2" books both at once. 王芳 (registered
unemployed, a business since 2024) is shown the benefits her records prove and confirms them in one message.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.after_filing.booking import ActionBookServices, choices
from actions.after_filing.offers import ActionConfirmOffers
from actions.progress.progress import ActionShowProgress
from actions.service_client import gateway_headers
from tests.actions.conftest import make_tracker, user_event
from tests.service.factories import registration_form

MARKET_KEY = {"X-Department-Key": "dev-market-regulation-key"}  # data/department_keys.example.yml


def call_service(method: str, url: str, headers: dict[str, str], body: dict[str, Any] | None = None) -> Any:
    """One JSON request to the real service (the tests' setup steps: filing, a department, staff)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={**headers, "Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


async def _say(action: Action, sender: str, text: str, intent: str, channel: str = "miniprogram") -> str:
    tracker = make_tracker([user_event(text, intent, channel=channel)])
    tracker.sender_id = sender
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


def test_choices_are_read_from_one_message() -> None:
    assert choices("刻章选1，银行选2") == {"seal": 1, "bank": 2}
    assert choices("银行选第三个，刻章就选第一个") == {"seal": 1, "bank": 3}
    assert choices("预约刻章和开户") == {}


async def test_the_seal_and_the_bank_are_booked_together_once_the_licence_is_issued(service_url: str) -> None:
    sender = "wechat:dev_zhaoxin"
    form = registration_form("长沙市开福区芙蓉中路一段100号", "开福区")
    filed = call_service("POST", f"{service_url}/api/v1/applications", gateway_headers(sender, "miniprogram"), form)
    book = ActionBookServices()
    before = await _say(book, sender, "预约刻章和开户", "book_services")
    assert "营业执照办结后" in before
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        call_service("POST", f"{service_url}/api/v1/department/tasks/{task}/{action}", MARKET_KEY, {})
    listed = await _say(book, sender, "营业执照下来了，帮我约刻章和开户", "book_services")
    assert "1. 开福区公安备案刻章中心" in listed  # the premises' county first
    assert "经营者身份证号码" in listed and "刻章选1，银行选2" in listed
    booked = await _say(book, sender, "刻章选1，银行选2", "book_services")
    assert "刻章已预约：开福区公安备案刻章中心" in booked and "银行开户已预约：" in booked
    assert booked.count("预约号") == 2 and "我们只向它提供了" in booked
    progress = call_service(
        "GET", f"{service_url}/api/v1/applications/{filed['number']}/bookings", {"X-Id-Last6": "010024"}
    )
    shown = {k["kind"]: k["booking"]["provider_name"] for k in progress["kinds"]}
    assert shown["seal"] == "开福区公安备案刻章中心" and shown["bank"]
    again = await _say(book, sender, "预约刻章和开户", "book_services")
    assert "刻章已预约" in again and "请回复您的选择" not in again
    tracker = make_tracker(
        [user_event("查进度", "check_progress", channel="rest")],
        slots={"progress_number": filed["number"], "progress_id_last6": "010024"},
    )
    tracker.sender_id = "web:progress-of-zhaoxin"
    dispatcher = CollectingDispatcher()
    await ActionShowProgress().run(dispatcher, tracker, {})
    progress_reply = str(dispatcher.messages[0]["text"])
    assert "市场监督管理部门" in progress_reply and "刻章已预约：开福区公安备案刻章中心" in progress_reply


async def test_nobody_books_for_an_anonymous_chat(service_url: str) -> None:
    said = await _say(ActionBookServices(), "web:visitor", "刻章选1，银行选2", "book_services", channel="rest")
    assert "微信小程序登录" in said


async def test_offers_are_shown_with_the_reason_and_confirmed_in_one_message(service_url: str) -> None:
    confirm = ActionConfirmOffers()
    sender = "wechat:dev_wangfang"
    shown = await _say(confirm, sender, "我有哪些免申即享的待遇", "accept_offer")
    assert "创业补贴申领" in shown and "5000元" in shown and "确认领取，账户" in shown
    asked = await _say(confirm, sender, "免申即享是不是系统推给我，我点个确认就行", "accept_offer")
    assert "根据共享数据" in asked and "已为您一键申领" not in asked  # a question confirms nothing
    filed = await _say(confirm, sender, "确认领取，账户6222020200112233445", "accept_offer")
    assert "已为您一键申领" in filed and "创业补贴申领" in filed and "申请编号CY" in filed
    assert "没有待您确认" in await _say(confirm, sender, "确认领取", "accept_offer")
    anonymous = await _say(confirm, "web:visitor", "确认领取", "accept_offer", channel="rest")
    assert "实名认证" in anonymous
