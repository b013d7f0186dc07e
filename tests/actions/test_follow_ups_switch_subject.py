"""A follow-up that switches the borrower or the place keeps the question (tenth sets' B1, our own wordings).

"要是办公司的话呢" after a person's loan limit asks the small enterprise's limit, not the person's again; "那我们湖南呢"
right after another province's question was redirected asks that question about Hunan, not where to apply. A
follow-up that switches nothing, or a Hunan follow-up after an ordinary answer, is left as it is.
"""

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.knowledge.query_text import query_text
from actions.knowledge.subject_switch import home_named
from tests.actions.conftest import make_tracker, user_event

REDIRECT = (
    "抱歉，我只能解答湖南省个人创业“一件事”的政策，{place}的政策不在我的服务范围内，请咨询当地的人社部门或政务服务窗口。"
    "想了解湖南的规定，可以直接问我。"
)


def said(before: str, then: str, bot: str = "（回答）") -> Tracker:
    events: list[dict[str, Any]] = [
        user_event(before, "ask_question"),
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": bot},
        {"event": "action", "name": "action_listen"},
        user_event(then, "ask_question"),
    ]
    return make_tracker(events)


@pytest.mark.parametrize(
    ("before", "then", "whole"),
    [
        ("担保贷款个人能贷多少", "要是办公司的话呢", "担保贷款小微企业能贷多少"),
        ("创业担保贷款个人最多贷多少", "那如果是开公司呢", "创业担保贷款小微企业最多贷多少"),
        ("个人贷款最长几年", "换成以公司名义贷呢", "小微企业贷款最长几年"),
        ("贷款最多能贷多少", "办个公司的话呢", "小微企业贷款最多能贷多少"),
        ("个人最多能贷多少", "要是我是大学生呢", "大学生最多能贷多少"),
        ("办执照要几天", "开个体户的话呢", "个体户办执照要几天"),
        ("担保贷款个人能贷多少", "换成有限公司呢", "担保贷款小微企业能贷多少"),
        ("担保贷款我个人最多能借多少", "那要是注册成公司呢", "担保贷款小微企业最多能借多少"),  # 注册 plans the company
        ("个人贷款最多几年", "要是注册个体户呢", "个体户贷款最多几年"),
    ],
)
def test_another_borrower_said_with_a_plan_keeps_the_question(before: str, then: str, whole: str) -> None:
    assert query_text(said(before, then)) == whole


def test_a_kind_with_more_said_is_not_taken_for_the_kind_alone() -> None:
    """ "要是公司开起来以后呢" says more than the kind: no small enterprise put in for it."""
    assert "小微企业" not in query_text(said("担保贷款个人能贷多少", "要是公司开起来以后呢"))


@pytest.mark.parametrize(
    ("before", "place", "then", "whole"),
    [
        ("广东开奶茶店有什么补贴", "广东", "那我们湖南呢", "湖南开奶茶店有什么补贴"),
        ("广东开奶茶店有什么补贴", "广东", "湖南这边呢", "湖南开奶茶店有什么补贴"),
        ("广东省的创业补贴能领多少", "广东", "那长沙呢", "长沙的创业补贴能领多少"),
        ("深圳那边担保贷款能贷多少", "深圳", "咱们这边有没有", "湖南那边担保贷款能贷多少"),
        ("在杭州开店有没有补贴", "杭州", "那株洲呢", "在株洲开店有没有补贴"),
    ],
)
def test_hunan_after_another_places_redirect_asks_the_question_about_hunan(
    before: str, place: str, then: str, whole: str
) -> None:
    assert query_text(said(before, then, REDIRECT.format(place=place))) == whole


def test_hunan_after_an_ordinary_answer_or_with_more_said_is_left_as_it_is() -> None:
    assert query_text(said("开奶茶店有什么补贴", "那我们湖南呢")) == "那我们湖南呢"
    redirected = REDIRECT.format(place="广东")
    assert query_text(said("广东开奶茶店有什么补贴", "那湖南怎么申请", redirected)) == "那湖南怎么申请"
    assert query_text(said("广东开奶茶店有什么补贴", "那贷款呢", redirected)) == "广东开奶茶店有什么贷款"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("那我们湖南呢", "湖南"),
        ("湖南省的呢", "湖南省"),
        ("那在长沙呢", "长沙"),
        ("湖南有没有", "湖南"),
        ("那贷款呢", None),
    ],
)
def test_a_follow_up_made_of_a_hunan_place(text: str, place: str | None) -> None:
    assert home_named(text) == place


def test_a_kind_said_with_a_plan_asks_about_no_item() -> None:
    from actions.knowledge.query_text import follow_up_item

    assert follow_up_item(said("担保贷款我个人最多能借多少", "那要是注册成公司呢")) is None
    assert follow_up_item(said("办执照要几天", "那注册那边呢")) == "business_registration"
