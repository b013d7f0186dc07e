"""Cancelling the seal or the bank booking in conversation (issue 15), against the real service.

赵新 books both after the licence, then "不用刻章了" cancels the seal only: the bot says which booking was cancelled,
the service's progress view keeps it as cancelled, the progress reply says so, and the seal can be booked again.
"""

from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.after_filing.booking import ActionBookServices
from actions.after_filing.booking_cancel import ActionCancelBooking, named_kinds
from actions.service_client import gateway_headers
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_booking import MARKET_KEY, call_service
from tests.service.factories import registration_form

SENDER = "wechat:dev_zhaoxin"


async def _say(action: Action, text: str, intent: str, sender: str = SENDER, channel: str = "miniprogram") -> str:
    tracker = make_tracker([user_event(text, intent, channel=channel)])
    tracker.sender_id = sender
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


def test_the_kind_is_read_from_how_people_say_it() -> None:
    assert named_kinds("不用刻章了") == ["seal"]
    assert named_kinds("银行那个预约取消吧") == ["bank"]
    assert named_kinds("两个预约都取消") == []


async def test_the_seal_is_cancelled_the_bank_stays_and_progress_shows_both(service_url: str) -> None:
    form = registration_form("长沙市开福区芙蓉中路一段100号", "开福区")
    filed = call_service("POST", f"{service_url}/api/v1/applications", gateway_headers(SENDER, "miniprogram"), form)
    cancel = ActionCancelBooking()
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        call_service("POST", f"{service_url}/api/v1/department/tasks/{task}/{action}", MARKET_KEY, {})
    assert "还没有预约" in await _say(cancel, "预约取消掉", "cancel_booking")
    booked = await _say(ActionBookServices(), "刻章选1，银行选2", "book_services")
    assert booked.count("预约号") == 2
    asked = await _say(cancel, "预约取消掉", "cancel_booking")
    assert "刻章还是银行开户" in asked  # two bookings and neither named: which one
    said = await _say(cancel, "不用刻章了", "cancel_booking")
    assert "已取消刻章预约（开福区公安备案刻章中心" in said and "已通知该机构" in said
    assert "银行" not in said
    progress = call_service(
        "GET", f"{service_url}/api/v1/applications/{filed['number']}/bookings", {"X-Id-Last6": "010024"}
    )
    kinds = {k["kind"]: k for k in progress["kinds"]}
    assert kinds["seal"]["booking"] is None and kinds["seal"]["cancelled"]["cancelled_by"] == "applicant"
    assert kinds["bank"]["booking"]["reference"]
    shown = await _say(ActionBookServices(), "预约刻章和开户", "book_services")
    assert "刻章预约已取消" in shown and "银行开户已预约" in shown and "刻章（可选" in shown
    assert "还没有预约" in await _say(cancel, "刻章那个不约了", "cancel_booking")


async def test_nobody_cancels_for_an_anonymous_chat(service_url: str) -> None:
    said = await _say(ActionCancelBooking(), "银行那个预约取消吧", "cancel_booking", "web:visitor", "rest")
    assert "微信小程序登录" in said
