"""Minimum retrieval quality on the dev set and the look-alike set (figures: make bench, docs/knowledge.md).

The figures come from an index of their own, built from the shipped files only: the session's shared knowledge
base collects what other tests leave behind (a dismissed question is an out-of-scope example from then on, a
resolved one a FAQ), so on it the figures depended on which tests ran first.
"""

from collections.abc import Iterator

import pytest

from bench.knowledge_eval import TUNE_SET, collect, evaluate_settings, independent, load_devset
from bundle_service.knowledge.out_of_scope import load_examples
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.conftest import shipped_services

# A little below the measured figures of the configured setup on all dev-set questions (see docs/knowledge.md).
# Since issue 14 "answered" counts direct answers only: a match that is not confident and clear gets titles to
# pick from instead of another question's answer, so the floor moved from 0.90 to 0.85 (measured 0.897) and the
# wrong direct answers got a ceiling (measured 0.021; 0.056 when every match above the floor was answered).
MIN_R1 = 0.90
MIN_R3 = 0.97
MIN_REFUSALS = 0.95
MIN_ANSWERED = 0.85
# Wrong direct answers: 0.015 measured on an index of the shipped files alone (2026-12-06); the 0.036-0.041 measured
# before were taken on the shared index, which the tests before this one had written to.
MAX_WRONG = 0.03
MIN_FAQ_PRECISION = 0.93
# Look-alikes: out-of-domain questions that sound like ours, in-domain ones near the boundary (measured refusals
# 0.989, 0.892 direct, 0.017 wrong).
MIN_LOOKALIKE_REFUSALS = 0.95
MIN_LOOKALIKE_ANSWERED = 0.85
MAX_LOOKALIKE_WRONG = 0.03


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """A knowledge base of the shipped files alone, which no other test writes to."""
    services = shipped_services(tmp_path_factory.mktemp("kb-quality"))
    assert services.knowledge is not None
    yield services.knowledge
    services.engine.dispose()


def test_dev_set_quality_of_the_configured_hybrid(shipped: KnowledgeBase) -> None:
    kb = shipped
    s = kb.settings
    questions = independent(load_devset(), load_examples(s.kb_out_of_scope_files))
    assert sum(q.in_domain for q in questions) >= 150 and sum(not q.in_domain for q in questions) >= 50
    m = evaluate_settings(collect(kb.index, questions, kb.rules), s)
    report = f"R@1 {m.r1:.3f} R@3 {m.r3:.3f} answered {m.answered:.3f} wrong {m.wrong:.3f} refusals {m.refusals:.3f}"
    assert m.r1 >= MIN_R1, report
    assert m.wrong <= MAX_WRONG, report
    assert m.r3 >= MIN_R3, report
    assert m.answered >= MIN_ANSWERED, report
    assert m.refusals >= MIN_REFUSALS, report
    direct = f"direct FAQ answers {m.faq_direct_right}/{m.faq_direct} right"
    assert m.faq_direct_right >= MIN_FAQ_PRECISION * m.faq_direct, direct


def test_look_alike_questions_are_refused_and_boundary_questions_answered(shipped: KnowledgeBase) -> None:
    kb = shipped
    s = kb.settings
    questions = independent(load_devset(TUNE_SET, all_tune=True), load_examples(s.kb_out_of_scope_files))
    assert sum(q.in_domain for q in questions) >= 100 and sum(not q.in_domain for q in questions) >= 80
    m = evaluate_settings(collect(kb.index, questions, kb.rules), s)
    report = f"answered {m.answered:.3f} wrong {m.wrong:.3f} refusals {m.refusals:.3f}; misses: {m.misses[:5]}"
    assert m.refusals >= MIN_LOOKALIKE_REFUSALS, report
    assert m.wrong <= MAX_LOOKALIKE_WRONG, report
    assert m.answered >= MIN_LOOKALIKE_ANSWERED, report
