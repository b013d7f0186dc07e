"""Start, summary, submit and cancel of the one form, with tracker fixtures against the real bundle service."""

import re
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import (
    ActionAskConfirmSubmission,
    ActionCancelApplication,
    ActionSubmitApplication,
    staff_headers,
)
from actions.application.application_start import ActionStartApplication
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_application_form import FILLED, entity
from tests.service.factories import LI_MING, NEWCOMER, REALNAME_OPENIDS

NUMBER = re.compile(r"CY\d{14}")


async def run(action: Any, text: str, intent: str, slots: dict[str, Any], **kwargs: Any) -> tuple[str, dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, make_form_tracker(text, intent, slots, **kwargs), {})
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    for event in events:
        if event["event"] in ("active_loop", "followup"):
            set_slots[f"_{event['event']}"] = event.get("name")
    return "\n".join(m["text"] for m in dispatcher.messages), set_slots


async def test_start_seeds_the_form_from_the_message(service_url: str) -> None:
    text, slots = await run(
        ActionStartApplication(),
        "我是退役军人，想申请创业贷款15万",
        "start_application",
        {"applicant_name": "旧值"},
        entities=[entity("item", "guaranteed_loan"), entity("person_category", "veteran"), entity("amount", "150000")],
    )
    assert slots["application_items"] == ["guaranteed_loan"]
    assert slots["person_category"] == "veteran"
    assert slots["loan_amount"] == "150000"
    assert slots["applicant_name"] is None  # a new attempt forgets the old values
    assert slots["application_attempt"]
    assert "信息采集表" in text


async def test_start_resumes_a_paused_attempt(service_url: str) -> None:
    paused = {**FILLED, "application_paused": True, "application_attempt": "a1"}
    text, slots = await run(ActionStartApplication(), "继续申请", "start_application", paused)
    assert slots == {"application_paused": False, "offer_pending": False}
    assert "接着" in text


async def test_summary_masks_the_id_number_and_phone(service_url: str) -> None:
    text, _ = await run(ActionAskConfirmSubmission(), "成都", "inform", {**FILLED})
    assert NEWCOMER not in text and "430111********0024" in text
    assert "139****5678" in text and "13912345678" not in text
    assert "湘味米粉店" in text and "个体工商户" in text and "确认提交" in text


async def test_submit_files_once_and_shows_number_departments_and_checklist(service_url: str) -> None:
    slots = {**FILLED, "confirm_submission": True, "application_attempt": "attempt-1"}
    text, set_slots = await run(ActionSubmitApplication(), "确认提交", "affirm", slots, sender="submit-user")
    number = NUMBER.search(text)
    assert number, text
    assert "市场监督管理部门" in text and "3个工作日" in text
    assert "税务部门" in text and "1个工作日" in text
    assert "居民身份证明：免提交" in text
    assert "经营场所证明：需提交" in text
    assert set_slots["last_application_number"] == number.group(0)
    assert set_slots["id_number"] is None and set_slots["phone"] is None  # personal data forgotten

    again, _ = await run(ActionSubmitApplication(), "确认提交", "affirm", slots, sender="submit-user")
    assert NUMBER.search(again).group(0) == number.group(0)  # type: ignore[union-attr]  # retried: same filing


async def test_submit_refused_reopens_the_form_on_the_wrong_field(service_url: str) -> None:
    # 李明 himself, real-name authenticated in the mini program, typed another name: his records say it is wrong.
    slots = {**FILLED, "applicant_name": "李四", "id_number": LI_MING, "confirm_submission": True}
    sender = f"wechat:{REALNAME_OPENIDS[LI_MING]}"
    text, set_slots = await run(
        ActionSubmitApplication(), "确认", "affirm", slots, sender=sender, channel="miniprogram"
    )
    assert "姓名" in text and "不一致" in text
    assert set_slots["applicant_name"] is None
    assert set_slots["_followup"] == "application_form"


async def test_submit_with_someone_elses_id_number_says_nothing_about_their_records(service_url: str) -> None:
    slots = {**FILLED, "applicant_name": "李四", "id_number": LI_MING, "confirm_submission": True}
    text, _ = await run(ActionSubmitApplication(), "确认", "affirm", slots, sender="web:someone")
    assert NUMBER.search(text) and "不一致" not in text
    assert "学历" not in text and "照片" not in text  # nothing of his held records is named


async def test_submit_without_confirmation_files_nothing(service_url: str) -> None:
    assert await run(ActionSubmitApplication(), "好", "affirm", {**FILLED, "confirm_submission": None}) == ("", {})


async def test_submit_while_the_service_is_down_keeps_the_form(service_down: None) -> None:
    slots = {**FILLED, "confirm_submission": True, "application_attempt": "attempt-2"}
    text, set_slots = await run(ActionSubmitApplication(), "确认提交", "affirm", slots)
    assert "没有提交成功" in text and "继续申请" in text
    assert set_slots == {"confirm_submission": None, "application_paused": True}


async def test_cancel_forgets_everything(service_url: str) -> None:
    text, set_slots = await run(ActionCancelApplication(), "不办了", "cancel", {**FILLED})
    assert "不会提交" in text
    assert set_slots["_active_loop"] is None
    assert all(set_slots[slot] is None for slot in FILLED)


def hotline_call(metadata: dict[str, str], sender: str = "hotline:c1", channel: str | None = "hotline") -> Tracker:
    event = user_event("确认提交", "affirm", channel=channel)  # type: ignore[arg-type]
    call = make_tracker([event])
    call.latest_message["metadata"] = {"hotline": metadata}
    call.sender_id = sender
    return call


def test_a_hotline_call_files_as_the_staff_member_the_hotline_channel_named(monkeypatch: pytest.MonkeyPatch) -> None:
    # Deliberate change: the staff claim is now authenticated by the hotline channel (a request the console relay
    # signs, contract/staff_claim.py), which alone creates hotline: conversations; the per-message HMAC in the
    # metadata is gone. So the staff id counts only for a message that came through that channel, in a hotline:
    # conversation, for that call.
    monkeypatch.setenv("BUNDLE_GATEWAY_TOKEN", "gw-secret")
    claim = {"staff_id": "zhangsan", "call_id": "c1"}  # what channels/hotline.py puts into the metadata
    assert staff_headers(hotline_call(claim)) == {"X-Staff-Id": "zhangsan"}
    assert staff_headers(hotline_call(claim, sender="hotline:c2")) == {}  # named for another call
    assert staff_headers(hotline_call(claim, sender="wechat:o1")) == {}  # only a hotline conversation
    assert staff_headers(hotline_call(claim, sender="web:hotline:c1", channel="rest")) == {}
    for channel in ("rest", "miniprogram", "wechat", None):  # the same metadata from any other channel
        assert staff_headers(hotline_call(claim, channel=channel)) == {}
    assert staff_headers(hotline_call({"call_id": "c1"})) == {}
    monkeypatch.delenv("BUNDLE_GATEWAY_TOKEN")
    assert staff_headers(hotline_call(claim)) == {}  # without the token the service would not trust it anyway
