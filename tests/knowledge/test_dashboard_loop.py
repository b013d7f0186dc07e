"""The dashboard's side of the knowledge base: every question a conversation asks is logged with its outcome,
and one FAQ written for a group of similar unanswered questions closes the whole group and answers its wordings.
"""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.models import KnowledgeAsk, UnansweredQuestion
from tests.knowledge.conftest import ADMIN

RESOLVE = "/api/v1/admin/insights/gaps/resolve"
WORDINGS = ["创业孵化基地里可以养猫吗", "入驻孵化基地能带宠物猫吗", "孵化基地办公室让不让养猫"]
ANSWER = "孵化基地公共办公区不允许饲养宠物，独立办公室请先征得基地运营机构同意（看板测试答案）。"


@pytest.fixture
def restored(kb: KnowledgeBase) -> Iterator[None]:
    """Withdraw the FAQs the test wrote, so the shared index stays the shipped one."""
    before = {f.id for f in kb.list_faqs(include_deleted=True)}
    yield
    for faq in kb.list_faqs():
        if faq.id not in before:
            kb.delete_faq(faq.id, "test")


def asks_after(kb: KnowledgeBase, last_id: int) -> list[KnowledgeAsk]:
    with kb.sessions() as session:
        return list(session.scalars(select(KnowledgeAsk).where(KnowledgeAsk.id > last_id).order_by(KnowledgeAsk.id)))


def test_questions_from_conversations_are_logged_with_their_outcome(kb: KnowledgeBase) -> None:
    with kb.sessions() as session:
        last = session.scalar(select(KnowledgeAsk.id).order_by(KnowledgeAsk.id.desc()).limit(1)) or 0
    answered = kb.search("创业担保贷款个人最多能贷多少？", conversation_id="web:dash-1")
    refused = kb.search("火星基地的奶茶店怎么申请营业执照，电话13812345678", conversation_id="web:dash-2")
    kb.search("创业担保贷款个人最多能贷多少？")  # hit testing, agent assist: no conversation, not a user's question
    kb.search("啊啊啊啊", conversation_id="web:dash-3", record_unanswered=False)  # noise the bot asks to rephrase
    rows = asks_after(kb, last)
    assert answered.status in ("faq", "answer") and refused.status != answered.status
    assert [(r.conversation_id, r.status) for r in rows][:2] == [
        ("web:dash-1", answered.status),
        ("web:dash-2", refused.status),
    ]
    assert rows[0].source_id == answered.sources[0]["id"] and rows[0].source_kind == answered.sources[0]["kind"]
    assert rows[0].source_title
    assert rows[1].source_id is None and "13812345678" not in rows[1].question  # masked like the queue
    assert all(r.conversation_id is not None for r in rows)  # the search without a conversation is not logged
    assert all(
        r.status in ("faq", "answer") for r in rows if r.conversation_id == "web:dash-3"
    )  # noise: only if answered


def test_one_faq_resolves_a_whole_group_and_answers_its_wordings(
    client: TestClient, kb: KnowledgeBase, restored: None
) -> None:
    now = kb.clock.now()
    with kb.sessions.begin() as session:
        rows = [
            UnansweredQuestion(question=text, asked_at=now + timedelta(seconds=n), status="open")
            for n, text in enumerate(WORDINGS)
        ]
        session.add_all(rows)
        session.flush()
        ids = [row.id for row in rows]
    body = {"question_ids": ids, "question": WORDINGS[0], "answer": ANSWER, "similar": WORDINGS[1:]}
    response = client.post(RESOLVE, headers=ADMIN, json=body)
    assert response.status_code == 200, response.text
    faq_id = response.json()["faq_id"]
    assert response.json()["resolved"] == ids
    with kb.sessions() as session:
        closed = session.scalars(select(UnansweredQuestion).where(UnansweredQuestion.id.in_(ids))).all()
    assert {(q.status, q.resolved_by_faq_id) for q in closed} == {("resolved", faq_id)}
    assert kb.get_faq(faq_id).similar == WORDINGS[1:]
    for wording in WORDINGS:
        assert kb.search(wording).answer.startswith(ANSWER), wording

    again = client.post(RESOLVE, headers=ADMIN, json=body)
    assert again.status_code == 409 and again.json()["message"] == "这一组问题都已经处理过了。"
