"""Okapi BM25 over an in-memory inverted index, with a per-query normalised score in [0, 1]."""

import math
from collections import Counter
from collections.abc import Mapping, Sequence

K1 = 1.5
B = 0.75


class Bm25Index:
    """An immutable BM25 index of documents given as token lists.

    The normalised score divides a document's BM25 score by the best score any document could reach for the
    query (every query term present at saturation, ``idf × (k1 + 1)`` each, unseen terms at the highest idf).
    Unlike dividing by the best document's score, it stays low when a query shares one common word with the
    corpus, so it can take part in an absolute "not found" floor.
    """

    def __init__(self, documents: Mapping[str, Sequence[str]], k1: float = K1, b: float = B) -> None:
        """Index ``documents`` (id → tokens).

        Args:
            documents: Token list of each document.
            k1: Term-frequency saturation.
            b: Length normalisation.
        """
        self.k1 = k1
        self.b = b
        self.size = len(documents)
        lengths = {doc_id: len(toks) for doc_id, toks in documents.items()}
        self.avg_length = (sum(lengths.values()) / self.size) if self.size else 0.0
        self.postings: dict[str, list[tuple[str, int]]] = {}
        for doc_id, toks in documents.items():
            for term, count in Counter(toks).items():
                self.postings.setdefault(term, []).append((doc_id, count))
        self.lengths = lengths

    def idf(self, term: str) -> float:
        """Inverse document frequency (Lucene's always-positive form)."""
        n = len(self.postings.get(term, ()))
        return math.log(1.0 + (self.size - n + 0.5) / (n + 0.5))

    def scores(self, query: Sequence[str]) -> dict[str, float]:
        """Raw BM25 score of every document sharing a term with ``query``."""
        result: dict[str, float] = {}
        for term, q_count in Counter(query).items():
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for doc_id, tf in postings:
                norm = 1.0 - self.b + self.b * self.lengths[doc_id] / (self.avg_length or 1.0)
                gain = idf * tf * (self.k1 + 1.0) / (tf + self.k1 * norm)
                result[doc_id] = result.get(doc_id, 0.0) + gain * q_count
        return result

    def ceiling(self, query: Sequence[str]) -> float:
        """The highest score any document could reach for ``query``."""
        return sum(self.idf(term) * (self.k1 + 1.0) * count for term, count in Counter(query).items())

    def normalized(self, query: Sequence[str]) -> dict[str, float]:
        """Scores divided by :meth:`ceiling`, capped at 1."""
        ceiling = self.ceiling(query)
        if ceiling <= 0:
            return {}
        return {doc_id: min(1.0, score / ceiling) for doc_id, score in self.scores(query).items()}
