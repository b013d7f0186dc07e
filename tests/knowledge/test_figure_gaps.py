"""A figure asked that the answering source does not state is a content gap, said honestly (issue 14, round 9).

"刻章要多少钱" drew "执照办好后可以预约刻章": the nearest text, but the policy gives no price. Such a question gets
"政策要点没有写明…" and who to ask, never the neighbouring rule; a figure the source states is answered as before.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.ranking import Thresholds, decide
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.test_ranking import hit

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"
THRESHOLDS = Thresholds(bm25_weight=0.2, faq_threshold=0.75, floor=0.72)
SEAL = hit("faq", 0.80, "faq-148", "执照办好后能预约刻章吗？", "能，登记后可以同步预约刻章和银行开户。")
AMOUNT = hit("faq", 0.80, "faq-091", "创业补贴有多少钱？", "一次性创业补贴5000元。")
FREE = hit("faq", 0.80, "faq-135", "创业培训要交钱吗？", "持就业创业证可免费参加。")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


def test_a_price_the_source_does_not_state_is_a_gap(rules: Rules) -> None:
    decision = decide([SEAL], THRESHOLDS, rules.asked("刻个章大概要花多少钱"))
    assert decision.status == "not_found" and decision.gap is SEAL
    reply = compose(decision)
    assert "没有写明" in reply and "预约刻章" in reply and "能，登记后" not in reply


@pytest.mark.parametrize(("source", "question"), [(AMOUNT, "创业补贴能领多少钱"), (FREE, "创业培训收多少钱")])
def test_a_figure_the_source_states_is_answered(rules: Rules, source: object, question: str) -> None:
    decision = decide([source], THRESHOLDS, rules.asked(question))  # type: ignore[list-item]
    assert decision.status == "faq"


def test_a_question_asking_no_figure_is_answered_as_before(rules: Rules) -> None:
    assert decide([SEAL], THRESHOLDS, rules.asked("执照办好了能顺便刻章吗")).status == "faq"


def test_through_the_search(kb: KnowledgeBase) -> None:
    result = kb.search("孵化基地的房租每平米能减多少钱", record_unanswered=False)
    assert result.status != "faq" or "没有写明" in result.answer  # never the rent rule as if it stated the figure
    assert "减免" not in result.answer.split("\n")[0] or "没有写明" in result.answer
