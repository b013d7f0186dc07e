"""The ranked hits of recent questions, so a question asked again is not embedded and searched again.

Many people ask the same few questions (创业担保贷款能贷多少): the search (embedding, BM25, the vector store,
re-ranking) is the service's largest cost per chat turn. The cache keeps the ranked hits of the last
:data:`SIZE` distinct (normalised question, item, region); the knowledge service empties it whenever it re-indexes
(every admin write to FAQs or documents, and another worker's change seen by its freshness check), so an
edited answer is never served from it. What depends on the asker (the unanswered queue, the ask log) still runs
for every question.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from bundle_service.knowledge.index import Filters
from bundle_service.knowledge.ranking import SourceHit

SIZE = 2048
Key = tuple[str, str | None, str | None]


class HitCache:
    """A thread-safe least-recently-used map from a question to its ranked hits."""

    def __init__(self, size: int = SIZE) -> None:
        self._size = size
        self._hits: OrderedDict[Key, list[SourceHit]] = OrderedDict()
        self._lock = threading.Lock()
        self.generation = 0  # counts the clears: hits searched before a clear are never stored after it

    @staticmethod
    def key(text: str, filters: Filters) -> Key:
        """The cache key of a normalised question and its filters."""
        return text, filters.item, filters.region

    def get(self, key: Key) -> list[SourceHit] | None:
        """The hits stored for ``key`` (a copy of the list), or ``None``."""
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                return None
            self._hits.move_to_end(key)
            return list(hits)

    def put(self, key: Key, hits: list[SourceHit], generation: int) -> None:
        """Store ``hits`` for ``key`` unless the cache was cleared since ``generation`` (read before searching).

        The least recently used entry is dropped when full; a cache of size 0 keeps nothing.
        """
        with self._lock:
            if generation != self.generation or self._size <= 0:  # the index changed while these were searched
                return
            self._hits[key] = list(hits)
            self._hits.move_to_end(key)
            while len(self._hits) > self._size:
                self._hits.popitem(last=False)

    def clear(self) -> None:
        """Forget everything (the index changed)."""
        with self._lock:
            self._hits.clear()
            self.generation += 1

    def __len__(self) -> int:
        with self._lock:
            return len(self._hits)
