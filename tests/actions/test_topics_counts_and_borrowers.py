"""An item's name alone is a topic; a bare count carries its subject; the borrower said earlier goes with the limit.

Twelfth analysis E3/E5 and the eleventh's open items, in our own wordings: "担保贷款" sent alone gets what the loan is
and an offer to apply (no form); "有几家" after a question about the bases is asked about the bases; "能贷多少"
in a small enterprise's loan application is the enterprise's limit; "那稳岗补贴呢" keeps the other scheme's name.
"""

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import item_topic
from actions.knowledge.borrower import enterprise_said, with_borrower
from actions.knowledge.carried_subject import another_scheme, carried_count, subject_of
from actions.knowledge.how_given import about_the_system
from actions.knowledge.query_text import follow_up_item, query_text
from tests.actions.conftest import make_tracker, user_event

LOAN, SUBSIDY, INCUBATOR = "guaranteed_loan", "startup_subsidy", "incubator"


def item(text: str, word: str, code: str) -> dict[str, Any]:
    start = text.index(word)
    return {"entity": "item", "value": code, "start": start, "end": start + len(word)}


def alone(text: str, word: str, code: str, slots: dict[str, Any] | None = None) -> Any:
    return make_tracker([user_event(text, "ask_question", [item(text, word, code)])], slots=slots)


def two_turns(before: str, then: str, entities: list[dict[str, Any]] | None = None, **slots: Any) -> Any:
    return make_tracker(
        [
            user_event(before, "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": "（回答）"},
            {"event": "action", "name": "action_listen"},
            user_event(then, "ask_question", entities),
        ],
        slots=slots,
    )


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [("担保贷款", "担保贷款", LOAN), ("孵化基地？", "孵化基地", INCUBATOR), ("讲讲创业补贴吧", "创业补贴", SUBSIDY)],
)
def test_an_items_name_alone_is_a_topic(text: str, word: str, code: str) -> None:
    assert item_topic.bare_item(alone(text, word, code)) == code


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [("我要办担保贷款", "担保贷款", LOAN), ("孵化基地要多久", "孵化基地", INCUBATOR)],
)
def test_a_request_or_a_question_is_no_bare_topic(text: str, word: str, code: str) -> None:
    assert item_topic.bare_item(alone(text, word, code)) is None


def test_two_items_choose_them_and_are_left_to_the_form() -> None:
    text = "贷款和培训"
    tracker = make_tracker(
        [user_event(text, "ask_question", [item(text, "贷款", LOAN), item(text, "培训", "training")])]
    )
    assert item_topic.bare_item(tracker) is None


async def test_the_topic_is_described_kept_and_offered(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    events = await item_topic.answer(dispatcher, alone("孵化基地", "孵化基地", INCUBATOR))
    reply = dispatcher.messages[0]["text"]
    assert "孵化" in reply and "3年" in reply and "10个工作日" in reply and "好的" in reply
    assert SlotSet("item", INCUBATOR) in (events or []) and SlotSet("offer_pending", True) in (events or [])


async def test_after_an_offer_the_items_name_accepts_it(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = alone("营业执照", "营业执照", "business_registration", {"offer_pending": True})
    events = await item_topic.answer(dispatcher, tracker)
    assert events == [FollowupAction("action_start_application")] and not dispatcher.messages


@pytest.mark.parametrize(
    ("before", "then", "whole"),
    [
        ("省级孵化基地有哪些类型", "一共有几家", "省级孵化基地一共有几家"),
        ("信息采集表上的身份证号码怎么填", "那要填几位", "信息采集表上的身份证号码要填几位"),
    ],
)
def test_a_bare_count_carries_the_subject_before(before: str, then: str, whole: str) -> None:
    assert carried_count(then, False, before) == whole
    assert query_text(two_turns(before, then)) == whole


def test_a_count_with_its_own_subject_or_after_no_question_is_left() -> None:
    assert carried_count("孵化基地有几家", False, "孵化基地分几类") is None
    assert carried_count("有几家", False, "谢谢你") is None
    assert carried_count("有几家", True, "孵化基地分哪几类") is None
    assert subject_of("创业补贴要多少钱") == "创业补贴"


@pytest.mark.parametrize(("subject", "code"), [("稳岗补贴", SUBSIDY), ("就业见习补贴", SUBSIDY), ("农行贷款", LOAN)])
def test_another_schemes_name_is_not_the_item(subject: str, code: str) -> None:
    assert another_scheme(subject, code)


@pytest.mark.parametrize(
    ("subject", "code"),
    [("创业补贴", SUBSIDY), ("那个补贴", SUBSIDY), ("企业贷款", LOAN), ("一次性补助", SUBSIDY), ("开业补贴", SUBSIDY)],
)
def test_the_items_own_names_stay_the_item(subject: str, code: str) -> None:
    assert not another_scheme(subject, code)


def test_what_about_another_scheme_keeps_its_name_and_drops_the_item() -> None:
    then = "那稳岗补贴呢"
    tracker = two_turns("创业补贴能拿多少钱", then, [item(then, "补贴", SUBSIDY)])
    assert follow_up_item(tracker) is None
    assert query_text(tracker) == "稳岗补贴能拿多少钱"
    assert follow_up_item(two_turns("创业补贴能拿多少钱", "那贷款呢", [item("那贷款呢", "贷款", LOAN)])) == LOAN


def test_an_enterprise_said_before_goes_with_the_loan_limit() -> None:
    tracker = two_turns("我们是一家小微企业，想申请担保贷款", "能贷多少")
    assert enterprise_said(tracker)
    assert with_borrower(tracker, "能贷多少", LOAN) == "小微企业能贷多少"
    assert with_borrower(tracker, "个人能贷多少", LOAN) == "个人能贷多少"  # the kind asked is kept
    assert with_borrower(tracker, "补贴多少钱", None) == "补贴多少钱"  # not the loan


def test_the_forms_choice_decides_the_borrower() -> None:
    tracker = two_turns("我想办担保贷款", "最多贷几年", loan_borrower="enterprise")
    assert with_borrower(tracker, "最多贷几年", LOAN) == "小微企业最多贷几年"
    person = two_turns("公司的事以后再说", "最多能贷多少", business_type="individual_business")
    assert with_borrower(person, "最多能贷多少", LOAN) == "最多能贷多少"
    assert not enterprise_said(two_turns("我个人开个小店", "能贷多少"))


@pytest.mark.parametrize(
    "text", ["系统会不会自动把能领的推给我", "他在困难人员库里，补贴能不能一键确认", "会不会主动通知我领补贴"]
)
def test_questions_about_what_the_system_does(text: str) -> None:
    assert about_the_system(text)


def test_a_persons_own_case_is_no_system_question() -> None:
    assert not about_the_system("我这种情况能领补贴吗")
