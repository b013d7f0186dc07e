"""A situation told before a how-much question is context: the question is searched, with the item the story names.

"没有东西抵押，贷款能借多少" states the asker's situation, then asks the loan's limit; searched whole, the situation
outweighed the question (the mortgage examples out of scope, the collateral FAQ) and the limit was never answered.
"小吃店开张一年出头，头回做生意，听讲有笔补贴，到底多少" tells a story, names the subsidy in it and asks how much at
the end; searched whole, the story's "一年" drew the rule on a year of trading. An amount does not depend on such a
story, so the question clause is searched, headed by the item the story names when the question names none
("补贴到底多少"). Only when every clause before the last states something (none asks) and one of them tells a
situation (names no item: "我要申请担保贷款，最多能贷多少" and "省级孵化基地以前73家 现在还剩多少" only say what
is asked about), the last asks how much and nothing else, the story names no other kind of borrower than the
question (a company's limit is not a person's), and an item is named: otherwise the whole text is searched.
"""

import re
from collections.abc import Callable, Mapping

from bundle_service.knowledge.facets import QuestionTypes

CLAUSES = re.compile(r"[，,。；;！!？?\s]+")
HOW_MUCH = re.compile(r"多少|几万|几千")  # the dialect's 好多 is 多少 by now (contract.dialect)
AMOUNT = "amount"


def asked_after_story(
    text: str, asks: Callable[[str], bool], types: QuestionTypes, aliases: Mapping[str, str]
) -> tuple[str, str] | None:
    """The how-much question ``text`` ends with, headed by the item its story names, and that item; None if no such.

    Args:
        text: The normalised question (relay words dropped, in the knowledge base's words).
        asks: Whether a clause asks something.
        types: The question types (what a clause asks, whom it is about).
        aliases: The items' names (alias → item code).

    Returns:
        ("补贴到底多少", "startup_subsidy") for "…听讲有笔补贴，到底多少"; ("贷款能借多少", "guaranteed_loan") for
        "没有东西抵押，贷款能借多少" (the item searched within: "贷款能借多少" alone also asks a bank's loan); None
        otherwise.
    """
    clauses = [c for c in CLAUSES.split(text) if c]
    if len(clauses) < 2:
        return None
    *story_clauses, question = clauses
    story = "，".join(story_clauses)
    if any(asks(clause) for clause in story_clauses) or not HOW_MUCH.search(question):
        return None
    if all(any(alias in clause for alias in aliases) for clause in story_clauses):
        return None  # no situation told: the clauses before say what is asked about
    if types.of(question) - {AMOUNT} or types.subjects_of(story) - types.subjects_of(question):
        return None  # another figure asked, or the story says whose it is ("我们是公司，能贷多少")
    named = sorted((a for a in aliases if a in question), key=len, reverse=True)
    if named:
        return question, aliases[named[0]]
    told = sorted((a for a in aliases if a in story), key=len, reverse=True)
    return (f"{told[0]}{question}", aliases[told[0]]) if told else None
