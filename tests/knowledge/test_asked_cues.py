"""Everyday words that ask a kind of question, and a menu of one title that is the fact asked (issue 14)."""

from dataclasses import replace
from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.ranking import Thresholds, decide
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.test_ranking import hit

RULES = Rules.load(Path(__file__).resolve().parents[2] / "knowledge_base")
THRESHOLDS = Thresholds(bm25_weight=0.2, faq_threshold=0.75, floor=0.72, ambiguity_margin=0.0025)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("SYB课程交不交学费", "fee"),
        ("审批通过以后钱几时打到卡上", "processing_time"),
        ("执照是哪个局发的", "department"),
        ("开店要不要交房产证", "materials"),
        ("这一步还要我自己跑一趟吗", "self_or_auto"),
        ("灯变黄了是么子意思", "meaning"),
    ],
)
def test_everyday_words_ask_a_kind(question: str, kind: str) -> None:
    assert kind in RULES.types.of(question)


def test_a_rate_asked_is_no_materials_question() -> None:
    assert RULES.types.of("养老保险每个月要交多少") & {"rate", "base"}
    assert "materials" not in RULES.types.of("养老保险每个月要交多少")


def test_which_department_is_not_also_a_place() -> None:
    assert RULES.types.of("执照要去哪个部门办") == frozenset({"department"})


def with_item(source: object, item: str) -> object:
    return replace(source, entry=replace(source.entry, item=item))  # type: ignore[attr-defined]


def test_one_title_that_is_the_fact_asked_is_answered() -> None:
    term = with_item(hit("faq", 0.735, "faq-125", "孵化期有多长？", "一般不超过3年。"), "incubator")
    decision = decide([term], THRESHOLDS, RULES.asked("孵化基地孵化期最长几年"))  # type: ignore[list-item]
    assert decision.status == "faq"


def test_one_title_of_another_kind_stays_a_title() -> None:
    place = with_item(hit("faq", 0.735, "faq-199", "孵化基地在哪申请？", "…"), "incubator")
    decision = decide([place], THRESHOLDS, RULES.asked("孵化基地孵化期最长几年"))  # type: ignore[list-item]
    assert decision.status == "suggest"


@pytest.mark.parametrize(
    ("question", "kind"),
    [("开店补贴给三千还是八千", "amount"), ("贷款批2年还是4年", "term"), ("审批要7天还是15天", "processing_time")],
)
def test_a_choice_between_two_figures_asks_the_kind_of_its_unit(question: str, kind: str) -> None:
    assert kind in RULES.types.of(question)


def test_a_choice_without_figures_asks_no_amount() -> None:
    assert "amount" not in RULES.types.of("执照领纸质的还是电子的")


def test_a_light_or_status_is_asked_of_the_whole_bundle() -> None:
    assert RULES.types.asks_bundle_wide("培训那项亮了红灯咋办")
    assert not RULES.types.asks_bundle_wide("培训要上几天课")


def test_a_light_asked_with_an_item_in_passing_gets_the_lights_answer(kb: KnowledgeBase) -> None:
    result = kb.search("贷款那一栏变黄了要不要紧", item="guaranteed_loan", record_unanswered=False)
    assert result.status == "faq" and "黄灯" in result.answer
