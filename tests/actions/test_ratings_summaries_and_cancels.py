"""The closed loop in natural talk: ratings in any wording, yes+submit at the complaint summary, no full number said
back, and "没交上去吧" right after a cancel. Played with the driver of ``test_appeals`` against the real service.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_answers import category_choice
from actions.appeals.rating_words import ASK_SCORE, wants_to_rate
from actions.application.application_actions import CANCELLED
from actions.conversation.cancelled_form import NOT_SUBMITTED, unfiled_after_cancel
from actions.conversation.fallback import ActionHandleLowConfidence
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_appeals import LAST6, Chat, appeal_number, entity, finish_all
from tests.actions.test_progress_and_eligibility import file_one

CATEGORIES = [
    {"code": "progress", "label": "办理进度与时限"},
    {"code": "materials", "label": "申请材料与免提交"},
    {"code": "loan", "label": "创业担保贷款"},
    {"code": "training", "label": "创业培训"},
    {"code": "staff", "label": "工作人员服务态度与作风"},
    {"code": "other", "label": "其他与意见建议"},
]


@pytest.mark.parametrize(
    "said",
    ["嗯 提交", "对，提交吧", "好的确认", "是的 确认提交", "嗯嗯，就这样交上去吧", "对的没问题，提交", "行 提交"],
)
def test_yes_and_submit_words_never_change_the_category(said: str) -> None:
    assert category_choice(said, CATEGORIES) is None


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("改成培训", "training"),
        ("归到贷款那类吧", "loan"),
        ("类别改为其他", "other"),
        ("申请材料", "materials"),  # a bare part of 3+ characters
        ("应该属于服务态度", "staff"),
        ("选培训，然后提交", "training"),
    ],
)
def test_a_category_is_picked_with_a_choosing_word_or_a_long_enough_part(said: str, code: str) -> None:
    chosen = category_choice(said, CATEGORIES)
    assert chosen is not None and chosen["code"] == code


def test_a_bare_two_character_part_is_no_choice() -> None:
    assert category_choice("培训", CATEGORIES) is None


@pytest.mark.parametrize(
    "said",
    ["我的贷款申请办好了，想打个分", "想评价一下办件", "给个好评", "一颗星，问啥都答不上", "给你们打6分", "⭐⭐⭐"],
)
def test_ratings_in_many_wordings_are_meant_to_rate(said: str) -> None:
    assert wants_to_rate(said)


@pytest.mark.parametrize("said", ["怎么给差评", "评分标准是什么", "一般多久能办好", "我想申请贷款", "还行"])
def test_questions_and_descriptions_are_not_ratings(said: str) -> None:
    assert not wants_to_rate(said)


async def test_a_low_rating_the_nlu_was_unsure_of_is_stored_not_rephrased(service_url: str) -> None:
    said = await Chat("web:rating-unsure").say("两颗星，问东答西的", "nlu_fallback")
    assert "没太明白" not in said and "2星" in said and "整改回访" in said


async def test_a_wish_to_rate_an_application_asks_the_score_then_which_one(service_url: str) -> None:
    number = await file_one("web:rating-wish-owner")
    finish_all(service_url, number)
    chat = Chat("web:rating-wish")
    said = await chat.say("我的贷款申请办完了，想打个分", "nlu_fallback")
    assert said == ASK_SCORE
    said = await chat.say("四星", "give_feedback")
    assert "申请编号" in said  # the application named before: which one (then verified), not the conversation
    said = await chat.say(number, "inform", [entity("application_id", number)])
    assert "后6位" in said and number not in said
    said = await chat.say(LAST6, "inform")
    assert f"尾号{number[-4:]}" in said and "4星" in said and number not in said


async def test_a_complaint_summary_accepts_yes_and_submit_in_one_message(service_url: str) -> None:
    chat = Chat("web:appeal-yes-submit")
    said = await chat.say(
        "我要投诉，前天下午在雨花区政务服务中心，窗口让我来回跑了三趟，电话13912345678",
        "complain",
        [entity("phone", "13912345678")],
    )
    assert "请核对" in said
    said = await chat.say("嗯 提交", "affirm")
    assert appeal_number(said) and "类别改为" not in said and "个工作日" in said


def _after_cancel(question: str, *between: dict[str, Any]) -> Any:
    return make_tracker(
        [
            user_event("我想申请创业补贴", "start_application"),
            {"event": "bot", "text": "好的，我们开始填写申请。"},
            user_event("算了不办了", "cancel"),
            {"event": "bot", "text": CANCELLED},
            *between,
            user_event(question, "check_progress"),
        ]
    )


@pytest.mark.parametrize("question", ["没交上去吧", "刚才那个应该没提交吧", "那份表交出去了没", "确定没报上去？"])
def test_whether_a_just_cancelled_form_was_filed_is_answered(question: str) -> None:
    assert unfiled_after_cancel(_after_cancel(question), question) == NOT_SUBMITTED


def test_long_after_the_cancel_or_without_a_question_it_is_not() -> None:
    later = [user_event("补贴多少钱", "ask_question"), {"event": "bot", "text": "..."}] * 3
    assert unfiled_after_cancel(_after_cancel("没交上去吧", *later), "没交上去吧") is None
    assert unfiled_after_cancel(_after_cancel("我交了材料"), "我交了材料") is None
    assert unfiled_after_cancel(_after_cancel("CY20261207000001提交了吗"), "CY20261207000001提交了吗") is None


async def test_the_low_confidence_action_says_nothing_was_filed(service_down: None) -> None:
    dispatcher = CollectingDispatcher()
    question = "刚刚那份应该没交出去吧"
    await ActionHandleLowConfidence().run(dispatcher, _after_cancel(question), {})
    assert [m["text"] for m in dispatcher.messages] == [NOT_SUBMITTED]


async def test_the_application_start_and_the_progress_router_say_nothing_was_filed(service_down: None) -> None:
    from actions.application.application_start import ActionStartApplication
    from actions.progress.progress_router import ActionRouteProgress

    question = "刚才那个应该没交上去吧"  # read as affirm (the form's start) or check_progress, two turns on
    for action in (ActionStartApplication(), ActionRouteProgress()):
        dispatcher = CollectingDispatcher()
        await action.run(dispatcher, _after_cancel(question), {})
        assert [m["text"] for m in dispatcher.messages] == [NOT_SUBMITTED], action.name()


async def test_a_wish_to_rate_read_as_applying_asks_for_the_score_not_the_form(service_down: None) -> None:
    from actions.application.application_start import ActionStartApplication

    said = "执照已经批下来了，想给你们打个分"
    tracker = make_tracker([user_event(said, "start_application")])
    dispatcher = CollectingDispatcher()
    events = await ActionStartApplication().run(dispatcher, tracker, {})
    assert any(ASK_SCORE in str(m.get("text")) for m in dispatcher.messages), dispatcher.messages
    assert not any(e.get("event") == "active_loop" and e.get("name") == "application_form" for e in events), events
