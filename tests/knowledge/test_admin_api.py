"""Knowledge admin API: permissions on every route, FAQ edits searchable at once, roll-back, documents, queue, audit.

The tests share the session's knowledge base of the shipped content; ``restored`` puts FAQs and documents back.
"""

import re
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from bundle_service.api.callers import signer
from bundle_service.api.deps import Services
from bundle_service.core.security import hash_password
from bundle_service.crud import staff as staff_crud
from bundle_service.knowledge.service import KnowledgeBase
from tests.knowledge.conftest import ADMIN

BASE = "/api/v1/admin/knowledge"
FM = "front_matter"
PASSWORD = "kb-admin-test-pass"
NOW = datetime(2026, 9, 28, 2, 0, tzinfo=timezone.utc)
LOAN_QUESTION = "创业担保贷款个人最多贷多少？"
NEW_DOC = """---
title: 创业夜校
item: null
region: 长沙市
effective_date: 2026-05-01
source: 测试上传
---
## 上课安排
创业夜校每周三晚上七点在长沙市创业孵化基地二楼开课，讲授记账报税和网店运营，报名免费。

## 报名方式
在湘易办搜索“创业夜校”填写报名表即可。
"""
# A question scored against its own text indexed. multilingual-e5 embeds the user's question with "query:" and
# the indexed text with "passage:", so the very same words score about 0.96, not 1.0 (m3e-small: 1.0).
SAME_TEXT = 0.95


def admin_routes() -> list[tuple[str, str]]:
    from bundle_service.main import app  # the app's own route table: new routes are covered too

    routes = []
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path.startswith(BASE):
            path = re.sub(r"\{faq_id\}", "faq-104", route.path)
            path = re.sub(r"\{question_id\}", "1", path)
            path = re.sub(r"\{path:path\}", "items/x.md", path)
            routes.extend((method, path) for method in sorted(route.methods))
    return routes


ROUTES = admin_routes()


@pytest.fixture
def restored(kb: KnowledgeBase) -> Iterator[None]:
    """Undo FAQ and document changes made by the test."""
    before = {f.id: f.version for f in kb.list_faqs(include_deleted=True)}
    documents = {d.path: d.content for d in kb.list_documents()}
    yield
    for faq in kb.list_faqs(include_deleted=True):
        if faq.id not in before:
            if faq.active:
                kb.delete_faq(faq.id, "test")
        elif faq.version != before[faq.id]:
            kb.rollback_faq(faq.id, before[faq.id], "test")
    for doc in kb.list_documents():
        if doc.path not in documents:
            kb.withdraw_document(doc.path, "test")
        elif doc.content != documents[doc.path]:
            kb.upload_document(doc.path, documents[doc.path], "test")


def hit_test(client: TestClient, query: str, **extra: object) -> dict:
    response = client.post(f"{BASE}/hit-test", json={"query": query, **extra}, headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_admin_route_is_listed() -> None:
    assert len(ROUTES) >= 17
    assert ("POST", f"{BASE}/faqs/import") in ROUTES and ("GET", f"{BASE}/audit") in ROUTES


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "test-admin-token"}])
def test_a_non_admin_is_refused_on_every_admin_route(
    client: TestClient, method: str, path: str, headers: dict[str, str]
) -> None:
    response = client.request(method, path, headers=headers, json={"question": "x", "answer": "y", "version": 1})
    assert response.status_code == 401, response.text
    assert response.json()["code"] in ("login_required", "invalid_admin_credentials")


@pytest.fixture(scope="module")
def sessions(kb_services: Services) -> dict[str, dict[str, str]]:
    """Authorization headers of a hotline worker (role staff) and an admin account, with session tokens signed
    the way ``POST /api/v1/staff/login`` signs them."""
    kb = kb_services.knowledge
    assert kb is not None
    headers = {}
    with kb.sessions.begin() as db:
        for name, role in (("worker", "staff"), ("boss", "admin")):
            if staff_crud.get(db, name) is None:
                staff_crud.create(
                    db, staff_id=name, display_name=name, role=role, password_hash=hash_password(PASSWORD), now=NOW
                )
            token, _expires = signer(kb_services).issue(name, role, kb.clock.now())
            headers[name] = {"Authorization": f"Bearer {token}"}
    return headers


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_a_staff_role_is_forbidden_on_every_admin_route(
    client: TestClient, sessions: dict[str, dict[str, str]], method: str, path: str
) -> None:
    response = client.request(method, path, headers=sessions["worker"], json={"question": "x", "answer": "y"})
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "admin_required"


def test_an_admin_account_may_administer_and_is_named_in_the_history(
    client: TestClient, sessions: dict[str, dict[str, str]], restored: None
) -> None:
    assert client.get(f"{BASE}/faqs", headers=sessions["boss"]).status_code == 200
    edit = {"question": LOAN_QUESTION, "answer": "管理员账号修改的答案。", "item": "guaranteed_loan"}
    changed = client.put(f"{BASE}/faqs/faq-104", json=edit, headers=sessions["boss"])
    assert changed.status_code == 200 and changed.json()["updated_by"] == "admin:boss"
    events = client.get(f"{BASE}/audit", params={"actor": "admin:boss"}, headers=ADMIN).json()
    assert events[0]["action"] == "faq.updated" and events[0]["details"]["faq_id"] == "faq-104"


def test_the_admin_page_is_served(client: TestClient) -> None:
    page = client.get("/admin")
    assert page.status_code == 200 and "知识库管理" in page.text
    assert client.get("/admin/admin.js").status_code == 200
    assert client.get("/admin/secret.txt").status_code == 404


def test_an_edited_faq_is_found_by_hit_testing_within_seconds_and_roll_back_restores_it(
    client: TestClient, restored: None
) -> None:
    start = client.get(f"{BASE}/faqs/faq-104", headers=ADMIN).json()["version"]
    edit = {"question": LOAN_QUESTION, "answer": "个人最高可贷30万元（管理员测试）。", "item": "guaranteed_loan"}
    changed = client.put(f"{BASE}/faqs/faq-104", json=edit, headers=ADMIN)
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == start + 1 and changed.json()["updated_by"] == "admin"
    body = hit_test(client, "创业担保贷款个人最多能贷多少")
    assert body["status"] == "faq" and body["answer"].startswith("个人最高可贷30万元（管理员测试）。")
    top = body["hits"][0]
    assert top["source"] == "faq-104" and {"score", "dense", "bm25"} <= top.keys()
    assert body["took_ms"] < 5000 and body["unanswered_id"] is None

    versions = client.get(f"{BASE}/faqs/faq-104/versions", headers=ADMIN).json()
    assert (versions[0]["version"], versions[0]["action"]) == (start + 1, "updated")
    assert (versions[-1]["version"], versions[-1]["action"]) == (1, "created")
    back = client.post(f"{BASE}/faqs/faq-104/rollback", json={"version": 1}, headers=ADMIN)
    assert back.status_code == 200 and back.json()["answer"] == "个人最高20万元。"
    assert hit_test(client, "创业担保贷款个人最多能贷多少")["answer"].startswith("个人最高20万元。")
    assert client.get(f"{BASE}/faqs/faq-104", headers=ADMIN).json()["version"] == start + 2


def test_create_search_and_delete_a_faq(client: TestClient, restored: None) -> None:
    new = {
        "question": "创业者可以免费使用共享办公工位吗？",
        "answer": "可以，孵化基地提供免费工位一年。",
        "tags": ["孵化"],
    }
    created = client.post(f"{BASE}/faqs", json=new, headers=ADMIN)
    assert created.status_code == 201, created.text
    faq_id = created.json()["id"]
    listed = client.get(f"{BASE}/faqs", params={"q": "共享办公"}, headers=ADMIN).json()
    assert [f["id"] for f in listed] == [faq_id]
    assert hit_test(client, "创业者可以免费使用共享办公工位吗")["sources"][0]["id"] == faq_id
    duplicate = client.post(f"{BASE}/faqs", json=new, headers=ADMIN)
    assert duplicate.status_code == 422 and duplicate.json()["errors"][0]["code"] == "duplicate_question"
    bad = client.post(f"{BASE}/faqs", json={"question": " ", "answer": "", "item": "lottery"}, headers=ADMIN)
    assert [e["code"] for e in bad.json()["errors"]] == ["required", "required", "unknown_item"]
    assert client.delete(f"{BASE}/faqs/{faq_id}", headers=ADMIN).json()["active"] is False
    assert client.delete(f"{BASE}/faqs/{faq_id}", headers=ADMIN).status_code == 409
    assert all(h["source"] != faq_id for h in hit_test(client, "创业者可以免费使用共享办公工位吗")["hits"])
    assert client.get(f"{BASE}/faqs/faq-999", headers=ADMIN).status_code == 404


def test_similar_questions_find_their_faq_and_keep_their_history(client: TestClient, restored: None) -> None:
    new = {
        "question": "孵化基地的会议室能预约吗？",
        "answer": "可以，入驻企业在基地前台预约会议室（测试答案）。",
        "item": "incubator",
        "similar": ["基地开会的屋子咋订", " 基地开会的屋子咋订 ", "", "孵化基地的会议室能预约吗？"],
    }
    created = client.post(f"{BASE}/faqs", json=new, headers=ADMIN)
    assert created.status_code == 201, created.text
    faq = created.json()
    assert faq["similar"] == ["基地开会的屋子咋订"]  # trimmed, repeats and the question itself dropped
    first = hit_test(client, "基地开会的屋子咋订")
    assert first["sources"][0]["id"] == faq["id"] and first["hits"][0]["dense"] > SAME_TEXT
    assert [f["id"] for f in client.get(f"{BASE}/faqs", params={"q": "屋子咋订"}, headers=ADMIN).json()] == [faq["id"]]
    changed = client.put(f"{BASE}/faqs/{faq['id']}", json={**new, "similar": []}, headers=ADMIN).json()
    assert changed["similar"] == [] and changed["version"] == 2
    later = hit_test(client, "基地开会的屋子咋订")["hits"][0]["dense"]
    assert later < first["hits"][0]["dense"] - 0.02  # the phrasing is no longer indexed
    versions = client.get(f"{BASE}/faqs/{faq['id']}/versions", headers=ADMIN).json()
    assert [v["similar"] for v in versions] == [[], ["基地开会的屋子咋订"]]
    back = client.post(f"{BASE}/faqs/{faq['id']}/rollback", json={"version": 1}, headers=ADMIN).json()
    assert back["similar"] == ["基地开会的屋子咋订"]
    too_many = client.post(
        f"{BASE}/faqs",
        json={**new, "question": "另一个问题？", "similar": [f"问法{i}" for i in range(21)]},
        headers=ADMIN,
    )
    assert too_many.status_code == 422 and too_many.json()["errors"][0]["field"] == "similar"


def test_an_uploaded_document_section_is_found_by_hit_testing(client: TestClient, restored: None) -> None:
    uploaded = client.post(
        f"{BASE}/documents", json={"path": "local/night_school.md", "content": NEW_DOC}, headers=ADMIN
    )
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["region"] == "长沙市" and uploaded.json()["effective_date"] == "2026-05-01"
    body = hit_test(client, "创业夜校什么时候上课", region="长沙市")
    assert body["hits"][0]["document"] == "创业夜校" and body["hits"][0]["section"] == "上课安排"
    assert body["status"] in ("answer", "faq") and "来源：《创业夜校》" in body["answer"]
    assert all(h["document"] != "创业夜校" for h in hit_test(client, "创业夜校什么时候上课", region="衡阳市")["hits"])
    gone = client.delete(f"{BASE}/documents/local/night_school.md", headers=ADMIN)
    assert gone.status_code == 200 and gone.json()["active"] is False


@pytest.mark.parametrize(
    ("content", "code", "field"),
    [
        ("", "required", "content"),
        ("## 只有正文\n内容。", "front_matter_missing", "content"),
        ("---\ntitle: 甲\n## 正文\n内容。", "front_matter_unclosed", "content"),
        ("---\ntitle: [甲\n---\n## 正文\n内容。", "front_matter_invalid", "content"),
        ("---\nitem: training\n---\n## 正文\n内容。", "title_required", "front_matter.title"),
        ("---\ntitle: 甲\nauthor: 乙\n---\n## 正文\n内容。", "front_matter_unknown_key", "front_matter.author"),
        (
            "---\ntitle: 甲\neffective_date: 2026-13-01\n---\n## 正文\n内容。",
            "effective_date_invalid",
            "front_matter.effective_date",
        ),
        ("---\ntitle: 甲\nitem: lottery\n---\n## 正文\n内容。", "unknown_item", "content"),
        ("---\ntitle: 甲\n---\n", "document_empty", "content"),
    ],
)
def test_a_malformed_document_is_refused_with_a_precise_reason(
    client: TestClient, content: str, code: str, field: str
) -> None:
    response = client.post(f"{BASE}/documents", json={"path": "local/bad.md", "content": content}, headers=ADMIN)
    assert response.status_code == 422, response.text
    error = response.json()["errors"][0]
    assert (error["code"], error["field"]) == (code, field)
    assert re.search(r"[\u4e00-\u9fff]", error["message"])


def test_a_bad_document_path_is_refused(client: TestClient) -> None:
    response = client.post(f"{BASE}/documents", json={"path": "../etc/passwd.md", "content": NEW_DOC}, headers=ADMIN)
    assert response.status_code == 422 and response.json()["errors"][0]["code"] == "invalid_path"


def test_reindex_all_and_one(client: TestClient, kb: KnowledgeBase) -> None:
    everything = client.post(f"{BASE}/reindex", json={}, headers=ADMIN).json()
    assert everything["embedded"] == 0 and everything["total"] == len(kb.index.entries())
    one = client.post(f"{BASE}/reindex", json={"faq_id": "faq-104"}, headers=ADMIN).json()
    similar = kb.get_faq("faq-104").similar
    assert similar, "the shipped FAQs have similar questions"
    assert one["embedded"] == 2 + len(similar)  # question, question + answer, each similar question
    assert client.post(f"{BASE}/reindex", json={"faq_id": "faq-999"}, headers=ADMIN).status_code == 404


def test_an_unanswered_question_is_resolved_by_writing_its_faq_and_then_answered(
    client: TestClient, restored: None
) -> None:
    question = "岳麓山索道晚上几点停运"
    asked = client.post("/api/v1/knowledge/search", json={"query": question, "conversation_id": "t1"}).json()
    assert asked["status"] == "not_found" and asked["unanswered_id"] is not None
    queued = client.get(f"{BASE}/unanswered", headers=ADMIN).json()
    assert asked["unanswered_id"] in [q["id"] for q in queued]

    faq = {"question": "岳麓山索道晚上几点停运？", "answer": "岳麓山索道每天18:00停运（测试答案）。"}
    resolved = client.post(f"{BASE}/unanswered/{asked['unanswered_id']}/resolve", json=faq, headers=ADMIN)
    assert resolved.status_code == 200, resolved.text
    body = resolved.json()
    assert body["question"]["status"] == "resolved" and body["question"]["resolved_by_faq_id"] == body["faq"]["id"]
    again = client.post("/api/v1/knowledge/search", json={"query": question, "conversation_id": "t1"}).json()
    assert again["status"] == "faq" and again["answer"].startswith("岳麓山索道每天18:00停运（测试答案）。")
    twice = client.post(f"{BASE}/unanswered/{asked['unanswered_id']}/resolve", json=faq, headers=ADMIN)
    assert twice.status_code == 409


def test_a_question_is_dismissed_and_an_invalid_resolution_writes_nothing(
    client: TestClient, kb: KnowledgeBase
) -> None:
    asked = client.post("/api/v1/knowledge/search", json={"query": "长沙臭豆腐哪家最好吃"}).json()
    question_id = asked["unanswered_id"]
    faqs_before = len(kb.list_faqs(include_deleted=True))
    invalid = client.post(
        f"{BASE}/unanswered/{question_id}/resolve", json={"question": "", "answer": ""}, headers=ADMIN
    )
    assert invalid.status_code == 422 and len(kb.list_faqs(include_deleted=True)) == faqs_before
    dismissed = client.post(f"{BASE}/unanswered/{question_id}/dismiss", headers=ADMIN)
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "dismissed"
    late = client.post(
        f"{BASE}/unanswered/{question_id}/resolve", json={"question": "臭豆腐？", "answer": "无。"}, headers=ADMIN
    )
    assert late.status_code == 409 and len(kb.list_faqs(include_deleted=True)) == faqs_before
    listed = client.get(f"{BASE}/unanswered", params={"status": "dismissed"}, headers=ADMIN).json()
    assert question_id in [q["id"] for q in listed]


def test_a_dismissed_question_becomes_an_out_of_scope_example_at_once(client: TestClient) -> None:
    question = "小区物业费一年交多少比较合理"
    asked = client.post("/api/v1/knowledge/search", json={"query": question}).json()
    assert asked["status"] == "not_found" and all(h["text"] != question for h in asked["hits"])
    client.post(f"{BASE}/unanswered/{asked['unanswered_id']}/dismiss", headers=ADMIN).raise_for_status()
    again = client.post("/api/v1/knowledge/search", json={"query": question, "record_unanswered": False}).json()
    assert again["status"] == "not_found"
    top = again["hits"][0]
    assert (top["kind"], top["text"], top["document"]) == ("out_of_scope", question, "不属于本知识库的问题")
    assert top["dense"] > SAME_TEXT


def test_the_audit_log_shows_who_changed_what_with_filters(client: TestClient, restored: None) -> None:
    edit = {"question": LOAN_QUESTION, "answer": "审计测试答案。", "item": "guaranteed_loan"}
    client.put(f"{BASE}/faqs/faq-104", json=edit, headers=ADMIN)
    client.post(f"{BASE}/documents", json={"path": "local/audit_test.md", "content": NEW_DOC}, headers=ADMIN)
    events = client.get(f"{BASE}/audit", headers=ADMIN).json()
    assert {e["action"].split(".")[0] for e in events} <= {"faq", "document", "unanswered"}
    assert events[0]["action"] == "document.created" and events[0]["actor"] == "admin"
    mine = client.get(f"{BASE}/audit", params={"faq_id": "faq-104", "action": "faq.updated"}, headers=ADMIN).json()
    assert mine and all(e["details"]["faq_id"] == "faq-104" and e["action"] == "faq.updated" for e in mine)
    docs = client.get(f"{BASE}/audit", params={"action": "document.", "path": "local/audit_test.md"}, headers=ADMIN)
    assert [e["action"] for e in docs.json()][:1] == ["document.created"]
    refused = client.get(f"{BASE}/audit", params={"action": "application.submitted"}, headers=ADMIN)
    assert refused.status_code == 422
