"""The answer decision: floor, FAQ threshold and out-of-scope examples (pure, no model)."""

import pytest

from bundle_service.knowledge.entries import OUT_OF_SCOPE, Entry
from bundle_service.knowledge.ranking import SourceHit, Thresholds, decide

THRESHOLDS = Thresholds(bm25_weight=0.1, faq_threshold=0.85, floor=0.73, out_of_scope_margin=0.0)


def hit(kind: str, score: float, source: str = "faq-001") -> SourceHit:
    entry = Entry(
        id=f"{kind}:{source}",
        kind=kind,
        source=OUT_OF_SCOPE if kind == OUT_OF_SCOPE else source,
        text="…",
        embed_text="…",
        bm25_text="…",
        item="",
        region="",
        effective_date="",
        document="",
        document_path="",
        section="",
    )
    return SourceHit(entry.source, entry, score, score, 0.0)


@pytest.mark.parametrize(
    ("hits", "status"),
    [
        ([hit("faq", 0.90)], "faq"),
        ([hit("faq", 0.80)], "answer"),
        ([hit("doc", 0.90, "overview.md#x")], "answer"),
        ([hit("faq", 0.70)], "not_found"),
        ([], "not_found"),
        ([hit(OUT_OF_SCOPE, 0.95), hit("faq", 0.90)], "not_found"),  # an example beats a strong FAQ
        ([hit("faq", 0.90), hit(OUT_OF_SCOPE, 0.89)], "faq"),  # the FAQ wins by any margin
        ([hit(OUT_OF_SCOPE, 0.95)], "not_found"),  # only examples: nothing to answer with
    ],
)
def test_decide(hits: list[SourceHit], status: str) -> None:
    decision = decide(hits, THRESHOLDS)
    assert decision.status == status
    assert (decision.best is None) == (status == "not_found")
    assert decision.best is None or decision.best.entry.kind != OUT_OF_SCOPE


def test_a_positive_margin_lets_an_answer_stand_against_a_slightly_better_example() -> None:
    hits = [hit(OUT_OF_SCOPE, 0.86), hit("faq", 0.84)]
    assert decide(hits, THRESHOLDS).status == "not_found"
    lenient = Thresholds(0.1, 0.85, 0.73, out_of_scope_margin=0.03)
    assert decide(hits, lenient).status == "answer"
