"""Search as the chat sees it: FAQ answers, passages with their source, honest "not found", filters, errors."""

from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.models import UnansweredQuestion
from tests.knowledge.conftest import ADMIN


def ask(client: TestClient, query: str, **extra: object) -> dict:
    response = client.post("/api/v1/knowledge/search", json={"query": query, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_faq_question_gets_the_faq_answer_directly_with_its_source(client: TestClient) -> None:
    body = ask(client, "创业担保贷款个人最多贷多少？")
    assert body["status"] == "faq"
    assert body["answer"] == "个人最高20万元。\n来源：常见问题 faq-104「创业担保贷款个人最多贷多少？」"
    assert body["sources"] == [
        {"document": "常见问题", "section": "创业担保贷款个人最多贷多少？", "kind": "faq", "id": "faq-104"}
    ]
    top = body["hits"][0]
    assert top["source"] == "faq-104" and top["score"] >= top["dense"] * 0 and 0 < top["score"] <= 1.2
    assert body["took_ms"] > 0


def test_a_paraphrase_is_answered_with_the_fact_and_a_named_source(client: TestClient) -> None:
    body = ask(client, "养老保险交百分之几")
    assert body["status"] in ("faq", "answer")
    assert "20%" in body["answer"]
    assert body["answer"].splitlines()[-1].startswith("来源：")


def test_out_of_domain_is_not_found_and_queued_for_admins(client: TestClient, kb: KnowledgeBase) -> None:
    body = ask(client, "明天长沙会下雨吗", conversation_id="wx:abc", region="长沙市")
    assert body["status"] == "not_found"
    assert body["sources"] == []
    assert "没有找到" in body["answer"] and "人工" in body["answer"]
    queued = client.get("/api/v1/knowledge/unanswered", headers=ADMIN).json()
    mine = next(q for q in queued if q["id"] == body["unanswered_id"])
    assert (mine["question"], mine["conversation_id"], mine["region"], mine["status"]) == (
        "明天长沙会下雨吗",
        "wx:abc",
        "长沙市",
        "open",
    )
    assert mine["best_source"] and mine["best_source"] != "out_of_scope"  # nearest real content, for the admin


def test_personal_numbers_in_a_queued_question_are_masked_for_the_admins(client: TestClient) -> None:
    body = ask(client, "明天长沙会下雨吗 我手机13812345678 身份证43010419990512123X")
    assert body["status"] == "not_found"
    queued = client.get("/api/v1/knowledge/unanswered", headers=ADMIN).json()
    mine = next(q for q in queued if q["id"] == body["unanswered_id"])
    assert mine["question"] == "明天长沙会下雨吗 我手机138****5678 身份证430104********123X"


def test_hit_testing_does_not_queue_the_question(client: TestClient, kb: KnowledgeBase) -> None:
    body = ask(client, "张家界门票多少钱", record_unanswered=False)
    assert body["status"] == "not_found" and body["unanswered_id"] is None
    with kb.sessions() as session:
        assert (
            session.scalars(select(UnansweredQuestion).where(UnansweredQuestion.question == "张家界门票多少钱")).first()
            is None
        )


def test_the_unanswered_queue_needs_the_admin_token(client: TestClient) -> None:
    assert client.get("/api/v1/knowledge/unanswered").status_code == 401
    assert client.get("/api/v1/knowledge/unanswered", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/v1/knowledge/faqs", headers=ADMIN).status_code == 200


def test_the_item_filter_answers_a_short_follow_up_for_that_item(client: TestClient) -> None:
    loan = ask(client, "那要多久", item="guaranteed_loan")
    training = ask(client, "那要多久", item="training")
    assert "15个工作日" in loan["answer"]
    assert "5个工作日" in training["answer"] and "15个工作日" not in training["answer"]
    assert all(h["item"] in ("training", None) for h in training["hits"])


def test_the_region_filter_keeps_hunan_content_for_a_hunan_county_only(client: TestClient) -> None:
    liuyang = ask(client, "创业补贴能领多少钱", region="浏阳")
    assert liuyang["status"] in ("faq", "answer") and "5000" in liuyang["answer"]
    beijing = ask(client, "创业补贴能领多少钱", region="北京市", record_unanswered=False)
    assert beijing["status"] == "not_found"
    assert all(h["kind"] == "out_of_scope" for h in beijing["hits"]), beijing["hits"]  # nothing of Hunan


def test_a_region_the_gazetteer_lacks_keeps_hunans_content(client: TestClient) -> None:
    unknown = ask(client, "创业补贴能领多少钱", region="我们村", record_unanswered=False)
    assert unknown["status"] in ("faq", "answer") and "5000" in unknown["answer"], unknown["answer"]
    shanghai = ask(client, "创业补贴能领多少钱", region="上海", record_unanswered=False)
    assert shanghai["status"] == "not_found" and "上海" in shanghai["answer"] and "5000" not in shanghai["answer"]


def test_blank_query_and_unknown_item_are_refused(client: TestClient) -> None:
    assert client.post("/api/v1/knowledge/search", json={"query": "   "}).json()["errors"][0]["code"] == "required"
    response = client.post("/api/v1/knowledge/search", json={"query": "多久", "item": "lottery"})
    assert response.status_code == 422 and response.json()["errors"][0]["code"] == "unknown_item"


def test_odd_input_gets_an_answer_not_a_crash(client: TestClient) -> None:
    for query in ["😀😀", "hello", "贷款" * 1000, "ＳＹＢ培训是啥"]:
        assert ask(client, query, record_unanswered=False)["status"] in ("faq", "answer", "not_found")
