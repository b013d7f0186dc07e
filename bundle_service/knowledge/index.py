"""The searchable index: chroma for dense vectors, an in-memory BM25 over the same entries, kept in step.

:meth:`KnowledgeIndex.sync` is incremental and idempotent: it compares each entry's content hash with the hash
stored in chroma, embeds only new or changed entries, deletes entries that disappeared, and swaps in a new
BM25 snapshot. Searches read an immutable snapshot, so they never see a half-built index.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bundle_service.knowledge.bm25 import Bm25Index
from bundle_service.knowledge.embedding import Embedder
from bundle_service.knowledge.entries import Entry
from bundle_service.knowledge.regions import Regions
from bundle_service.knowledge.store import VectorStore, Where
from bundle_service.knowledge.text import tokens

logger = logging.getLogger(__name__)
CANDIDATES = 30
# Added to entries of the item in the filter, so that a short follow-up ("那要多久？" about the loan) prefers the
# item's own answer to a bundle-wide one; a clearly better bundle-wide match still wins (measured in the bench).
ITEM_BONUS = 0.08


@dataclass(frozen=True)
class SyncReport:
    """What a sync changed: entry counts, texts embedded, and how long it took."""

    total: int
    embedded: int
    removed: int
    seconds: float


@dataclass(frozen=True)
class ScoredEntry:
    """An entry with its scores: dense cosine, normalised BM25 and the fused hybrid score."""

    entry: Entry
    score: float
    dense: float
    bm25: float


@dataclass(frozen=True)
class _Snapshot:
    entries: dict[str, Entry] = field(default_factory=dict)
    bm25: Bm25Index = field(default_factory=lambda: Bm25Index({}))


@dataclass(frozen=True)
class Filters:
    """Item and region filters (None: no filter)."""

    item: str | None = None
    region: str | None = None


class KnowledgeIndex:
    """Dense + BM25 index of knowledge entries."""

    def __init__(self, store: VectorStore, embedder: Embedder, regions: Regions) -> None:
        """Bind the index to its store, model and region hierarchy."""
        self.store = store
        self.embedder = embedder
        self.regions = regions
        self._snapshot = _Snapshot()
        self._tokens: dict[tuple[str, str], list[str]] = {}
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Number of entries searchable now."""
        return len(self._snapshot.entries)

    def entries(self) -> dict[str, Entry]:
        """The searchable entries by id."""
        return dict(self._snapshot.entries)

    def sync(self, entries: list[Entry]) -> SyncReport:
        """Make the index hold exactly ``entries``; embed only what is new or changed."""
        started = time.perf_counter()
        with self._lock:
            desired = {e.id: e for e in entries}
            stored = self.store.hashes()
            changed = [e for e in desired.values() if stored.get(e.id) != e.content_hash]
            removed = [entry_id for entry_id in stored if entry_id not in desired]
            if changed:  # entries are passages; only the user's question is embedded as a query
                self.store.upsert(changed, self.embedder.embed([e.embed_text for e in changed]))
            self.store.delete(removed)
            token_lists = {}
            cache: dict[tuple[str, str], list[str]] = {}
            for entry in desired.values():
                key = (entry.id, entry.content_hash)
                cache[key] = self._tokens.get(key) or tokens(entry.bm25_text)
                token_lists[entry.id] = cache[key]
            self._tokens = cache
            self._snapshot = _Snapshot(desired, Bm25Index(token_lists))
        report = SyncReport(len(desired), len(changed), len(removed), time.perf_counter() - started)
        if changed or removed:
            logger.info(
                "knowledge index: %d entries, %d embedded, %d removed", report.total, len(changed), len(removed)
            )
        return report

    def _allowed(self, entry: Entry, filters: Filters) -> bool:
        if filters.item and entry.item not in (filters.item, ""):
            return False
        return not (filters.region and entry.region not in {*self.regions.accepted(filters.region), ""})

    def _where(self, filters: Filters) -> Where | None:
        conditions: list[Where] = []
        if filters.item:
            conditions.append({"item": {"$in": [filters.item, ""]}})
        if filters.region:
            conditions.append({"region": {"$in": [*self.regions.accepted(filters.region), ""]}})
        if not conditions:
            return None
        return conditions[0] if len(conditions) == 1 else {"$and": conditions}

    def search(
        self,
        query: str,
        filters: Filters,
        bm25_weight: float,
        limit: int = CANDIDATES,
        also: Callable[[Entry], bool] | None = None,
    ) -> list[ScoredEntry]:
        """Entries ranked by ``(1 - w) × dense cosine + w × normalised BM25``, best first.

        Args:
            query: The user's question.
            filters: Item and region filters.
            bm25_weight: ``w``; 0 is dense alone, 1 is BM25 alone.
            limit: How many candidates each retriever contributes.
            also: Entries to score whether or not a retriever found them (the sources of the item and the kind
                of question asked, :meth:`asking.Rules.lookup`).

        Returns:
            The candidates of both retrievers (and ``also``'s), scored and sorted.
        """
        snapshot = self._snapshot
        if not snapshot.entries:
            return []
        vector = self.embedder.embed_query(query) if bm25_weight < 1.0 else None
        dense: dict[str, float] = {}
        if vector is not None:
            dense = {h.id: h.similarity for h in self.store.query(vector, limit, self._where(filters))}
        lexical = {
            entry_id: score
            for entry_id, score in snapshot.bm25.normalized(tokens(query)).items()
            if entry_id in snapshot.entries and self._allowed(snapshot.entries[entry_id], filters)
        }
        best_lexical = sorted(lexical, key=lexical.__getitem__, reverse=True)[:limit]
        candidates = set(dense) | set(best_lexical)
        if also is not None:
            candidates |= {i for i, e in snapshot.entries.items() if also(e) and self._allowed(e, filters)}
        if vector is not None:
            missing = [i for i in candidates if i not in dense]
            for entry_id, stored in self.store.vectors(missing).items():
                dense[entry_id] = sum(a * b for a, b in zip(vector, stored, strict=False))
        scored = []
        for entry_id in candidates:
            entry = snapshot.entries.get(entry_id)
            if entry is None:
                continue
            d, b = dense.get(entry_id, 0.0), lexical.get(entry_id, 0.0)
            bonus = ITEM_BONUS if filters.item and entry.item == filters.item else 0.0
            scored.append(ScoredEntry(entry, (1.0 - bm25_weight) * d + bm25_weight * b + bonus, d, b))
        scored.sort(key=lambda s: s.score, reverse=True)
        return scored
