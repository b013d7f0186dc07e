"""The vector store: chroma embedded on disk (``PersistentClient``) or a chroma server (``HttpClient``).

Every collection is opened with the service's own embedding function (chroma's default would download a
model) and cosine space. Entries carry their content hash in the metadata, so re-indexing can skip them.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from bundle_service.knowledge.embedding import ChromaEmbeddingFunction, Embedder
from bundle_service.knowledge.entries import Entry

HASH_KEY = "hash"
Where = dict[str, Any]


def make_client(path: Path | None, host: str | None = None, port: int = 8001) -> Any:
    """A chroma client: ``HttpClient`` when ``host`` is set, else ``PersistentClient`` at ``path``.

    Args:
        path: Folder of the embedded store.
        host: Host of a chroma server.
        port: Its port.

    Returns:
        The client (telemetry off).
    """
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    if path is None:
        raise ValueError("either a chroma path or a chroma host is needed")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def collection_name(prefix: str, model: str) -> str:
    """Collection of ``model``'s vectors: ``<prefix>_<model folder name>_<hash of the setting>``."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(model).name).strip("-") or "model"
    digest = hashlib.sha256(model.encode()).hexdigest()[:8]
    return f"{prefix}_{stem}_{digest}"[:60]


@dataclass(frozen=True)
class DenseHit:
    """An entry id and its cosine similarity to the query."""

    id: str
    similarity: float


class VectorStore:
    """One chroma collection of knowledge entries."""

    def __init__(self, client: Any, name: str, embedder: Embedder) -> None:
        """Open (or create) collection ``name`` with cosine space and the service's embedding function."""
        self.client = client
        self.embedder = embedder
        self.collection = client.get_or_create_collection(
            name=name,
            embedding_function=ChromaEmbeddingFunction(embedder),
            metadata={"hnsw:space": "cosine"},
        )

    def hashes(self) -> dict[str, str]:
        """Content hash of every stored entry, by id."""
        stored = self.collection.get(include=["metadatas"])
        return {
            entry_id: str((meta or {}).get(HASH_KEY, ""))
            for entry_id, meta in zip(stored["ids"], stored["metadatas"] or [], strict=False)
        }

    def upsert(self, entries: Sequence[Entry], vectors: Sequence[Sequence[float]]) -> None:
        """Store ``entries`` with their vectors (replacing entries of the same id)."""
        if not entries:
            return
        self.collection.upsert(
            ids=[e.id for e in entries],
            embeddings=[list(v) for v in vectors],
            documents=[e.embed_text for e in entries],
            metadatas=[{**e.metadata(), HASH_KEY: e.content_hash} for e in entries],
        )

    def delete(self, ids: Sequence[str]) -> None:
        """Remove entries by id."""
        if ids:
            self.collection.delete(ids=list(ids))

    def query(self, vector: Sequence[float], limit: int, where: Where | None = None) -> list[DenseHit]:
        """The ``limit`` nearest entries (cosine), optionally filtered by metadata."""
        count = self.collection.count()
        if count == 0:
            return []
        result = self.collection.query(
            query_embeddings=[list(vector)], n_results=min(limit, count), where=where or None, include=["distances"]
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [DenseHit(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=False)]

    def vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors of ``ids``."""
        if not ids:
            return {}
        stored = self.collection.get(ids=list(ids), include=["embeddings"])
        embeddings = stored["embeddings"]
        if embeddings is None:
            return {}
        return {i: [float(x) for x in v] for i, v in zip(stored["ids"], embeddings, strict=False)}
