"""A search the service cannot take is refused precisely (422, the field named in Chinese), never a 500."""

import pytest
from fastapi.testclient import TestClient

SEARCH = "/api/v1/knowledge/search"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"query": "能贷多少", "region": "湘潭县" * 14}, "region", "地区太长了。"),
        ({"query": "问" * 2001}, "query", "问题太长了。"),
        ({"query": "能贷多少", "conversation_id": "x" * 129}, "conversation_id", "会话编号太长了。"),
        ({"query": "能贷多少", "item": "贷款手续"}, "item", "未知的事项代码：贷款手续。"),
        ({"query": "  "}, "query", "请输入问题。"),
    ],
)
def test_a_search_refused_names_the_field(
    client: TestClient, body: dict[str, object], field: str, message: str
) -> None:
    answer = client.post(SEARCH, json=body)
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert [(e["field"], e["message"]) for e in errors] == [(field, message)]
