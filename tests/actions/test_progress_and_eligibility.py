"""progress_form / action_show_progress and eligibility_form / action_show_eligibility against the real service."""

import re
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import ActionSubmitApplication
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.eligibility.eligibility_result import ActionShowEligibility
from actions.progress.progress import ActionShowProgress
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import FILLED, entity


async def run(action: Any, text: str, intent: str, slots: dict[str, Any], **kwargs: Any) -> tuple[str, dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, make_form_tracker(text, intent, slots, **kwargs), {})
    return "\n".join(m["text"] for m in dispatcher.messages), {
        e["name"]: e["value"] for e in events if e["event"] == "slot"
    }


async def file_one(sender: str, channel: str = "rest") -> str:
    slots = {**FILLED, "confirm_submission": True, "application_attempt": sender}
    text, _ = await run(ActionSubmitApplication(), "确认提交", "affirm", slots, sender=sender, channel=channel)
    match = re.search(r"CY\d{14}", text)
    assert match, text
    return match.group(0)


async def test_number_and_digits_in_one_message(service_url: str) -> None:
    text, slots = await run(
        ValidateProgressForm(),
        "查一下 cy20261122000123，身份证后六位00024x",
        "check_progress",
        {"requested_slot": None},
    )
    assert slots == {"progress_number": "CY20261122000123", "progress_id_last6": "00024X", "requested_slot": None}


async def test_missing_digits_are_asked_and_bad_input_explained(service_url: str) -> None:
    _, slots = await run(ValidateProgressForm(), "我的申请到哪了", "check_progress", {"requested_slot": None})
    assert slots == {"requested_slot": "progress_number"}
    text, slots = await run(ValidateProgressForm(), "CY2026", "inform", {"requested_slot": "progress_number"})
    assert "14位数字" in text and slots["requested_slot"] == "progress_number"
    text, slots = await run(
        ValidateProgressForm(),
        "430111199601010024",
        "inform",
        {"requested_slot": "progress_id_last6", "progress_number": "CY20261122000123"},
    )
    assert slots["progress_id_last6"] == "010024" and slots["requested_slot"] is None


async def test_progress_shows_each_department_with_its_light(service_url: str) -> None:
    number = await file_one("progress-owner")
    text, slots = await run(
        ActionShowProgress(),
        "010024",
        "inform",
        {"progress_number": number, "progress_id_last6": "010024"},
        sender="progress-owner",
    )
    assert number in text and "已受理" in text
    assert "🟢 市场监督管理部门" in text and "🟡 税务部门" in text  # a 1-day limit is always close
    assert "个工作日" in text
    assert slots["progress_id_last6"] is None  # verification digits are not kept


async def test_wrong_verification_reveals_nothing_then_is_throttled(service_url: str) -> None:
    number = await file_one("progress-stranger")
    slots = {"progress_number": number, "progress_id_last6": "999999"}
    texts = [(await run(ActionShowProgress(), "999999", "inform", slots, sender="stranger"))[0] for _ in range(6)]
    assert "没有查到" in texts[0] and number not in texts[0] and "赵" not in texts[0]
    assert "次数过多" in texts[-1]
    unknown, _ = await run(
        ActionShowProgress(), "1", "inform", {"progress_number": "CY20200101000001", "progress_id_last6": "999999"}
    )
    assert unknown == texts[0]  # an unknown number answers exactly like a wrong verification


async def test_eligibility_asks_only_what_decides(service_url: str) -> None:
    _, slots = await run(
        ValidateEligibilityForm(),
        "我是大学毕业生",
        "check_eligibility",
        {"requested_slot": None},
        entities=[entity("person_category", "college_graduate")],
    )
    assert slots["elig_person_category"] == "college_graduate"
    assert slots["requested_slot"] == "elig_graduation_year"
    _, slots = await run(
        ValidateEligibilityForm(),
        "2023年毕业的",
        "inform",
        {"requested_slot": "elig_graduation_year", "elig_person_category": "college_graduate"},
    )
    assert slots["elig_graduation_year"] == 2023
    assert slots["requested_slot"] == "elig_business_started_on"


async def test_eligibility_result_with_reasons_and_offer(service_url: str) -> None:
    profile = {"elig_person_category": "veteran", "elig_business_started_on": "none"}
    text, slots = await run(ActionShowEligibility(), "还没有", "deny", profile)
    assert "✅ 申请创业担保贷款" in text and "退役军人" in text
    assert "❌ 创业补贴申领" in text
    assert "guaranteed_loan" in slots["offered_items"] and "startup_subsidy" not in slots["offered_items"]
    assert slots["offer_pending"] is True
    assert slots["elig_person_category"] is None


async def test_a_wechat_user_sees_their_own_applications_without_verification(service_url: str) -> None:
    number = await file_one("wechat:o-owner-1", channel="miniprogram")
    asking = ("我的申请到哪了", "check_progress", {"requested_slot": None})
    text, slots = await run(ValidateProgressForm(), *asking, sender="wechat:o-owner-1", channel="miniprogram")
    assert number in text and "🟢 市场监督管理部门" in text
    assert slots == {"requested_slot": None}
    _, slots = await run(ValidateProgressForm(), *asking, sender="wechat:o-other", channel="wechat")
    assert slots == {"requested_slot": "progress_number"}  # someone else: asked for number and verification


async def test_a_wechat_sender_id_typed_into_the_rest_channel_proves_nothing(service_url: str) -> None:
    number = await file_one("wechat:o-owner-2", channel="wechat")
    asking = ("我的申请到哪了", "check_progress", {"requested_slot": None})
    text, slots = await run(ValidateProgressForm(), *asking, sender="wechat:o-owner-2", channel="rest")
    assert number not in text and slots == {"requested_slot": "progress_number"}  # verification like anyone else
    filed_over_rest = await file_one("wechat:o-owner-3", channel="rest")
    text, _ = await run(ValidateProgressForm(), *asking, sender="wechat:o-owner-3", channel="miniprogram")
    assert filed_over_rest not in text  # not owned by whoever the REST caller claimed to be
