"""A follow-up naming another insurance, benefit or tax is asked alone, never within the kept item (fourteenth E5a).

"那医保呢" after the pension's rate is no question about the pension: it is searched as said and without the item,
so the knowledge base declines it instead of answering the pension's collecting department.
"""

import pytest

from actions.knowledge.carried_subject import names_other_scheme
from actions.knowledge.query_text import follow_up_item, query_text
from actions.knowledge.searching import mentioned_item
from tests.actions.conftest import make_tracker, user_event

PENSION, TAX, SUBSIDY = "pension_registration", "taxpayer_confirmation", "startup_subsidy"


def two_turns(before: str, then: str, kept: str) -> object:
    return make_tracker(
        [
            user_event(before, "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": "（回答）"},
            {"event": "action", "name": "action_listen"},
            user_event(then, "ask_question"),
        ],
        slots={"item": kept},
    )


@pytest.mark.parametrize(
    ("before", "then", "kept"),
    [
        ("养老保险缴费比例是多少", "那医保呢", PENSION),
        ("养老保险缴费比例是多少", "失业保险呢", PENSION),
        ("新办纳税人套餐包括什么", "那增值税呢", TAX),
        ("创业补贴能领多少", "那失业金呢", SUBSIDY),
        ("创业补贴能领多少", "好的，公积金呢", SUBSIDY),
    ],
)
def test_another_scheme_is_asked_alone(before: str, then: str, kept: str) -> None:
    tracker = two_turns(before, then, kept)
    assert query_text(tracker) == then
    assert mentioned_item(tracker) is None
    assert follow_up_item(tracker) is None


@pytest.mark.parametrize(
    ("before", "then", "kept", "whole"),
    [("创业担保贷款要多久", "补贴呢", "guaranteed_loan", "补贴要多久")],
)
def test_an_items_follow_up_keeps_the_question(before: str, then: str, kept: str, whole: str) -> None:
    assert whole in query_text(two_turns(before, then, kept))


@pytest.mark.parametrize("subject", ["养老保险", "失业人员", "个体户", "纳税人", "税务", "创业补贴"])
def test_our_own_words_name_no_other_scheme(subject: str) -> None:
    assert not names_other_scheme(subject)
