"""Facts bundle.md states that the entries lacked, asked in users' words (against the shipped content): what a
status means, the platform's scenes, the licence as 免提交; and an employer's hiring question declined."""

from typing import Any

import pytest
from fastapi.testclient import TestClient


def ask(client: TestClient, query: str) -> dict[str, Any]:
    response = client.post("/api/v1/knowledge/search", json={"query": query, "record_unanswered": False})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("query", "faq", "fact"),
    [
        ("状态老显示审核中，这是怎么了", "faq-200", "正在审核"),
        ("已受理代表什么", "faq-201", "受理了这项任务"),
    ],
)
def test_a_status_question_gets_what_the_status_means(client: TestClient, query: str, faq: str, fact: str) -> None:
    body = ask(client, query)
    assert body["status"] == "faq" and body["sources"][0]["id"] == faq
    assert fact in body["answer"]


def test_the_platform_answer_names_its_scenes(client: TestClient) -> None:
    body = ask(client, "创业在湘平台是干嘛用的")
    assert body["status"] == "faq"
    assert all(scene in body["answer"] for scene in ("政策指引", "资金扶持", "典型示范", "大学生专区"))


def test_the_licence_number_is_not_asked_and_the_answer_says_exempt(client: TestClient) -> None:
    body = ask(client, "信息采集表上营业执照号还要填吗")
    assert body["status"] == "faq" and "免提交" in body["answer"]


@pytest.mark.parametrize("query", ["我的理发店招了两个退役军人，店里能领什么补助", "用人单位招了应届生有没有补贴"])
def test_an_employers_hiring_question_is_declined_not_answered_with_the_founders_subsidy(
    client: TestClient, query: str
) -> None:
    body = ask(client, query)
    assert body["status"] == "not_found" or "不在我的服务范围" in body["answer"]
    assert "5000" not in body["answer"] and "20万" not in body["answer"]
