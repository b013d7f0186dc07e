"""Money questions read in their context: the subsidy's sum, the training's subsidy, each borrower, sums in 元.

A bare "那到时候能领多少" asks the one sum the bundle pays a founder (the start-up subsidy's 5000元), whatever item
the conversation keeps; "有补贴吗" right after a training answer asks about the training's subsidy; "个人和公司各能
贷多少" asks each borrower's own limit; "贷300000元" is the 30万 the limits are stated in.
"""

from typing import Any

import pytest

from actions.knowledge.carried_subject import carried_place
from actions.knowledge.parties import per_party
from actions.knowledge.subsidy_amount import asks_subsidy_amount, in_training, item_before
from actions.knowledge.yuan_sums import in_wan
from tests.actions.conftest import user_event

SUBSIDY, TRAINING, LOAN = "startup_subsidy", "training", "guaranteed_loan"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("行吧，那以后能领多少钱", None),
        ("嗯 到时候可以领多少", None),
        ("补贴大概能拿多少", SUBSIDY),
        ("一共发多少？", None),
    ],
)
def test_a_bare_sum_received_is_the_subsidys(text: str, named: str | None) -> None:
    assert asks_subsidy_amount(text, named)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("那能拿多少", None),  # 拿 alone may be the loan's
        ("贷款最多贷多少", LOAN),
        ("失业金一个月能领多少", None),
        ("公示要多少天", None),
        ("培训能领多少补贴", TRAINING),
    ],
)
def test_other_sums_are_left_to_the_search(text: str, named: str | None) -> None:
    assert not asks_subsidy_amount(text, named)


@pytest.mark.parametrize(
    ("text", "searched"),
    [("有补贴吗", "培训有补贴吗"), ("那补贴给谁", "培训补贴给谁"), ("补助打到哪", "培训补助打到哪")],
)
def test_a_bare_subsidy_after_training_is_the_trainings(text: str, searched: str) -> None:
    assert in_training(text, TRAINING, SUBSIDY) == searched


@pytest.mark.parametrize(
    ("text", "kept"), [("有补贴吗", LOAN), ("一次性创业补贴给谁", TRAINING), ("培训补贴给谁", TRAINING)]
)
def test_the_start_up_subsidy_stays_itself(text: str, kept: str) -> None:
    assert in_training(text, kept, SUBSIDY) is None


def test_the_item_kept_is_the_one_before_the_message() -> None:
    events: list[dict[str, Any]] = [
        user_event("创业培训要钱吗", "ask_question"),
        {"event": "slot", "name": "item", "value": TRAINING},
        {"event": "bot", "text": "（回答）"},
        user_event("有补贴吗", "ask_question"),
        {"event": "slot", "name": "item", "value": SUBSIDY},  # the message's own entity
    ]
    assert item_before(events) == TRAINING


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("大学生和小微企业分别能贷多少", ["大学生能贷多少", "小微企业能贷多少"]),
        ("我个人跟公司各最多贷多少", ["我个人最多贷多少", "公司最多贷多少"]),
        ("个人和企业贷款期限分别多长", ["个人贷款期限多长", "企业贷款期限多长"]),
    ],
)
def test_each_borrower_gets_its_own_question(text: str, parts: list[str]) -> None:
    assert per_party(text) == parts


@pytest.mark.parametrize("text", ["补贴和贷款分别多少", "退役军人和农民工分别能贷多少", "个人能贷多少"])
def test_one_kind_of_borrower_is_one_question(text: str) -> None:
    assert per_party(text) == []


@pytest.mark.parametrize(
    ("text", "searched"),
    [("贷300000元可以吗", "贷30万可以吗"), ("想借50000块", "想借5万"), ("贷款2000000元行不行", "贷款200万行不行")],
)
def test_a_round_sum_in_yuan_is_said_in_wan(text: str, searched: str) -> None:
    assert in_wan(text) == searched


@pytest.mark.parametrize("text", ["编号202612080001怎么查", "贷123456元行吗", "手机13912345678", "150000"])
def test_other_digits_keep_theirs(text: str) -> None:
    assert in_wan(text) == text


@pytest.mark.parametrize(
    ("text", "before", "searched"),
    [
        ("那能办哪些", "政务大厅里的创业服务窗口在几楼", "创业服务窗口能办哪些"),
        ("都管些啥", "南站那个接待站咋走", "接待站都管些啥"),
        ("可以干什么", "创业在湘平台是什么", "创业在湘平台可以干什么"),
    ],
)
def test_what_a_place_does_is_asked_of_that_place(text: str, before: str, searched: str) -> None:
    assert carried_place(text, False, before) == searched


@pytest.mark.parametrize(
    ("text", "before", "named"),
    [("能办哪些", "线上在哪里办", False), ("要等多久", "创业服务窗口在哪", False), ("能办哪些", "窗口在哪", True)],
)
def test_no_place_or_another_question_carries_nothing(text: str, before: str, named: bool) -> None:
    assert carried_place(text, named, before) is None
