"""Hunan dialect words that ask or deny read as the standard words, only where they cannot mean anything else.

One list for the NLU and the knowledge search (contract/dialect.py): the normaliser reads :func:`standard_words`,
the search :func:`in_questions`, which reads every word the NLU reads the same way.
"""

import pytest

from contract.dialect import in_questions, standard_words
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import MakeComponent


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("一次性补贴能拿好多", "一次性补贴能拿多少"),
        ("孵化基地租金要交好多钱", "孵化基地租金要交多少钱"),
        ("个人最多贷好多", "个人最多贷多少"),
        ("执照下来要好多天", "执照下来要多少天"),
        ("补贴到手有好多？", "补贴到手有多少？"),
        ("好多个工作日办得完", "多少个工作日办得完"),
        ("冇得执照能贷款不", "没有执照能贷款不"),
        ("我冇有就业创业证", "我没有就业创业证"),
        ("我那个件批下来冇", "我那个件批下来没"),
        ("那个采集表叫么子名堂", "那个采集表叫么子名字"),
        ("这个卡叫啥名堂", "这个卡叫啥名字"),
        ("咋个申请孵化基地", "怎么申请孵化基地"),
        ("创业培训啷个报名", "创业培训怎么报名"),
    ],
)
def test_dialect_words_that_ask_read_as_standard_words(said: str, read: str) -> None:
    assert standard_words(said) == read
    assert in_questions(said) == read  # the knowledge search reads them alike


@pytest.mark.parametrize(
    "said",
    [
        "好多人在排队",  # a crowd
        "现在方便好多了",  # much better
        "等了好多天都没消息",  # a complaint about the past
        "接到好多推销电话",
        "我有好多问题想问",
        "好多年前开过一个店",
        "同一份材料复印了好多份",
        "你们搞么子名堂",  # "what a mess", not a name
    ],
)
def test_dialect_words_that_say_something_else_stay(said: str) -> None:
    assert standard_words(said) == said


@pytest.mark.parametrize("said", ["能贷好多", "冇得", "冇", "叫么子名堂", "要交好多钱哦"])
def test_the_length_is_kept(said: str) -> None:
    assert len(standard_words(said)) == len(said)


@pytest.mark.parametrize(
    ("asked", "searched"), [("改革以后材料省了好多", "改革以后材料省了多少"), ("已经等了好多天", "已经等了多少天")]
)
def test_a_question_reads_more_places_as_how_much(asked: str, searched: str) -> None:
    assert in_questions(asked) == searched
    assert standard_words(asked) == asked  # a message may say "a lot" there


def test_the_normaliser_reads_the_shared_words(make_component: MakeComponent) -> None:
    assert make_component(ChineseTextNormalizer, {})._dialect is standard_words
