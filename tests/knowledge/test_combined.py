"""Questions about two items at once get a source about both, never one item's FAQ (pure, no model)."""

from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.combined import Combined
from bundle_service.knowledge.entries import OUT_OF_SCOPE
from bundle_service.knowledge.index import ScoredEntry
from bundle_service.knowledge.ranking import by_source
from tests.knowledge.test_ranking import hit

ROOT = Path(__file__).resolve().parents[2]
RULES = Rules.load(ROOT / "knowledge_base")

GENERAL = "几个事项能一起申请吗？"
ORDER = "几个事项要分先后顺序办吗？"
LICENCE_AND_TAX = "为什么登记注册和纳税人信息确认必须一起选？"
SUBSIDY_VS_LOAN = "创业补贴和创业担保贷款有什么区别？"
LOAN_WHO = "哪些人可以申请创业担保贷款？"
LOAN_WHERE = "创业担保贷款在哪里申请？"


def scored(title: str, score: float, kind: str = "faq") -> ScoredEntry:
    return ScoredEntry(hit(kind, score, title, title).entry, score, score, 0.0)


CANDIDATES = [
    scored(LOAN_WHO, 0.79),
    scored(LOAN_WHERE, 0.78),
    scored(LICENCE_AND_TAX, 0.77),
    scored(SUBSIDY_VS_LOAN, 0.76),
    scored(GENERAL, 0.75),
    scored(ORDER, 0.74),
    scored("结婚登记和户口迁移能一起办吗", 0.70, OUT_OF_SCOPE),
]


def sources(question: str) -> list[str]:
    return [hit.source for hit in by_source(RULES.combined.focus(question, CANDIDATES))]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("创业担保贷款和创业补贴可以一起申请吗", GENERAL),  # was: who may borrow (one item's FAQ)
        ("我能同时申请贷款和补贴吗", GENERAL),
        ("先办营业执照还是先申请贷款", ORDER),  # was: the licence's materials
        ("就业创业证和创业培训哪个先办", ORDER),
        ("补贴和贷款有啥不一样", SUBSIDY_VS_LOAN),
        ("办执照和纳税人信息确认为什么要一起选", LICENCE_AND_TAX),
    ],
)
def test_a_question_about_two_items_together_is_answered_by_a_source_about_both(question: str, first: str) -> None:
    assert sources(question)[0] == first


def test_a_source_about_other_items_or_a_general_one_never_answers_a_comparison() -> None:
    kept = sources("补贴和贷款有什么区别")
    assert LICENCE_AND_TAX not in kept and GENERAL not in kept
    assert OUT_OF_SCOPE in kept  # the examples still refuse what is not ours


@pytest.mark.parametrize(
    "question",
    [
        "创业担保贷款哪些人能申请",  # one item
        "贷款的时候需要同时提供营业执照吗",  # two items, but not asked together
        "几个人一起创业贷款能多贷吗",  # "一起" about people, one item
        "就业创业证和营业执照有什么区别",  # no source compares these two: ranked as before
    ],
)
def test_other_questions_are_ranked_as_before(question: str) -> None:
    assert RULES.combined.focus(question, CANDIDATES) == CANDIDATES


def test_items_are_read_from_the_gazetteer_longest_name_first_and_guard_phrases_name_none() -> None:
    combined = RULES.combined
    assert combined.items("创业补贴和培训补贴有什么不同") == {"startup_subsidy", "training"}
    assert combined.items("我有住房贷款还能申请创业补贴吗") == {"startup_subsidy"}


def test_without_its_files_the_rule_is_off(tmp_path: Path) -> None:
    combined = Combined.load(tmp_path / "missing.yml", tmp_path / "item.yml")
    assert combined.focus("贷款和补贴能一起申请吗", CANDIDATES) == CANDIDATES
