"""From scored entries to an answer decision: one hit per source, then FAQ / answer / not found by thresholds."""

from dataclasses import dataclass
from typing import Literal

from bundle_service.knowledge.entries import OUT_OF_SCOPE, Entry
from bundle_service.knowledge.index import ScoredEntry

Status = Literal["faq", "answer", "not_found"]


@dataclass(frozen=True)
class Thresholds:
    """The measured retrieval settings.

    Attributes:
        bm25_weight: Weight of normalised BM25 in the hybrid score (dense cosine gets ``1 - w``).
        faq_threshold: A FAQ at or above this hybrid score is answered directly.
        floor: Below this hybrid score the answer is "not found".
        out_of_scope_margin: "Not found" also when an out-of-scope example scores at least the best answer's
            score plus this margin (negative: even when slightly below it).
    """

    bm25_weight: float
    faq_threshold: float
    floor: float
    out_of_scope_margin: float = 0.0


@dataclass(frozen=True)
class SourceHit:
    """The best-scoring entry of one source (a FAQ, or one section of a document)."""

    source: str
    entry: Entry
    score: float
    dense: float
    bm25: float


@dataclass(frozen=True)
class Decision:
    """What to answer: the status, the hit it rests on (None when not found), and the ranked hits."""

    status: Status
    best: SourceHit | None
    hits: list[SourceHit]


def by_source(scored: list[ScoredEntry]) -> list[SourceHit]:
    """Keep each source's best entry, in score order (several chunks of one section count once)."""
    seen: dict[str, SourceHit] = {}
    for item in scored:
        source = item.entry.source
        if source not in seen:
            seen[source] = SourceHit(source, item.entry, item.score, item.dense, item.bm25)
    return list(seen.values())


def answers(hits: list[SourceHit]) -> list[SourceHit]:
    """The hits that can answer (out-of-scope examples left out), in order."""
    return [h for h in hits if h.entry.kind != OUT_OF_SCOPE]


def decide(hits: list[SourceHit], thresholds: Thresholds) -> Decision:
    """Not found below the floor or when an out-of-scope example wins; else a FAQ above its threshold or a passage."""
    candidates = answers(hits)
    if not candidates or candidates[0].score < thresholds.floor:
        return Decision("not_found", None, hits)
    best = candidates[0]
    rejected = next((h for h in hits if h.entry.kind == OUT_OF_SCOPE), None)
    if rejected is not None and rejected.score >= best.score + thresholds.out_of_scope_margin:
        return Decision("not_found", None, hits)
    if best.entry.kind == "faq" and best.score >= thresholds.faq_threshold:
        return Decision("faq", best, hits)
    return Decision("answer", best, hits)
