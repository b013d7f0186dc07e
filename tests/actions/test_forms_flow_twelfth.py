"""The form's flow (twelfth analysis A5, A6, decision D2): a mistake said is a correction, never a cancel; another
field's value at a free-text step is applied; the number's second failure in a progress check helps; the business
registration is offered once at the summary to someone opening a business.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import ActionAskConfirmSubmission
from actions.application.application_form import ValidateApplicationForm
from actions.application.form_extraction import extract
from actions.application.registration_offer import OFFER, OFFER_KEY
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_application_form import FILLED, entity, validate

TRAINING = {"application_items": ["training"]}


def _events_then(said: str, intent: str, history: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """Earlier turns (user text, intent, bot reply), then the latest message."""
    events: list[dict[str, Any]] = []
    for text, their_intent, reply in history:
        events += [
            user_event(text, their_intent),
            {"event": "bot", "text": reply},
            {"event": "action", "name": "action_listen"},
        ]
    return [*events, user_event(said, intent)]


async def _run(action: Any, tracker: Tracker) -> tuple[str, dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    text = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    return text, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


# A5: a mistake said is a correction, whatever the NLU read


def test_a_name_said_with_typed_wrong_is_a_correction_even_when_read_as_cancel() -> None:
    slots = {**TRAINING, "requested_slot": "applicant_name"}
    for text, intent in (
        ("我叫邱海燕，前面输错了", "cancel"),
        ("写错了，是邱海燕", "complain"),
        ("邱海燕，刚刚打错了", "cancel"),
    ):
        found = extract(make_form_tracker(text, intent, slots), dict(slots))
        assert not found.digression and found.values.get("applicant_name") == "邱海燕", (text, found)


def test_only_a_cancel_word_stops_the_form() -> None:
    slots = {**TRAINING, "requested_slot": "phone"}
    assert extract(make_form_tracker("这个不申请了", "cancel", slots), dict(slots)).digression
    found = extract(make_form_tracker("输错了", "cancel", slots), dict(slots))
    assert not found.digression and found.command == "which_wrong", found


async def test_typed_wrong_right_after_going_back_asks_for_the_right_value(service_url: str) -> None:
    slots = {**TRAINING, "applicant_name": None, "requested_slot": "applicant_name"}
    events = [
        {"event": "active_loop", "name": "application_form"},
        {"event": "slot", "name": "applicant_name", "value": "邱海艳"},
        *_events_then("打错了", "cancel", [("上一步", "inform", "好的，回到上一步：申请人姓名（刚才填的是：邱海艳）")]),
    ]
    text, set_slots = await _run(ValidateApplicationForm(), make_tracker(events, slots))
    assert "正确的申请人姓名" in text and "取消" not in text.split("。")[0], text
    assert set_slots.get("requested_slot") == "applicant_name", set_slots


async def test_a_new_name_with_typed_wrong_is_stored_not_cancelled(service_url: str) -> None:
    slots = {**TRAINING, "requested_slot": "applicant_name"}
    texts, set_slots = await validate("我叫邱海燕，前面输错了", "cancel", slots)
    assert set_slots.get("applicant_name") == "邱海燕", (texts, set_slots)
    assert not any("已取消" in t for t in texts), texts


# A5: another field's value at a free-text step


async def test_a_change_of_business_type_at_the_project_step_is_applied_and_the_step_asked_again(
    service_url: str,
) -> None:
    slots = {**FILLED, "business_type": "individual_business", "project_name": None, "requested_slot": "project_name"}
    for said in ([entity("business_type", "enterprise")], []):
        texts, set_slots = await validate("那改成公司吧", "inform", slots, said)
        assert set_slots.get("business_type") == "enterprise", (texts, set_slots)
        assert set_slots.get("requested_slot") == "project_name" and "project_name" not in {
            k for k, v in set_slots.items() if v
        }, set_slots
        assert any("企业" in t for t in texts) and not any("不像是" in t for t in texts), texts


# A6: the second failure always says what is needed, with an example and a person


async def test_the_second_failed_phone_says_the_example_and_offers_a_person(service_url: str) -> None:
    slots = {**FILLED, "phone": None, "requested_slot": "phone"}
    events = [
        {"event": "active_loop", "name": "application_form"},
        {"event": "slot", "name": "requested_slot", "value": "phone"},
        *_events_then("就是1387312", "inform", [("就是1387312", "affirm", "手机号码应为11位数字。")]),
    ]
    text, set_slots = await _run(ValidateApplicationForm(), make_tracker(events, slots))
    assert "11位手机号码，例如" in text and "转人工" in text and "只能包含数字" not in text, text
    assert set_slots.get("requested_slot") == "phone", set_slots


# A6: a wrong-shaped number in the message that opens the progress check


def _opened_with(opening: str, later: list[tuple[str, str]] | None = None) -> Tracker:
    events: list[dict[str, Any]] = [
        user_event(opening, "check_progress"),
        {"event": "action", "name": "action_route_progress"},
        {"event": "active_loop", "name": "progress_form"},
    ]
    slots: dict[str, Any] = {"requested_slot": None}
    for text, reply in later or []:
        events += [
            {"event": "slot", "name": "requested_slot", "value": "progress_number"},
            {"event": "bot", "text": reply},
            {"event": "action", "name": "action_listen"},
            user_event(text, "inform"),
        ]
        slots = {"requested_slot": "progress_number"}
    return make_tracker(events, slots)


async def test_a_short_number_opening_the_check_is_told_at_once(service_url: str) -> None:
    text, slots = await _run(ValidateProgressForm(), _opened_with("帮我查下进度 CY202611280007"))
    assert "不是完整的申请编号" in text and "14位" in text, text
    assert slots.get("requested_slot") == "progress_number", slots


async def test_the_second_wrong_number_says_where_it_is_and_offers_a_person(service_url: str) -> None:
    tracker = _opened_with("帮我查下进度 CY202611280007", [("CY2026112800071", "不是完整的申请编号")])
    text, slots = await _run(ValidateProgressForm(), tracker)
    assert "我的办件" in text and "转人工" in text and "12345" in text, text
    assert slots.get("requested_slot") == "progress_number", slots


# D2: the registration offered once to someone opening a business


def _summary_tracker(opening: str, items: list[str], latest: str = "好了", intent: str = "inform") -> Tracker:
    slots = {**FILLED, "application_items": items, "requested_slot": "confirm_submission"}
    return make_tracker(_events_then(latest, intent, [(opening, "start_application", "好的")]), slots)


async def test_someone_opening_a_shop_is_offered_the_registration_once(service_url: str) -> None:
    tracker = _summary_tracker("打算在株洲开个修车铺，想先报个创业培训", ["training"])
    text, _ = await _run(ActionAskConfirmSubmission(), tracker)
    assert OFFER in text, text
    tracker.events.insert(-1, {"event": "bot", "text": OFFER})
    text, _ = await _run(ActionAskConfirmSubmission(), tracker)
    assert OFFER_KEY not in text, text


async def test_no_offer_with_a_licence_or_the_registration_chosen(service_url: str) -> None:
    for opening, items in (
        ("准备开家面馆，营业执照办好了，想申请贷款", ["guaranteed_loan"]),
        ("想开个花店，要办执照和培训", ["business_registration", "taxpayer_confirmation", "training"]),
        ("我想学点东西，报个培训", ["training"]),
    ):
        text, _ = await _run(ActionAskConfirmSubmission(), _summary_tracker(opening, items))
        assert OFFER_KEY not in text, (opening, text)


async def test_yes_to_the_offer_adds_the_registration_and_asks_what_it_needs(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["training"], "business_type": None, "requested_slot": "confirm_submission"}
    events = _events_then("要，一起办", "affirm", [("想开个修车铺", "inform", OFFER)])
    text, set_slots = await _run(ValidateApplicationForm(), make_tracker(events, slots))
    assert "business_registration" in set_slots.get("application_items", []), (text, set_slots)
    assert set_slots.get("confirm_submission") is not True and set_slots.get("requested_slot") != "confirm_submission"
    assert text.count("已加上") == 1 and "改为" not in text, text


async def test_no_to_the_offer_keeps_the_items(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    for said, intent in (("不用了", "deny"), ("有执照了", "inform")):
        events = _events_then(said, intent, [("想开个修车铺", "inform", OFFER)])
        text, set_slots = await _run(ValidateApplicationForm(), make_tracker(events, slots))
        assert "application_items" not in set_slots and "不加" in text, (said, text, set_slots)
        assert set_slots.get("confirm_submission") is None and set_slots.get("requested_slot") == "confirm_submission"


def test_only_wrong_at_a_structured_step_is_never_its_value() -> None:
    for step in ("id_number", "person_category"):
        slots = {**TRAINING, "requested_slot": step}
        found = extract(make_form_tracker("输错了", "inform", slots), dict(slots))
        assert found.command == "which_wrong" and step not in found.values, (step, found)


def test_no_to_the_offer_naming_the_licence_adds_no_item() -> None:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    licence = [{"entity": "item", "value": "business_registration", "start": 4, "end": 6}]
    events = _events_then("不需要，执照早办好了", "deny", [("想开个修车铺", "inform", OFFER)])
    events[-1]["parse_data"]["entities"] = licence
    found = extract(make_tracker(events, slots), dict(slots))
    assert found.command == "registration_kept" and not found.values, found


async def test_a_second_amount_over_the_limit_names_both_limits_and_a_person(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["guaranteed_loan"], "loan_amount": None, "requested_slot": "loan_amount"}
    first_reply = "贷款金额超过上限。按最高额度申请的话回复“20万”，也可以说一个少一点的金额，例如“15万”。"
    events = [
        {"event": "active_loop", "name": "application_form"},
        *_events_then("想贷四十万", "inform", [("贷三十五万", "inform", first_reply)]),
    ]
    events[-1]["parse_data"]["entities"] = [entity("amount", "40万")]
    text, set_slots = await _run(ValidateApplicationForm(), make_tracker(events, slots))
    assert "300万" in text and "转人工" in text and "按最高额度申请的话" not in text, text
    assert set_slots.get("loan_amount") is None, set_slots


def test_a_command_is_never_stored_as_a_free_text_value() -> None:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    said = "回到上一步 事项填错了 培训不要 换成孵化基地"
    found = extract(make_form_tracker(said, "inform", slots), dict(slots))
    assert not any(slot in found.values for slot in ("project_name", "industry", "applicant_name")), found


async def test_a_value_said_again_as_stored_is_no_answer_and_never_the_same_prompt(service_url: str) -> None:
    slots = {**FILLED, "person_category": None, "requested_slot": "person_category"}
    first = [entity("phone", FILLED["phone"])]
    texts, set_slots = await validate(FILLED["phone"], "inform", slots, first)
    assert any("已经记下了" in t for t in texts) and set_slots.get("requested_slot") == "person_category", texts
    assert "phone" not in set_slots, set_slots
