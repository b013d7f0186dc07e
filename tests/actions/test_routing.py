"""Routing: questions are answered, requests open forms; item eligibility; progress retry; no reply loops."""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import (
    ActionOutOfScope,
    ActionRouteComplaint,
    ActionRouteEligibility,
    ActionRouteOverview,
    ActionRouteProgress,
)
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.eligibility.eligibility_result import ActionShowEligibility
from actions.progress.progress import ActionShowProgress
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.conftest import make_form_tracker, make_tracker, user_event


async def file_one(sender: str, channel: str = "rest") -> str:
    from tests.actions.test_progress_and_eligibility import file_one as filed

    return await filed(sender, channel)


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 1}


async def route(action: Any, tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in dispatcher.messages), events


def followup(events: list[dict[str, Any]]) -> str | None:
    return next((e["name"] for e in events if e["event"] == "followup"), None)


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


async def test_a_question_about_lights_is_answered_not_a_form(knowledge_service: str) -> None:
    text, events = await route(ActionRouteProgress(), make_form_tracker("红灯是什么意思", "check_progress", {}))
    assert followup(events) is None and "申请编号" not in text and text


async def test_own_application_or_a_number_opens_the_progress_form(service_url: str) -> None:
    for said in ("帮我查一下我的申请进度", "CY20261122000123", "查进度"):
        _, events = await route(ActionRouteProgress(), make_form_tracker(said, "check_progress", {}))
        assert followup(events) == "progress_form", said


async def test_forgotten_number_says_where_it_is_and_offers_a_person(service_url: str) -> None:
    text, events = await route(ActionRouteProgress(), make_form_tracker("申请编号我忘了", "check_progress", {}))
    assert followup(events) is None
    assert "我的办件" in text and "转人工" in text and "12345" in text
    text, _ = await route(ActionOutOfScope(), make_form_tracker("编号我忘了", "out_of_scope", {}))
    assert "我的办件" in text


async def test_forgotten_number_inside_the_form_stops_the_re_prompt(service_url: str) -> None:
    text, events = await route(
        ValidateProgressForm(), make_form_tracker("编号我忘记了", "inform", {"requested_slot": "progress_number"})
    )
    assert "我的办件" in text and "请核对后再发给我" not in text
    assert any(e["event"] == "active_loop" and e["name"] is None for e in events)


async def test_a_wechat_user_who_forgot_the_number_sees_their_applications(service_url: str) -> None:
    number = await file_one("wechat:o-forgot-1", channel="miniprogram")
    tracker = make_form_tracker("编号忘了", "check_progress", {}, sender="wechat:o-forgot-1", channel="miniprogram")
    text, _ = await route(ActionRouteProgress(), tracker)
    assert number in text


async def test_new_digits_after_a_wrong_verification_retry_the_kept_number(service_url: str) -> None:
    number = await file_one("progress-retry")
    slots = {"progress_number": number, "progress_id_last6": "999999"}
    text, events = await route(ActionShowProgress(), make_form_tracker("999999", "inform", slots, sender="retry"))
    assert "没有查到" in text and "转人工" not in text.split("。")[0]
    assert followup(events) == "progress_form"
    kept = slots_of(events)
    assert "progress_number" not in kept and kept["progress_id_last6"] is None and kept["progress_failures"] == 1
    # The user answers "是010024": the digits fill the verification, the number is the kept one.
    again = {"progress_number": number, "requested_slot": "progress_id_last6"}
    _, events = await route(ValidateProgressForm(), make_form_tracker("是010024", "affirm", again, sender="retry"))
    assert slots_of(events)["progress_id_last6"] == "010024"
    text, _ = await route(
        ActionShowProgress(),
        make_form_tracker("是010024", "affirm", {**again, "progress_id_last6": "010024"}, sender="progress-retry"),
    )
    assert number in text and "已受理" in text


async def test_second_failure_offers_a_person(service_url: str) -> None:
    slots = {"progress_number": "CY20200101000009", "progress_id_last6": "999999", "progress_failures": 1}
    text, _ = await route(ActionShowProgress(), make_form_tracker("999999", "inform", slots, sender="twice"))
    assert "转人工" in text and "12345" in text


async def test_a_question_inside_the_progress_form_is_answered_and_the_step_asked_again(
    knowledge_service: str,
) -> None:
    tracker = make_form_tracker("黄灯是什么意思", "check_progress", {"requested_slot": "progress_number"})
    text, events = await route(ValidateProgressForm(), tracker)
    assert "14位数字" not in text and text
    assert slots_of(events)["requested_slot"] == "progress_number"


async def test_can_i_get_the_subsidy_is_answered_with_the_reason(service_url: str) -> None:
    tracker = make_form_tracker(
        "我2019年毕业的，店开了半年，能申请创业补贴吗",
        "check_eligibility",
        {},
        entities=[entity("item", "startup_subsidy")],
    )
    text, events = await route(ActionRouteEligibility(), tracker)
    assert followup(events) is None
    assert "❌ 创业补贴申领" in text and "5年" in text and "满1年" in text
    assert "2019年毕业" in text  # the reading is shown back
    assert "帮我匹配" in text


async def test_a_veteran_asking_for_the_loan_gets_the_verdict_and_the_offer(service_url: str) -> None:
    tracker = make_form_tracker(
        "我是退伍军人，能贷款吗",
        "check_eligibility",
        {},
        entities=[entity("person_category", "veteran"), entity("item", "guaranteed_loan")],
    )
    text, events = await route(ActionRouteEligibility(), tracker)
    assert "✅ 申请创业担保贷款" in text and "20万" in text
    assert slots_of(events)["offer_pending"] is True and slots_of(events)["offered_items"] == ["guaranteed_loan"]


async def test_a_situation_with_what_can_i_get_gets_the_verdicts(service_url: str) -> None:
    tracker = make_form_tracker("我去年刚大学毕业，帮我看看能享受哪些政策", "check_eligibility", {})
    text, events = await route(ActionRouteEligibility(), tracker)
    assert "✅ 申请创业担保贷款" in text  # matched at once; the check asks only what decides the rest
    assert "年毕业" in text  # 去年毕业 → 20xx年毕业 shown back


async def test_where_to_do_it_in_person_is_answered(service_url: str) -> None:
    text, events = await route(
        ActionRouteEligibility(), make_form_tracker("我不会用手机弄，能去哪里现场办", "check_eligibility", {})
    )
    assert followup(events) is None and "窗口" in text


async def test_eligibility_form_reads_durations_and_none_of_these(service_url: str) -> None:
    base = {"elig_person_category": "college_graduate", "elig_graduation_year": 2024}
    text, events = await route(
        ValidateEligibilityForm(),
        make_form_tracker("开了一年半了", "cancel", {**base, "requested_slot": "elig_business_started_on"}),
    )
    started = slots_of(events)["elig_business_started_on"]
    assert started and started != "none" and "→" in text  # an answer, never a cancel; the reading shown back
    _, events = await route(
        ValidateEligibilityForm(),
        make_form_tracker("都不是，就普通人", "complain", {"requested_slot": "elig_person_category"}),
    )
    assert slots_of(events)["elig_person_category"] == "other"


async def test_a_question_inside_the_eligibility_form_is_answered_then_asked_again(knowledge_service: str) -> None:
    slots = {"requested_slot": "elig_person_category"}
    text, events = await route(
        ValidateEligibilityForm(), make_form_tracker("一次性创业补贴是多少钱", "ask_question", slots)
    )
    assert "无法识别" not in text and text
    assert slots_of(events)["elig_person_category"] is None
    assert slots_of(events)["requested_slot"] == "elig_person_category"


async def test_explicit_cancel_still_cancels_the_eligibility_form(service_url: str) -> None:
    _, events = await route(
        ValidateEligibilityForm(),
        make_form_tracker("取消，不查了", "cancel", {"requested_slot": "elig_business_started_on"}),
    )
    assert events == []


async def test_the_complaint_reply_needs_a_complaint(knowledge_service: str) -> None:
    text, _ = await route(ActionRouteComplaint(), make_form_tracker("你们态度太差了，我要投诉", "complain", {}))
    assert text == "utter_complaint_received"
    text, _ = await route(ActionRouteComplaint(), make_form_tracker("都不是，就普通人", "complain", {}))
    assert "utter_complaint_received" not in text and text


async def test_where_after_the_overview_gives_the_entry_points(service_url: str) -> None:
    tracker = make_form_tracker("在哪里办", "ask_question", {"after_overview": True})
    text, events = await route(ActionRouteOverview(), tracker)
    assert "湘易办" in text and "窗口" in text and slots_of(events)["after_overview"] is False


async def test_how_long_after_the_overview_gives_the_whole_time(service_url: str) -> None:
    events = [
        user_event("一件事是什么", "ask_bundle_overview"),
        {"event": "action", "name": "action_route_overview"},
        {"event": "action", "name": "action_listen"},
        user_event("那全部办完要多久", "ask_question"),
    ]
    text, _ = await route(ActionRouteOverview(), make_tracker(events, slots={"after_overview": True}))
    assert "20个工作日" in text


async def test_when_is_it_all_done_after_a_progress_result(service_url: str) -> None:
    events = [
        user_event("CY20261122000123 010024", "check_progress"),
        {"event": "action", "name": "action_show_progress"},
        {"event": "action", "name": "action_listen"},
        user_event("那什么时候能全部办完", "check_progress"),
    ]
    text, out = await route(ActionRouteProgress(), make_tracker(events))
    assert followup(out) is None and "20个工作日" in text and "申请编号（CY" not in text


async def test_when_is_it_all_done_gives_the_last_open_departments_date(service_url: str) -> None:
    result = (
        "申请编号 CY20261122000123：办理中\n"
        "✅ 市场监管部门｜经营主体登记注册：已办结\n"
        "🟢 人社部门｜创业补贴申领：审核中；时限20个工作日，12月28日前办结（还剩15个工作日，时限内）\n"
        "🟡 人社部门 + 担保机构 + 经办银行｜申请创业担保贷款：审核中；时限15个工作日，12月9日前办结（还剩1个工作日）"
    )
    events = [
        user_event("CY20261122000123 010024", "check_progress"),
        {"event": "action", "name": "action_show_progress"},
        {"event": "bot", "text": result},
        {"event": "action", "name": "action_listen"},
        user_event("那啥时候能全部办完", "check_progress"),
    ]
    text, out = await route(ActionRouteProgress(), make_tracker(events))
    assert followup(out) is None and "12月28日前全部办完" in text and "2个部门在办" in text, text


async def test_out_of_scope_never_says_the_same_thing_three_times() -> None:
    events: list[dict[str, Any]] = []
    replies = []
    for _ in range(4):
        events.append(user_event("😂😂", "out_of_scope"))
        text, _ = await route(ActionOutOfScope(), make_tracker(events))
        replies.append(text)
        events.append({"event": "bot", "text": text})
    assert len(set(replies[:3])) == 3 and "转人工" in replies[2]


async def test_a_second_refused_category_gets_choices_and_a_person(service_url: str) -> None:
    asked = {"requested_slot": "elig_person_category"}
    first = make_form_tracker("个体户老板", "inform", asked)
    text, _ = await route(ValidateEligibilityForm(), first)
    assert "转人工" not in text
    events = [
        *first.events,
        {"event": "slot", "name": "elig_person_category", "value": None},
        user_event("开饭店的", "inform"),
    ]
    second = make_tracker(events, slots=asked)
    dispatcher = CollectingDispatcher()
    await ValidateEligibilityForm().run(dispatcher, second, {})
    assert any(m.get("buttons") for m in dispatcher.messages)
    assert "转人工" in "\n".join(str(m.get("text")) for m in dispatcher.messages)


async def test_a_second_bad_number_changes_the_re_prompt(service_url: str) -> None:
    asked = {"requested_slot": "progress_number"}
    events = [
        user_event("CY123", "inform"),
        {"event": "slot", "name": "progress_number", "value": None},
        user_event("CY456", "inform"),
    ]
    first, _ = await route(ValidateProgressForm(), make_form_tracker("CY123", "inform", asked))
    second, _ = await route(ValidateProgressForm(), make_tracker(events, slots=asked))
    assert first != second and "我的办件" in second and "转人工" in second  # where the number is (twelfth A6)


async def test_none_of_the_other_groups_ends_with_a_verdict(service_url: str) -> None:
    asked = {"requested_slot": "elig_other_category", "elig_person_category": "other"}
    _, events = await route(ValidateEligibilityForm(), make_form_tracker("都不是", "deny", asked))
    assert slots_of(events)["elig_other_category"] == "none"
    assert slots_of(events)["requested_slot"] != "elig_other_category"
    profile = {"elig_person_category": "other", "elig_other_category": "none", "elig_business_started_on": "none"}
    text, _ = await route(ActionShowEligibility(), make_form_tracker("还没有", "deny", profile))
    assert "❌ 申请创业担保贷款" in text and "还需要知道" not in text.split("担保贷款")[1].split("\n")[0]


async def test_a_forgotten_number_the_nlu_did_not_understand_is_still_helped(service_url: str) -> None:
    text, _ = await route(ActionHandleLowConfidence(), make_form_tracker("那个号我不记得了", "nlu_fallback", {}))
    assert "我的办件" in text


async def test_third_failure_stops_re_prompting_and_hands_over(service_url: str) -> None:
    slots = {"progress_number": "CY20200101000008", "progress_id_last6": "999999", "progress_failures": 2}
    text, events = await route(ActionShowProgress(), make_form_tracker("999999", "inform", slots, sender="thrice"))
    assert followup(events) is None and "转人工" in text and "12345" in text
    assert slots_of(events)["progress_number"] is None
