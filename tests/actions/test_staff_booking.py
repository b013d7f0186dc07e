"""Hotline staff book the seal and the bank for a verified caller through the bot (issue 15), against the real service.

zhangsan files for a caller without WeChat (代办), verifies them in the console during the call, and market
regulation issues the licence. Typed in the call, "帮他预约刻章和银行开户" lists the providers near the premises and
"刻章选1，银行选2" books both, as zhangsan; before anyone is verified in the call the bot asks for the verification.
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.after_filing.booking import ActionBookServices
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_booking import call_service
from tests.service.factories import make_id, registration_form

MARKET_KEY = {"X-Department-Key": "dev-market-regulation-key"}  # data/department_keys.example.yml
STAFF = {"username": "zhangsan", "password": "staff-dev-pass"}  # data/staff_accounts.example.yml
ADMIN = {"username": "admin", "password": "admin-dev-pass"}
CALLER = make_id(sequence="083")


async def _typed_in_call(call: dict[str, str], text: str) -> str:
    """What the bot answers ``text`` typed by zhangsan in the call (the hotline channel's staff claim attached)."""
    tracker = make_tracker([user_event(text, "book_services", channel="hotline")])
    tracker.sender_id = call["conversation_id"]
    tracker.latest_message["metadata"] = {"hotline": {"staff_id": "zhangsan", "call_id": call["call_id"]}}
    dispatcher = CollectingDispatcher()
    await ActionBookServices().run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


async def test_staff_book_both_for_the_caller_verified_in_the_call(service_url: str) -> None:
    console = {
        "Authorization": "Bearer " + call_service("POST", f"{service_url}/api/v1/staff/login", {}, STAFF)["token"]
    }
    call = call_service("POST", f"{service_url}/api/v1/hotline/calls", console, {})
    assert "核验来电人" in await _typed_in_call(call, "帮他预约刻章和银行开户")  # nobody verified in this call yet
    form = {
        **registration_form("长沙市开福区芙蓉中路一段100号", "开福区"),
        "id_number": CALLER,
        "applicant_name": "孙立",
    }
    filed = call_service(
        "POST", f"{service_url}/api/v1/hotline/applications", {**console, "Idempotency-Key": CALLER}, form
    )
    lookup = {"number": filed["number"], "id_last6": CALLER[-6:], "call_id": call["call_id"]}
    call_service("POST", f"{service_url}/api/v1/hotline/lookup", console, lookup)
    assert "营业执照办结后" in await _typed_in_call(call, "帮他预约刻章和银行开户")
    task = next(d["task_id"] for d in filed["departments"] if d["department_code"] == "market_regulation")
    for action in ("accept", "finish"):
        call_service("POST", f"{service_url}/api/v1/department/tasks/{task}/{action}", MARKET_KEY, {})
    listed = await _typed_in_call(call, "帮他预约刻章和银行开户")
    assert f"申请{filed['number']}" in listed and "1. 开福区公安备案刻章中心" in listed
    booked = await _typed_in_call(call, "刻章选1，银行选2")
    assert "刻章已预约：开福区公安备案刻章中心" in booked and "银行开户已预约：" in booked
    bookings = call_service(
        "GET", f"{service_url}/api/v1/applications/{filed['number']}/bookings", {"X-Id-Last6": CALLER[-6:]}
    )
    assert all(k["booking"] for k in bookings["kinds"])
    admin = {"Authorization": "Bearer " + call_service("POST", f"{service_url}/api/v1/staff/login", {}, ADMIN)["token"]}
    audit = call_service("GET", f"{service_url}/api/v1/staff/audit?limit=200", admin)
    # Only this application's bookings: other tests' applicants book on the same service.
    created = [e for e in audit if e["action"] == "booking.created" and e["details"].get("number") == filed["number"]]
    assert len(created) == 2 and {e["actor"] for e in created} == {"staff:zhangsan"}
