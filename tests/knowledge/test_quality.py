"""Minimum retrieval quality on the dev set (figures: make bench, docs/knowledge.md)."""

from bundle_service.knowledge.out_of_scope import load_examples
from bundle_service.knowledge.service import KnowledgeBase
from scripts.knowledge_eval import collect, evaluate, independent, load_devset

# A little below the measured figures of the configured hybrid on all dev-set questions (see docs/knowledge.md).
MIN_R1 = 0.90
MIN_R3 = 0.96
MIN_REFUSALS = 0.93
MIN_ANSWERED = 0.90
MIN_FAQ_PRECISION = 0.95


def test_dev_set_quality_of_the_configured_hybrid(kb: KnowledgeBase) -> None:
    s = kb.settings
    questions = independent(load_devset(), load_examples(s.kb_out_of_scope_files))
    assert sum(q.in_domain for q in questions) >= 150 and sum(not q.in_domain for q in questions) >= 50
    scored = collect(kb.index, questions)
    m = evaluate(scored, s.kb_bm25_weight, s.kb_not_found_floor, s.kb_faq_threshold, s.kb_out_of_scope_margin)
    report = f"R@1 {m.r1:.3f} R@3 {m.r3:.3f} answered {m.answered:.3f} refusals {m.refusals:.3f}"
    assert m.r1 >= MIN_R1, report
    assert m.r3 >= MIN_R3, report
    assert m.answered >= MIN_ANSWERED, report
    assert m.refusals >= MIN_REFUSALS, report
    direct = f"direct FAQ answers {m.faq_direct_right}/{m.faq_direct} right"
    assert m.faq_direct_right >= MIN_FAQ_PRECISION * m.faq_direct, direct
