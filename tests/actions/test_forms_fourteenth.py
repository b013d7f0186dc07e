"""The forms (fourteenth analysis A1–A4, A6, decisions D1, D2); own invented wording, never the sets'.

A "none of these" answer at the category step never renames the applicant; a plain farmer or a list of groups denied
is 其他; a relayed yes accepts the came-back offer; a name with words around it is read at the name step and a shop's
name there is the project; a question naming an item at the item step chooses nothing; digits at a number step are
never off-topic; the registration offer is a line of the summary (revised in the fifteenth session); a company
founder's figure that fits only a person's loan asks who borrows.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_actions import ActionAskConfirmSubmission
from actions.application.form_answer import answer_to_requested, name_in_reply
from actions.application.form_extraction import extract
from actions.application.form_labels import read_labelled
from actions.application.form_values import Extraction, read_values
from actions.application.loan_borrower import ASKED_KEY, borrower_said, question
from actions.application.registration_offer import OFFER, OFFER_KEY
from actions.steps import came_back
from actions.steps.step_prompts import ASK_ACTIONS
from tests.actions.conftest import make_form_tracker, make_tracker, user_event
from tests.actions.test_application_form import FILLED, entity, validate

CATEGORY_STEP = {"application_items": ["training"], "applicant_name": "罗秋生", "requested_slot": "person_category"}


# A3: the category in other words, and never a name from it


@pytest.mark.parametrize("text", ["都不是的，普通老百姓一个", "全都不是，就是普通人", "啥也不是，一般人", "都不是"])
def test_none_of_these_at_the_category_step_is_other_and_renames_nobody(text: str) -> None:
    slots = dict(CATEGORY_STEP)
    found = read_values(make_form_tracker(text, "complain", slots), text, "complain", slots)
    assert found.values.get("person_category") == "other", found
    assert "applicant_name" not in found.values, found


@pytest.mark.parametrize("text", ["都不是的，普通老百姓一个", "全都不是，就是普通人"])
def test_a_none_of_these_list_gives_no_name(text: str) -> None:
    assert "applicant_name" not in read_labelled(text, []).values


@pytest.mark.parametrize(
    "text", ["种地的普通农民，大学生当兵的都不沾", "我就是个普通农民", "就普通村民一个", "普通的上班族"]
)
def test_a_plain_trade_is_the_category_other(text: str) -> None:
    assert read_labelled(text, []).values.get("person_category") == "other"


def test_a_returning_migrant_worker_is_no_plain_farmer() -> None:
    assert read_labelled("普通农民工，在外面打了十年工", []).values.get("person_category") != "other"


@pytest.mark.parametrize("text", ["不是什么大学生也不是退伍的", "既不是大学生，也不是失业的"])
def test_groups_denied_one_after_another_at_the_category_step_are_other(text: str) -> None:
    slots = dict(CATEGORY_STEP)
    found = read_values(make_form_tracker(text, "deny", slots), text, "deny", slots)
    assert found.values.get("person_category") == "other", found


def _after_offer(said: str, intent: str = "affirm") -> Any:
    return make_tracker(
        [
            user_event("从广东回到邵阳了，想开个粉店", "inform"),
            {"event": "bot", "text": came_back.OFFER},
            {"event": "action", "name": "action_listen"},
            user_event(said, intent),
        ]
    )


@pytest.mark.parametrize("said", ["他说是的", "她讲行，交吧", "对，他是", "来电人说是", "是的，交吧"])
def test_a_relayed_yes_accepts_the_came_back_offer(said: str) -> None:
    assert came_back.category_said(_after_offer(said), said) == came_back.RETURNING


@pytest.mark.parametrize("said", ["他说不是", "来电人讲不是的"])
def test_a_relayed_no_declines_it(said: str) -> None:
    assert came_back.declined(_after_offer(said, "deny"), said) == came_back.ASK_OTHERS


# A1, A2: the name step


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("吴莉，不对写错了，吴丽，美丽的丽", "吴丽"),
        ("啊你是问名字呀，钱小红", "钱小红"),
        ("嗯，好的，孙海", "孙海"),
        ("哦哦，名字是吧，冯建业", "冯建业"),
    ],
)
def test_a_name_with_words_around_it_is_read_and_said_back(text: str, name: str) -> None:
    found = Extraction()
    assert answer_to_requested("applicant_name", text, "inform", found) == name
    assert found.problem is None and name in found.shown["applicant_name"]


@pytest.mark.parametrize("text", ["吴莉，吴丽", "我明天再说", "我在长沙，开店的"])
def test_two_names_or_other_words_are_no_name(text: str) -> None:
    assert name_in_reply(text) is None


@pytest.mark.parametrize("text", ["小周烧烤店", "莉莉花店"])
def test_a_shops_name_at_the_name_step_is_the_project(text: str) -> None:
    found = Extraction()
    assert answer_to_requested("applicant_name", text, "inform", found) is None
    assert found.values == {"project_name": text} and found.problem is None


async def test_a_shops_name_at_the_name_step_is_kept_and_the_name_asked_again(service_url: str) -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("小周烧烤店", "inform", slots)
    assert set_slots.get("project_name") == "小周烧烤店", (texts, set_slots)
    assert set_slots.get("requested_slot") == "applicant_name" and not set_slots.get("applicant_name")
    assert any("创业项目名称" in t for t in texts) and not any("不像是" in t for t in texts), texts


# A4, A6: a question naming an item chooses nothing; digits are never off-topic


def test_a_question_naming_an_item_at_the_item_step_is_answered_not_chosen() -> None:
    slots = {"requested_slot": "application_items"}
    text = "入驻孵化基地最长能待多久"
    item = {"entity": "item", "value": "incubator", "start": 2, "end": 6}
    found = extract(make_form_tracker(text, "ask_question", slots, [item]), dict(slots))
    assert found.question and "application_items" not in found.values, found


def test_a_wish_naming_an_item_at_the_item_step_still_chooses_it() -> None:
    slots = {"requested_slot": "application_items"}
    text = "我要申请孵化基地"
    item = {"entity": "item", "value": "incubator", "start": 4, "end": 8}
    found = extract(make_form_tracker(text, "inform", slots, [item]), dict(slots))
    assert found.values.get("application_items") == ["incubator"], found


def test_digits_at_the_id_step_are_never_off_topic() -> None:
    slots = {"application_items": ["training"], "applicant_name": "罗秋生", "requested_slot": "id_number"}
    found = extract(make_form_tracker("43052119880612", "out_of_scope", slots), dict(slots))
    assert not found.digression, found


# D2: the registration offer (a line of the summary since the fifteenth session: someone who gave everything gets the
# summary next and confirms it)


def _at_summary(opening: str, latest: str, intent: str, bot_before: str) -> Any:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    events = [
        user_event(opening, "start_application"),
        {"event": "bot", "text": "好的"},
        {"event": "action", "name": "action_listen"},
        user_event("都填好了", "inform"),
        {"event": "bot", "text": bot_before},
        {"event": "action", "name": "action_listen"},
        user_event(latest, intent),
    ]
    return make_tracker(events, slots)


async def _said(action: Any, tracker: Any) -> tuple[str, dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages), {
        e["name"]: e["value"] for e in events if e["event"] == "slot"
    }


async def test_the_offer_is_a_line_of_the_summary_before_its_question(service_url: str) -> None:
    slots = {**FILLED, "application_items": ["training"], "requested_slot": "confirm_submission"}
    tracker = make_tracker([user_event("打算在衡阳开个洗车店，先报个创业培训", "start_application")], slots)
    text, _ = await _said(ActionAskConfirmSubmission(), tracker)
    assert text.startswith("请核对") and OFFER in text, text
    assert text.index(OFFER) < text.index("确认无误请回复“确认提交”"), text


async def test_a_decline_shows_the_summary_again_and_ok_or_submit_there_files_the_items(service_url: str) -> None:
    opening = "打算在衡阳开个洗车店，先报个创业培训"
    declined = _at_summary(opening, "不用", "deny", OFFER)
    found = extract(declined, dict(declined.slots))
    assert found.command == "registration_kept", found
    declined.events.append({"event": "bot", "text": "好的，不加登记注册，还是办这几项。"})
    text, _ = await _said(ActionAskConfirmSubmission(), declined)
    assert "创业培训" in text and OFFER_KEY not in text, text
    for ok, intent in (
        ("对的", "affirm"),
        ("没问题", "affirm"),
        ("确认", "affirm"),
        ("确认提交", "affirm"),
        ("提交", "inform"),
        ("不用了，直接提交", "deny"),
        ("确认，提交", "affirm"),
    ):
        tracker = _at_summary(opening, ok, intent, "请核对：……\n" + OFFER + "\n确认无误请回复“确认提交”")
        found = extract(tracker, dict(tracker.slots))
        assert "application_items" not in found.values and found.values.get("confirm_submission") is True, (ok, found)


def test_only_a_reply_about_the_offer_adds_the_registration() -> None:
    opening = "打算在衡阳开个洗车店，先报个创业培训"
    for said, intent in (("要", "affirm"), ("加上登记注册", "inform"), ("执照也一起办吧", "affirm")):
        tracker = _at_summary(opening, said, intent, "请核对：……\n" + OFFER)
        found = extract(tracker, dict(tracker.slots))
        assert "business_registration" in (found.values.get("application_items") or []), (said, found)
        assert found.values.get("confirm_submission") is not True, (said, found)


# D1: who borrows, when a company's founder gives a person's figure

LOAN_FOR_A_COMPANY = {
    **FILLED,
    "application_items": ["guaranteed_loan"],
    "business_type": "enterprise",
    "loan_amount": 200000,
    "loan_term_months": None,
    "requested_slot": "loan_term_months",
}


async def test_a_persons_term_for_a_company_asks_who_borrows_once(service_url: str) -> None:
    texts, set_slots = await validate("3年", "inform", dict(LOAN_FOR_A_COMPANY), [entity("loan_term", "3年")])
    assert any(ASKED_KEY in t and "20万" in t and "300万" in t for t in texts), texts
    assert not any("最长2年（24个月），您填写的是" in t for t in texts), texts
    assert set_slots.get("loan_term_months") == 36 and set_slots.get("requested_slot") == "loan_borrower", set_slots


async def test_the_person_answer_keeps_the_term(service_url: str) -> None:
    slots = {**LOAN_FOR_A_COMPANY, "loan_term_months": 36, "requested_slot": "loan_borrower"}
    texts, set_slots = await validate("以个人名义", "inform", slots)
    assert set_slots.get("loan_borrower") == "individual", (texts, set_slots)
    assert "loan_term_months" not in set_slots and any("贷款主体：个人" in t for t in texts), (texts, set_slots)
    assert not any("最长2年" in t for t in texts), texts


@pytest.mark.parametrize(
    ("said", "borrower"), [("个人", "individual"), ("以公司名义", "enterprise"), ("我自己贷", "individual")]
)
def test_the_borrower_in_words(said: str, borrower: str) -> None:
    assert borrower_said(said) == borrower


def test_person_at_the_borrowers_step_is_the_borrower_never_a_handoff() -> None:
    slots = {**LOAN_FOR_A_COMPANY, "loan_term_months": 36, "requested_slot": "loan_borrower"}
    found = extract(make_form_tracker("个人", "request_human", slots), dict(slots))
    assert not found.digression and found.values.get("loan_borrower") == "individual", found


async def test_the_borrowers_plain_question_is_not_asked_after_the_one_with_the_limits() -> None:
    events = [user_event("3年", "inform"), {"event": "bot", "text": question()}]
    dispatcher = CollectingDispatcher()
    step = next(action for action in ASK_ACTIONS if action().name() == "action_ask_loan_borrower")
    await step().run(dispatcher, make_tracker(events), {})
    assert dispatcher.messages == []


def test_a_name_after_a_clause_about_the_question_is_no_digression() -> None:
    slots = {"application_items": ["training"], "requested_slot": "applicant_name"}
    found = extract(make_form_tracker("啊你是问名字呀，钱小红", "bot_challenge", slots), dict(slots))
    assert not found.digression and found.values.get("applicant_name") == "钱小红", found


async def test_the_category_read_from_words_is_said_back(service_url: str) -> None:
    slots = {**FILLED, "person_category": None, "requested_slot": "person_category"}
    texts, set_slots = await validate("啥也不是，就普通农民", "deny", slots)
    assert set_slots.get("person_category") == "other", (texts, set_slots)
    assert any("人员类别：其他" in t for t in texts) and "applicant_name" not in set_slots, texts
