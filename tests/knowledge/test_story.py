"""A situation told before a how-much question is context: the question is searched with the item (issue 14).

"冇得东西抵押，贷款能借好多" and a story that names the subsidy, then asks "到底多少", were searched whole: the
situation outweighed the question. Invented wordings.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.service import KnowledgeBase

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


@pytest.mark.parametrize(
    ("asked", "searched"),
    [
        ("冇得东西抵押，贷款能借好多", "贷款能借多少"),  # the dialect read first (contract.dialect)
        ("家里没房子作抵押，担保贷款能贷多少", "担保贷款能贷多少"),
        ("米粉店开了一年多，第一次自己做，听人说有笔创业补贴，到底多少", "创业补贴到底多少"),
    ],
)
def test_the_question_after_a_story_is_searched_with_its_item(rules: Rules, asked: str, searched: str) -> None:
    assert rules.question(asked) == searched


def test_the_item_of_the_story_is_searched_within(rules: Rules) -> None:
    assert rules.focused("冇得东西抵押，贷款能借好多") == ("贷款能借多少", "guaranteed_loan")
    assert rules.focused("听人说有笔创业补贴，店也开了一年多，到底多少")[1] == "startup_subsidy"
    assert rules.focused("贷款能借多少")[1] is None


@pytest.mark.parametrize(
    "asked",
    [
        "店才开了半年，能申请创业补贴吗",  # the situation is what is asked about
        "我们是小微企业，没有抵押，贷款能贷多少",  # whose limit: the story says it
        "我是退役军人，能贷多少",  # no item named: searched whole as before
        "贷款要多久，能贷多少",  # two questions
        "补贴要几天到账，我等了一个月",
        "我想办创业担保贷款，最多能贷多少",  # no situation: the clause before says what is asked about
        "听说有行业类的垂直孵化基地，大概有多少家",
    ],
)
def test_other_texts_are_searched_whole(rules: Rules, asked: str) -> None:
    assert asked.split("，")[0] in rules.question(asked)


def test_through_the_search_the_amount_is_answered(kb: KnowledgeBase) -> None:
    result = kb.search("快餐店开张一年出头，头一回做生意，听讲有笔补贴，到底多少", record_unanswered=False)
    assert result.status == "faq" and "5000" in result.answer
    loan = kb.search("冇得东西抵押，贷款能借好多", record_unanswered=False)  # within the loan: no bank's product
    assert loan.status == "faq" and "20万" in loan.answer
