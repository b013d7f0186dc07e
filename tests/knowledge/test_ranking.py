"""The answer decision: floor, direct-answer threshold, ambiguity margin, out-of-scope examples (pure, no model)."""

import pytest

from bundle_service.knowledge.answers import compose
from bundle_service.knowledge.entries import OUT_OF_SCOPE, Entry
from bundle_service.knowledge.ranking import SourceHit, Thresholds, decide

THRESHOLDS = Thresholds(bm25_weight=0.1, faq_threshold=0.85, floor=0.73, out_of_scope_margin=0.0)


def hit(kind: str, score: float, source: str = "faq-001", question: str = "", answer: str = "…") -> SourceHit:
    entry = Entry(
        id=f"{kind}:{source}",
        kind=kind,
        source=OUT_OF_SCOPE if kind == OUT_OF_SCOPE else source,
        text=answer,
        embed_text="…",
        bm25_text="…",
        item="",
        region="",
        effective_date="",
        document="",
        document_path="",
        section=question,
    )
    return SourceHit(entry.source, entry, score, score, 0.0)


@pytest.mark.parametrize(
    ("hits", "status"),
    [
        ([hit("faq", 0.90)], "faq"),
        # below the direct-answer threshold: titles to pick from, never the answer (was "answer" with
        # "您可能想问" and the other question's answer in front: issue 14 found it asserting wrong facts)
        ([hit("faq", 0.80)], "suggest"),
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
    assert (decision.best is None) == (status in ("not_found", "suggest"))
    assert (decision.choices != []) == (status == "suggest")
    assert decision.best is None or decision.best.entry.kind != OUT_OF_SCOPE


def test_a_positive_margin_lets_an_answer_stand_against_a_slightly_better_example() -> None:
    hits = [hit(OUT_OF_SCOPE, 0.86), hit("faq", 0.84)]
    assert decide(hits, THRESHOLDS).status == "not_found"
    lenient = Thresholds(0.1, 0.80, 0.73, out_of_scope_margin=0.03)
    assert decide(hits, lenient).status == "faq"


PERSON = hit("faq", 0.90, "faq-104", "创业担保贷款个人最多贷多少？", "个人最高20万元。")
FIRM = hit("faq", 0.89, "faq-106", "小微企业能贷多少？", "小微企业最高300万元。")


def test_two_different_facts_scoring_alike_are_offered_to_pick_not_guessed() -> None:
    rule = Thresholds(0.1, 0.85, 0.73, ambiguity_margin=0.02)
    decision = decide([PERSON, FIRM], rule)
    assert decision.status == "suggest" and decision.best is None
    reply = compose(decision)
    assert "创业担保贷款个人最多贷多少？" in reply and "小微企业能贷多少？" in reply
    assert "20万" not in reply and "300万" not in reply  # neither fact is asserted
    assert "来源" not in reply
    assert decide([PERSON, FIRM], Thresholds(0.1, 0.85, 0.73, ambiguity_margin=0.005)).status == "faq"


def test_a_mid_confidence_match_shows_titles_only() -> None:
    decision = decide([hit("faq", 0.80, "faq-084", "养老保险缴费比例是多少？", "缴费比例是20%。")], THRESHOLDS)
    reply = compose(decision)
    assert decision.status == "suggest"
    assert "养老保险缴费比例是多少？" in reply and "20%" not in reply and "您可能想问" not in reply
