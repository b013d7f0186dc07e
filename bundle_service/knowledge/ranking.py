"""From scored entries to an answer decision: one hit per source, then FAQ / answer / not found by thresholds."""

from dataclasses import dataclass
from typing import Literal

from bundle_service.knowledge.entries import Entry
from bundle_service.knowledge.index import ScoredEntry

Status = Literal["faq", "answer", "not_found"]


@dataclass(frozen=True)
class Thresholds:
    """The measured retrieval settings.

    Attributes:
        bm25_weight: Weight of normalised BM25 in the hybrid score (dense cosine gets ``1 - w``).
        faq_threshold: A FAQ at or above this hybrid score is answered directly.
        floor: Below this hybrid score the answer is "not found".
    """

    bm25_weight: float
    faq_threshold: float
    floor: float


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


def decide(hits: list[SourceHit], thresholds: Thresholds) -> Decision:
    """FAQ answer above the FAQ threshold, best passage above the floor, else not found."""
    if not hits or hits[0].score < thresholds.floor:
        return Decision("not_found", None, hits)
    best = hits[0]
    if best.entry.kind == "faq" and best.score >= thresholds.faq_threshold:
        return Decision("faq", best, hits)
    return Decision("answer", best, hits)
