"""The item named and the kind of question asked (issue 14, round 9), and one facet of one item answered alone.

The item's sources asking what the question asks are scored whether or not a retriever found them
(:meth:`asking.Rules.lookup`). A pension question about where to register gets that fact, not the
general entry.
"""

from pathlib import Path

import pytest

from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.service import KnowledgeBase

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge_base"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.load(KNOWLEDGE_DIR)


def test_the_lookup_takes_the_item_and_kind_asked(rules: Rules, kb: KnowledgeBase) -> None:
    wanted = rules.lookup("办营业执照大概要几天")
    assert wanted is not None
    chosen = [e for e in kb.index.entries().values() if wanted(e)]
    assert "faq-149" in {e.source for e in chosen}  # the licence's days
    assert all(e.item == "business_registration" for e in chosen)
    assert rules.lookup("要几天") is None  # no item named
    assert rules.lookup("营业执照和担保贷款各要几天") is None  # two items


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("个体户没请人的，养老保险在哪登记", "faq-193"),
    ],
)
def test_a_facet_of_one_item_is_answered_by_that_facet(kb: KnowledgeBase, question: str, source: str) -> None:
    result = kb.search(question, record_unanswered=False)
    assert result.status == "faq" and result.sources[0]["id"] == source, (result.status, result.answer)
