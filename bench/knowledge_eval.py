"""Retrieval evaluation of the knowledge base on the dev set (``tests/knowledge/devset.yml``).

Shared by :mod:`bench.knowledge` (figures and tuning) and ``tests/knowledge/test_quality.py`` (asserted
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
from bundle_service.knowledge import asking
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.entries import OUT_OF_SCOPE
from bundle_service.knowledge.facets import FILE_NAME as QUESTION_TYPES_FILE
from bundle_service.knowledge.facets import QuestionTypes, rerank
from bundle_service.knowledge.index import ITEM_BONUS, Filters, KnowledgeIndex, ScoredEntry
from bundle_service.knowledge.ranking import SourceHit, Thresholds, answers, by_source, decide
from bundle_service.knowledge.text import normalize

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


# (bonus, penalty) of the question-type re-ranking; (0, 0) is none.
TypeWeights = tuple[float, float]
NO_TYPES: TypeWeights = (0.0, 0.0)


@dataclass(frozen=True)
class Scored:
    """A question, its normalised text and its candidates (dense and BM25 scores of every candidate)."""

    question: Question
    candidates: list[ScoredEntry]
    text: str = ""


def collect(index: KnowledgeIndex, questions: Iterable[Question], rules: Rules | None = None) -> list[Scored]:
    """Search every question once (weight 0.5 only to get both retrievers' candidates).

    ``rules`` given: an elliptical follow-up is searched with its subject in front, as the service does.
    """
    result = []
    for q in questions:
        text = rules.question(q.text) if rules else normalize(q.text)
        item = None if rules and rules.types.asks_bundle_wide(text) else q.item  # a light or status, as the service
        query = rules.followups.expand(text, item) if rules else text
        also = rules.lookup(text) if rules and asking.LOOKUP else None
        candidates = index.search(query, Filters(item=item), bm25_weight=0.5, limit=CANDIDATES, also=also)
        result.append(Scored(q, candidates, text))
    return result


_TYPES: list[QuestionTypes] = []
_RULES: list[Rules] = []


def question_types() -> QuestionTypes:
    """The shipped question-type table (read once)."""
    if not _TYPES:
        _TYPES.append(QuestionTypes.load(ROOT / "knowledge_base" / QUESTION_TYPES_FILE))
    return _TYPES[0]


def shipped_rules() -> Rules:
    """The shipped rules around retrieval (read once): the service's items-asked-together focus."""
    if not _RULES:
        _RULES.append(Rules.load(ROOT / "knowledge_base"))
    return _RULES[0]


def ranked(scored: Scored, weight: float, out_of_scope: bool = True, types: TypeWeights = NO_TYPES) -> list[SourceHit]:
    """Source hits of one question fused at ``weight`` (0: dense alone, 1: BM25 alone), re-ranked by ``types``.

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
    table = question_types()
    text = scored.text or scored.question.text
    return by_source(rerank(shipped_rules().combined.focus(text, fused), table.of(text), table, *types))


@dataclass
class Metrics:
    """Figures of one configuration on one set of questions.

    ``answered`` and ``wrong`` are direct answers (right / wrong source); ``suggested`` questions got titles to
    pick from (``suggested_right``: the right one among them); ``false_refusals`` were declined outright.
    """

    questions: int = 0
    ood: int = 0
    r1: float = 0.0
    r3: float = 0.0
    mrr: float = 0.0
    answered: float = 0.0
    wrong: float = 0.0
    suggested: float = 0.0
    suggested_right: float = 0.0
    false_refusals: float = 0.0
    refusals: float = 0.0
    faq_direct: int = 0
    faq_direct_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> float:
        """Mean of answered-right and correct-refusal rates (what the floor is tuned on)."""
        return (self.answered + self.refusals) / 2

    @property
    def wrong_all(self) -> float:
        """Wrong direct answers among all questions: in-domain wrong sources and out-of-domain answers."""
        total = self.questions + self.ood
        return (self.wrong * self.questions + (1.0 - self.refusals) * self.ood) / max(1, total)


def evaluate(
    scored: list[Scored],
    weight: float,
    floor: float,
    faq_threshold: float | None = None,
    margin: float | None = 0.0,
    ambiguity: float | None = None,
    types: TypeWeights = NO_TYPES,
    same_fact_agrees: bool = False,
    fit_threshold: float | None = None,
    facet_parts: bool = False,
) -> Metrics:
    """Metrics of one configuration over ``scored``.

    ``faq_threshold`` and ``ambiguity`` None: every question above the floor counts as answered (the ranking and
    refusal figures, before the answer-or-suggest rule). ``margin`` None leaves the out-of-scope examples out.
    ``same_fact_agrees``: sources stating the same key facts are no rivals under the ambiguity margin.
    ``fit_threshold``, ``facet_parts``: the answer rule's use of what the question asks (:mod:`fit`); a question
    answered in parts is right when one of the parts is.
    """
    m = Metrics()
    inside = [s for s in scored if s.question.in_domain]
    outside = [s for s in scored if not s.question.in_domain]
    m.questions, m.ood = len(inside), len(outside)
    direct = floor if faq_threshold is None else faq_threshold
    ambiguity_margin = -1.0 if ambiguity is None else ambiguity
    thresholds = Thresholds(
        weight,
        direct,
        floor,
        margin or 0.0,
        ambiguity_margin,
        same_fact_agrees=same_fact_agrees,
        fit_threshold=fit_threshold,
        facet_parts=facet_parts,
    )
    rules = shipped_rules()
    for s in inside:
        hits = ranked(s, weight, margin is not None, types)
        options = answers(hits)
        rank = next((i + 1 for i, h in enumerate(options) if s.question.accepts(h.source)), None)
        decision = decide(hits, thresholds, rules.asked(s.text or s.question.text, s.question.item))
        m.r1 += rank == 1
        m.r3 += rank is not None and rank <= 3
        m.mrr += 1.0 / rank if rank else 0.0
        given = decision.status in ("faq", "answer")
        given_hits = [decision.best, *decision.parts] if decision.best else []
        right = any(s.question.accepts(h.source) for h in given_hits)  # not always rank 1
        m.answered += given and right
        m.wrong += given and not right
        m.suggested += decision.status == "suggest"
        m.suggested_right += any(s.question.accepts(h.source) for h in decision.choices)
        m.false_refusals += decision.status == "not_found"
        if decision.status == "faq":
            m.faq_direct += 1
            m.faq_direct_right += right
        if not right:
            top = decision.best or (options[0] if options else None)
            got = f"{top.source} {top.score:.3f}" if top else "-"
            m.misses.append(f"{s.question.text} [{s.question.fact}] → {got} ({decision.status})")
    for s in outside:
        hits = ranked(s, weight, margin is not None, types)
        decision = decide(hits, thresholds, rules.asked(s.text or s.question.text, s.question.item))
        m.refusals += decision.status in ("not_found", "suggest")
        if decision.best is not None:
            m.faq_direct += decision.status == "faq"
            m.misses.append(f"{s.question.text} [out of domain] → {decision.best.source} {decision.best.score:.3f}")
    n, k = max(1, len(inside)), max(1, len(outside))
    for name in ("r1", "r3", "mrr", "answered", "wrong", "suggested", "suggested_right", "false_refusals"):
        setattr(m, name, getattr(m, name) / n)
    m.refusals /= k
    return m


def evaluate_settings(scored: list[Scored], settings: Settings) -> Metrics:
    """Metrics at the configured weight, floor, direct-answer threshold and margins."""
    s = settings
    return evaluate(
        scored,
        s.kb_bm25_weight,
        s.kb_not_found_floor,
        s.kb_faq_threshold,
        s.kb_out_of_scope_margin,
        s.kb_ambiguity_margin,
        (s.kb_type_bonus, s.kb_type_penalty),
        s.kb_same_fact_agrees,
        s.kb_fit_threshold,
        s.kb_facet_parts,
    )


def top_scores(scored: list[Scored], weight: float, types: TypeWeights = NO_TYPES) -> list[float]:
    """Every question's top fused score (candidate floors)."""
    return sorted({round(hits[0].score, 4) for s in scored if (hits := answers(ranked(s, weight, True, types)))})


@dataclass(frozen=True)
class _Outcome:
    """What one question needs to be scored at any floor: its top answer score, OOS refusal, correctness."""

    in_domain: bool
    top: float | None
    vetoed: bool
    right: bool


def _outcomes(scored: list[Scored], weight: float, margin: float | None, types: TypeWeights) -> list[_Outcome]:
    result = []
    for s in scored:
        hits = ranked(s, weight, margin is not None, types)
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


def best_floor(
    scored: list[Scored], weight: float, margin: float | None = 0.0, types: TypeWeights = NO_TYPES
) -> tuple[float, Metrics]:
    """The floor with the best balanced score on ``scored`` (midpoint between neighbouring top scores)."""
    outcomes = _outcomes(scored, weight, margin, types)
    values = sorted({round(o.top, 4) for o in outcomes if o.top is not None})
    options = [0.0] + [(a + b) / 2 for a, b in itertools.pairwise(values)] + [1.01]
    best = max(options, key=lambda f: (_balanced(outcomes, f), -abs(f - 0.5)))
    return best, evaluate(scored, weight, best, margin=margin, types=types)


# A wrong direct answer costs this many honest "not sure" replies (the answer rule is tuned on it): a wrong
# confident answer is the worst outcome for a government service (issue 14).
WRONG_COST = 5.0
AMBIGUITY_MARGINS = [0.0, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04, 0.06]


def answer_utility(m: Metrics, cost: float = WRONG_COST) -> float:
    """Right direct answers minus ``cost`` times wrong ones, over all questions of a split."""
    total = max(1, m.questions + m.ood)
    return (m.answered * m.questions - cost * m.wrong_all * total) / total


def tune_answer_rule(
    scored: list[Scored],
    weight: float,
    floor: float,
    margin: float | None = 0.0,
    types: TypeWeights = NO_TYPES,
    cost: float = WRONG_COST,
) -> tuple[float, float, Metrics]:
    """The direct-answer threshold and ambiguity margin with the best :func:`answer_utility` on ``scored``.

    Between equally useful settings the one with fewer wrong direct answers wins.
    """
    thresholds = [floor] + [v for v in top_scores(scored, weight, types) if v > floor]
    best: tuple[float, float, Metrics] | None = None
    for ambiguity in AMBIGUITY_MARGINS:
        for threshold in thresholds[:: max(1, len(thresholds) // 60)]:
            m = evaluate(scored, weight, floor, threshold, margin, ambiguity, types)
            # equal utility: fewer wrong answers first (a wrong answer is the worst outcome)
            key = (round(answer_utility(m, cost), 9), -m.wrong_all)
            if best is None or key > (round(answer_utility(best[2], cost), 9), -best[2].wrong_all):
                best = (threshold, ambiguity, m)
    assert best is not None
    return best
