"""Retrieval evaluation of the knowledge base on the dev set (``tests/knowledge/devset.yml``).

Shared by ``scripts/bench_knowledge.py`` (figures and tuning) and ``tests/knowledge/test_quality.py`` (asserted
floor). Each question is searched once; the candidates' dense and BM25 scores are kept, so any BM25 weight,
floor and FAQ threshold can be scored without searching again.

Metrics (on one split):
- R@1, R@3, MRR: rank of the first hit whose source is one of the question's expected sources (ranking only).
- answered: the answer given is right (not refused, and the top answer hit is right): what the user gets right.
- false refusals: in-domain questions refused (below the floor, or an out-of-scope example won).
- refusals: out-of-domain questions refused (correct refusals).
Refusal is :func:`bundle_service.knowledge.ranking.decide`, the service's own rule; ``margin=None`` leaves the
out-of-scope examples out (the floor alone decides). Ranks count answer hits only.
- FAQ direct: in-domain questions answered straight from a FAQ (top hit a FAQ above the FAQ threshold), and
  how many of those are right (precision); out-of-domain ones above it count as wrong.
"""

import fnmatch
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bundle_service.core.config import Settings
from bundle_service.knowledge.entries import OUT_OF_SCOPE
from bundle_service.knowledge.index import ITEM_BONUS, Filters, KnowledgeIndex, ScoredEntry
from bundle_service.knowledge.ranking import SourceHit, Thresholds, answers, by_source, decide

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "knowledge" / "devset.yml"
# Look-alike questions (in-domain ones near the boundary, out-of-domain ones that sound like ours): all tuning.
TUNE_SET = ROOT / "tests" / "knowledge" / "devset_tune2.yml"
CANDIDATES = 30


@dataclass(frozen=True)
class Question:
    """One dev-set question: text, accepted sources (empty: out of domain), item context, split."""

    text: str
    expected: tuple[str, ...]
    item: str | None
    fact: str | None
    tune: bool

    @property
    def in_domain(self) -> bool:
        """Whether the knowledge base should answer it."""
        return bool(self.expected)

    def accepts(self, source: str) -> bool:
        """Whether ``source`` is a right answer."""
        return any(fnmatch.fnmatchcase(source, pattern) for pattern in self.expected)


def load_devset(path: Path = DEVSET, all_tune: bool = False) -> list[Question]:
    """In-domain then out-of-domain questions; every third of each list is in the tuning split.

    A question names its accepted sources through a ``fact`` group (``facts:``) or directly (``sources:``).
    ``all_tune`` puts every question in the tuning split (the look-alike set).
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts: dict[str, list[str]] = data.get("facts") or {}
    result = [
        Question(
            q["q"],
            tuple(q["sources"] if "sources" in q else facts[q["fact"]]),
            q.get("item"),
            q.get("fact"),
            all_tune or i % 3 == 0,
        )
        for i, q in enumerate(data["questions"])
    ]
    result += [Question(text, (), None, None, all_tune or i % 3 == 0) for i, text in enumerate(data["out_of_domain"])]
    return result


def independent(questions: list[Question], examples: Iterable[str]) -> list[Question]:
    """The questions minus out-of-domain ones that are literally among the out-of-scope examples.

    Those would be refused by looking them up, which says nothing about questions nobody has seen.
    """
    known = {e.strip() for e in examples}
    return [q for q in questions if q.in_domain or q.text.strip() not in known]


@dataclass(frozen=True)
class Scored:
    """A question and its candidates (dense and BM25 scores of every candidate)."""

    question: Question
    candidates: list[ScoredEntry]


def collect(index: KnowledgeIndex, questions: Iterable[Question]) -> list[Scored]:
    """Search every question once (weight 0.5 only to get both retrievers' candidates)."""
    return [
        Scored(q, index.search(q.text.lower(), Filters(item=q.item), bm25_weight=0.5, limit=CANDIDATES))
        for q in questions
    ]


def ranked(scored: Scored, weight: float, out_of_scope: bool = True) -> list[SourceHit]:
    """Source hits of one question fused at ``weight`` (0: dense alone, 1: BM25 alone).

    ``out_of_scope`` False leaves the out-of-scope examples out.
    """
    item = scored.question.item
    fused = [
        ScoredEntry(
            c.entry,
            (1.0 - weight) * c.dense + weight * c.bm25 + (ITEM_BONUS if item and c.entry.item == item else 0.0),
            c.dense,
            c.bm25,
        )
        for c in scored.candidates
        if out_of_scope or c.entry.kind != OUT_OF_SCOPE
    ]
    fused.sort(key=lambda c: c.score, reverse=True)
    return by_source(fused)


@dataclass
class Metrics:
    """Figures of one configuration on one set of questions."""

    questions: int = 0
    ood: int = 0
    r1: float = 0.0
    r3: float = 0.0
    mrr: float = 0.0
    answered: float = 0.0
    false_refusals: float = 0.0
    refusals: float = 0.0
    faq_direct: int = 0
    faq_direct_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> float:
        """Mean of answered-right and correct-refusal rates (what the floor is tuned on)."""
        return (self.answered + self.refusals) / 2


def evaluate(
    scored: list[Scored], weight: float, floor: float, faq_threshold: float = 2.0, margin: float | None = 0.0
) -> Metrics:
    """Metrics of one configuration over ``scored``."""
    m = Metrics()
    inside = [s for s in scored if s.question.in_domain]
    outside = [s for s in scored if not s.question.in_domain]
    m.questions, m.ood = len(inside), len(outside)
    thresholds = Thresholds(weight, faq_threshold, floor, margin or 0.0)
    for s in inside:
        hits = ranked(s, weight, margin is not None)
        options = answers(hits)
        rank = next((i + 1 for i, h in enumerate(options) if s.question.accepts(h.source)), None)
        decision = decide(hits, thresholds)
        m.r1 += rank == 1
        m.r3 += rank is not None and rank <= 3
        m.mrr += 1.0 / rank if rank else 0.0
        given = decision.status != "not_found"
        m.answered += given and rank == 1
        m.false_refusals += not given
        if decision.status == "faq":
            m.faq_direct += 1
            m.faq_direct_right += rank == 1
        if rank != 1 or not given:
            top = options[0] if options else None
            got = f"{top.source} {top.score:.3f}" if top else "-"
            refused = " (refused)" if not given else ""
            m.misses.append(f"{s.question.text} [{s.question.fact}] → {got}{refused}")
    for s in outside:
        hits = ranked(s, weight, margin is not None)
        decision = decide(hits, thresholds)
        m.refusals += decision.status == "not_found"
        if decision.best is not None:
            m.faq_direct += decision.status == "faq"
            m.misses.append(f"{s.question.text} [out of domain] → {decision.best.source} {decision.best.score:.3f}")
    n, k = max(1, len(inside)), max(1, len(outside))
    m.r1, m.r3, m.mrr, m.answered, m.false_refusals = (
        m.r1 / n,
        m.r3 / n,
        m.mrr / n,
        m.answered / n,
        m.false_refusals / n,
    )
    m.refusals /= k
    return m


def evaluate_settings(scored: list[Scored], settings: Settings) -> Metrics:
    """Metrics at the configured weight, floor, FAQ threshold and out-of-scope margin."""
    s = settings
    return evaluate(scored, s.kb_bm25_weight, s.kb_not_found_floor, s.kb_faq_threshold, s.kb_out_of_scope_margin)


def top_scores(scored: list[Scored], weight: float) -> list[float]:
    """Every question's top fused score (candidate floors)."""
    return sorted({round(hits[0].score, 4) for s in scored if (hits := answers(ranked(s, weight)))})


@dataclass(frozen=True)
class _Outcome:
    """What one question needs to be scored at any floor: its top answer score, OOS refusal, correctness."""

    in_domain: bool
    top: float | None
    vetoed: bool
    right: bool


def _outcomes(scored: list[Scored], weight: float, margin: float | None) -> list[_Outcome]:
    result = []
    for s in scored:
        hits = ranked(s, weight, margin is not None)
        options = answers(hits)
        top = options[0] if options else None
        # decide() at floor 0 tells whether an out-of-scope example wins, which does not depend on the floor
        vetoed = decide(hits, Thresholds(weight, 2.0, -1.0, margin or 0.0)).status == "not_found"
        right = top is not None and s.question.accepts(top.source)
        result.append(_Outcome(s.question.in_domain, top.score if top else None, vetoed, right))
    return result


def _balanced(outcomes: list[_Outcome], floor: float) -> float:
    inside = [o for o in outcomes if o.in_domain]
    outside = [o for o in outcomes if not o.in_domain]
    answered = sum(o.right and not o.vetoed and o.top is not None and o.top >= floor for o in inside)
    refused = sum(o.vetoed or o.top is None or o.top < floor for o in outside)
    return (answered / max(1, len(inside)) + refused / max(1, len(outside))) / 2


def best_floor(scored: list[Scored], weight: float, margin: float | None = 0.0) -> tuple[float, Metrics]:
    """The floor with the best balanced score on ``scored`` (midpoint between neighbouring top scores)."""
    outcomes = _outcomes(scored, weight, margin)
    values = sorted({round(o.top, 4) for o in outcomes if o.top is not None})
    options = [0.0] + [(a + b) / 2 for a, b in itertools.pairwise(values)] + [1.01]
    best = max(options, key=lambda f: (_balanced(outcomes, f), -abs(f - 0.5)))
    return best, evaluate(scored, weight, best, margin=margin)


def faq_threshold_for(
    scored: list[Scored], weight: float, floor: float, precision: float = 0.98, margin: float | None = 0.0
) -> float:
    """The lowest FAQ threshold whose direct FAQ answers (in- and out-of-domain) reach ``precision``."""
    values = [v for v in top_scores(scored, weight) if v >= floor]
    for threshold in values:
        m = evaluate(scored, weight, floor, threshold, margin)
        if m.faq_direct == 0 or m.faq_direct_right / m.faq_direct >= precision:
            return threshold
    return 1.01
