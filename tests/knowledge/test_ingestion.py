"""Ingestion: documents parse into sections, chunks respect sections and sentences and carry metadata."""

from pathlib import Path

import pytest

from bundle_service.core.errors import InvalidInput
from bundle_service.knowledge.chunking import chunk_document
from bundle_service.knowledge.documents import parse_markdown, shipped_documents
from bundle_service.knowledge.entries import Representation, document_entries
from bundle_service.knowledge.seed import load_faq_file, seed
from bundle_service.knowledge.service import KnowledgeBase

DOCS = Path(__file__).resolve().parents[2] / "knowledge_base" / "docs"
ITEM_SECTIONS = ["事项说明", "适用对象", "办理材料", "办理流程", "办理部门", "办理时限", "常见问题"]


def test_item_guide_parses_into_its_sections_with_front_matter() -> None:
    doc = parse_markdown("items/guaranteed_loan.md", (DOCS / "items" / "guaranteed_loan.md").read_text("utf-8"))
    assert (doc.title, doc.item, doc.region, doc.effective_date) == (
        "申请创业担保贷款",
        "guaranteed_loan",
        "湖南省",
        "2026-01-01",
    )
    assert [s.name for s in doc.sections] == ITEM_SECTIONS


def test_every_chunk_carries_item_document_section_region_and_date() -> None:
    for path, markdown in shipped_documents(DOCS).items():
        doc = parse_markdown(path, markdown)
        entries = document_entries(doc, Representation())
        assert entries, path
        for entry in entries:
            meta = entry.metadata()
            assert meta["document"] == doc.title
            assert meta["document_path"] == path
            assert meta["section"] in [s.name for s in doc.sections]
            assert meta["item"] == (doc.item or "")
            assert (meta["region"], meta["effective_date"]) == ("湖南省", "2026-01-01")


def test_chunks_stay_in_their_section_and_end_on_a_sentence() -> None:
    markdown = (
        "---\ntitle: 测试\nitem: null\n---\n## 甲\n第一句很长。" + "第二句。" * 60 + "\n## 乙\n- 列表一\n- 列表二\n"
    )
    chunks = chunk_document(parse_markdown("t.md", markdown), max_chars=80)
    assert {c.section for c in chunks} == {"甲", "乙"}
    assert all(len(c.text) <= 80 and c.text.endswith("。") for c in chunks if c.section == "甲")
    assert [c.text for c in chunks if c.section == "乙"] == ["列表一。列表二。"]


def test_question_and_answer_sections_give_one_chunk_per_pair() -> None:
    doc = parse_markdown("items/training.md", (DOCS / "items" / "training.md").read_text("utf-8"))
    pairs = [c.text for c in chunk_document(doc) if c.section == "常见问题"]
    assert pairs[0] == "问：创业培训收费吗？ 答：持就业创业证的免费，培训补贴直接付给培训机构。"
    assert all(p.startswith("问：") and " 答：" in p for p in pairs)


def test_a_table_row_becomes_a_sentence_naming_its_columns() -> None:
    doc = parse_markdown("overview.md", (DOCS / "overview.md").read_text("utf-8"))
    text = " ".join(c.text for c in chunk_document(doc) if c.section == "包含的 8 个事项")
    assert "事项：申请创业担保贷款，办理部门：人社部门 + 担保机构 + 经办银行，法定时限：15个工作日。" in text


def test_a_document_with_broken_front_matter_or_unknown_item_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        parse_markdown("x.md", "---\ntitle: [unclosed\n---\n正文。", frozenset())
    assert error.value.errors[0].code == "front_matter_invalid"
    with pytest.raises(InvalidInput) as error:
        parse_markdown("x.md", "---\ntitle: x\nitem: lottery\n---\n正文。", frozenset({"training"}))
    assert error.value.errors[0].code == "unknown_item"


def test_seeding_twice_adds_nothing(kb: KnowledgeBase) -> None:
    with kb.sessions.begin() as session:
        report = seed(session, kb.settings.knowledge_dir, kb.clock.now())
    assert report.faqs_inserted == report.faqs_refreshed == report.documents_inserted == 0
    assert len(kb.list_faqs()) == len(load_faq_file(kb.settings.knowledge_dir / "faq.yml"))
    assert len(kb.list_documents()) == len(shipped_documents(DOCS))


def test_the_vector_store_holds_the_chunks_with_their_metadata(kb: KnowledgeBase) -> None:
    stored = kb.index.store.collection.get(ids=["doc:items/guaranteed_loan.md#办理时限#0"], include=["metadatas"])
    meta = stored["metadatas"][0]
    assert meta["item"] == "guaranteed_loan"
    assert meta["section"] == "办理时限"
    assert meta["document"] == "申请创业担保贷款"
    assert (meta["region"], meta["effective_date"]) == ("湖南省", "2026-01-01")
    assert kb.index.store.collection.metadata["hnsw:space"] == "cosine"
