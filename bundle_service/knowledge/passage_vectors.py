"""The vectors of indexed passages, kept on disk by model and text so that no process embeds a passage twice.

An index is rebuilt from scratch wherever its chroma folder is new: a first start, every test stack, every
service worker of a CI run. Embedding the shipped content (about 2,500 passages) costs about 85 s of CPU with the
default model, while the texts change a few at a time. The passages' vectors are therefore kept in one SQLite file
(``BUNDLE_EMBEDDING_CACHE_PATH``, default ``var/cache/passage_vectors.sqlite3``), keyed by the model's identity
(name and version, :attr:`Embedder.identity`) and the text's SHA-256: a vector is computed once per machine and
model. A user's question (``query``) is never kept here: it is a person's words, and the service's hit cache already
answers a repeated question.

Several processes share the file (WAL, ``INSERT OR IGNORE``); a file that cannot be opened or written costs only
speed: the passages are embedded as if there were no cache.
"""

import array
import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from bundle_service.knowledge.embedding import Embedder, get_embedder

logger = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 30.0
SCHEMA = "CREATE TABLE IF NOT EXISTS passage_vector (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"


def _key(identity: str, text: str) -> str:
    return hashlib.sha256(f"{identity}\n{text}".encode()).hexdigest()


def _pack(vector: list[float]) -> bytes:
    return array.array("f", vector).tobytes()


def _unpack(blob: bytes) -> list[float]:
    values = array.array("f")
    values.frombytes(blob)
    return values.tolist()


class PassageVectorFile:
    """One SQLite file of passage vectors shared by every process of a machine."""

    def __init__(self, path: Path) -> None:
        """Use ``path`` (created with its folder on first write)."""
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(SCHEMA)
        return connection

    def vectors(
        self, identity: str, texts: list[str], encode: Callable[[list[str]], list[list[float]]]
    ) -> list[list[float]]:
        """The vectors of ``texts``, encoding (and keeping) only those never kept for this model.

        Args:
            identity: The model's identity (name and version): vectors of another model are never returned.
            texts: The passages.
            encode: The model, called once with the texts not kept yet (in their first order, without repeats).

        Returns:
            One vector per text, in order.
        """
        keys = [_key(identity, text) for text in texts]
        try:
            known = self._read(keys)
        except (sqlite3.Error, OSError) as error:
            logger.warning("passage vector file %s unreadable (%s): embedding without it", self.path, error)
            return encode(texts)
        missing = list(dict.fromkeys(text for text, key in zip(texts, keys, strict=True) if key not in known))
        if missing:
            fresh = encode(missing)
            by_text = dict(zip(missing, fresh, strict=True))
            for text, key in zip(texts, keys, strict=True):
                if text in by_text:  # as kept: a passage's vector is the same whether computed now or read
                    known[key] = _unpack(_pack(by_text[text]))
            self._write([(_key(identity, text), vector) for text, vector in by_text.items()])
        return [known[key] for key in keys]

    def _read(self, keys: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        with self._connect() as connection:
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), 500):  # SQLite's bound-parameter limit
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(f"SELECT key, vector FROM passage_vector WHERE key IN ({marks})", chunk)
                found.update((key, _unpack(blob)) for key, blob in rows)
        return found

    def _write(self, rows: list[tuple[str, list[float]]]) -> None:
        try:
            with self._connect() as connection:
                connection.executemany(
                    "INSERT OR IGNORE INTO passage_vector (key, vector) VALUES (?, ?)",
                    [(key, _pack(vector)) for key, vector in rows],
                )
        except (sqlite3.Error, OSError) as error:
            logger.warning("passage vector file %s not written (%s)", self.path, error)


class CachedPassageEmbedder(Embedder):
    """A model whose passage vectors come from a :class:`PassageVectorFile` when it holds them.

    Questions go straight to the model. The name, dimension and identity are the model's, so chroma's collection and
    its configuration do not change.
    """

    def __init__(self, model: Embedder, vector_file: PassageVectorFile) -> None:
        """Wrap ``model``, keeping its passages' vectors in ``vector_file``."""
        super().__init__(model.name, model.threads)
        self.model = model
        self.vector_file = vector_file

    @property
    def identity(self) -> str:
        """The wrapped model's identity."""
        return self.model.identity

    @property
    def dimension(self) -> int:
        """The wrapped model's vector length."""
        return self.model.dimension

    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        if query:
            return self.model.embed(texts, query=True)
        return self.vector_file.vectors(self.identity, texts, lambda missing: self.model.embed(missing))


_embedders: dict[tuple[str, int, Path | None], Embedder] = {}
_embedders_lock = threading.Lock()


def passage_cached_embedder(name: str, threads: int, vector_path: Path | None) -> Embedder:
    """The process-wide model ``name`` whose passage vectors are kept in ``vector_path`` (``None``: not kept).

    Args:
        name: The model setting (:func:`bundle_service.knowledge.embedding.get_embedder`).
        threads: CPU threads of the model.
        vector_path: The shared vector file (``BUNDLE_EMBEDDING_CACHE_PATH``).

    Returns:
        One embedder per arguments and process; the model itself is loaded once whatever the file.
    """
    model = get_embedder(name, threads)
    if vector_path is None:
        return model
    key = (name, threads, vector_path)
    with _embedders_lock:
        return _embedders.setdefault(key, CachedPassageEmbedder(model, PassageVectorFile(vector_path)))
