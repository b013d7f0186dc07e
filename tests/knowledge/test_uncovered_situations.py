"""The bundle's own items asked about what the policy does not say: refused honestly, with who to ask.

"就业创业证丢了怎么补" scores close to the certificate's FAQs, yet no FAQ says how to replace it: answering the
nearest one asserts a neighbouring fact. The out-of-scope examples (``knowledge_base/out_of_scope.yml``) hold such
situations, so the question is refused; the refusal names the departments and the window instead of only
"not found". The questions below are worded differently from the examples.
"""

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.answers import NOT_FOUND_TEXT

SEARCH = "/api/v1/knowledge/search"


def ask(client: TestClient, query: str) -> dict[str, object]:
    answer = client.post(SEARCH, json={"query": query, "record_unanswered": False})
    assert answer.status_code == 200
    body: dict[str, object] = answer.json()
    return body


@pytest.mark.parametrize(
    "query",
    [
        "我的就业创业证找不到了 怎么重新补一张",
        "担保公司给我担保要收多少担保费",
        "外国人来湖南开公司可以申请担保贷款吗",
    ],
)
def test_an_uncovered_situation_of_our_items_is_refused_not_answered(client: TestClient, query: str) -> None:
    body = ask(client, query)
    assert body["status"] == "not_found", body["answer"]


@pytest.mark.parametrize(
    ("query", "fact"),
    [
        ("就业创业证申领要多少个工作日", "3"),
        ("创业担保贷款个人最多贷多少", "20万"),
        ("创业补贴是一次性给多少钱", "5000"),
        ("孵化基地入驻需要准备什么", "创业计划书"),
    ],
)
def test_the_covered_neighbours_are_still_answered(client: TestClient, query: str, fact: str) -> None:
    body = ask(client, query)
    assert body["status"] in ("faq", "answer") and fact in str(body["answer"]), body["answer"]


def test_not_found_says_who_to_ask_for_each_kind_of_item() -> None:
    for who in ("没有找到", "人社部门", "市场监督管理部门", "税务部门", "创业服务窗口", "转人工"):
        assert who in NOT_FOUND_TEXT
