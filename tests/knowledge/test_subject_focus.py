"""An answer about the one subject asked leaves out another subject's figures (issue 14)."""

from pathlib import Path

import pytest

from bundle_service.knowledge.facets import QuestionTypes
from bundle_service.knowledge.subject_focus import for_subject

TYPES = QuestionTypes.load(Path(__file__).resolve().parents[2] / "knowledge_base" / "question_types.yml")
TERM = "个人最长3年，小微企业最长2年。"
ENTERPRISE = "小微企业最高300万元，期限最长2年（个人申请最高20万元、最长3年）。"
PARTNERS = "能。合伙创业的，额度按人数合计（个人最高20万元），人均还可上浮不超过10%。"


def shown(answer: str, question: str) -> str:
    return for_subject(answer, TYPES.subjects_of(question), TYPES)


@pytest.mark.parametrize(
    ("answer", "question", "expected"),
    [
        (TERM, "公司贷款能借几年", "小微企业最长2年。"),
        (TERM, "我个人贷的话最长几年", "个人最长3年。"),
        (ENTERPRISE, "小微企业最高批多少", "小微企业最高300万元，期限最长2年。"),
    ],
)
def test_the_other_subjects_figure_is_left_out(answer: str, question: str, expected: str) -> None:
    assert shown(answer, question) == expected


def test_a_clause_continuing_another_subjects_rule_goes_with_it() -> None:
    answer = "个人最高20万元、期限最长3年；合伙创业的按人数合计，人均还可上浮不超过10%。"
    assert shown(answer, "一个人最多贷多少") == "个人最高20万元、期限最长3年。"


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        (TERM, "担保贷款最长几年"),  # a general question wants both
        (PARTNERS, "几个人合伙能贷多少"),  # a partnership's limit is built on the person's
        ("小微企业最高300万元。", "小微企业能贷多少"),  # nothing about another subject
    ],
)
def test_the_answer_stays_whole(answer: str, question: str) -> None:
    assert shown(answer, question) == answer


def test_nothing_is_left_out_when_no_figure_would_remain() -> None:
    answer = "按个人申请；小微企业最高300万元。"
    assert shown(answer, "个人能贷多少") == answer


def test_a_bare_person_word_keeps_the_persons_clauses() -> None:
    assert shown_for(ENTERPRISE, "公司最高能贷多少，个人呢") == ENTERPRISE


def shown_for(answer: str, question: str) -> str:
    return for_subject(answer, TYPES.subjects_of(question), TYPES, question)
