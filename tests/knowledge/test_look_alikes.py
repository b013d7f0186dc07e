"""Where to do an item or the bundle is answered; places outside Hunan are redirected (issue 14, round 7).

The action server's side (a look-alike whose nearest match is an example of what is not ours is never asked again
with the item's bonus) is tested in ``tests/actions/test_look_alikes.py``.
"""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.elsewhere import OtherRegions


def ask(client: TestClient, query: str, **extra: object) -> dict:
    response = client.post("/api/v1/knowledge/search", json={"query": query, "record_unanswered": False, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_our_question_is_answered_with_its_item_when_an_example_about_something_else_scored_first(
    client: TestClient,
) -> None:
    body = ask(client, "执照要带什么材料", item="business_registration")
    assert body["status"] == "faq"
    assert "经营场所证明" in body["answer"]


@pytest.mark.parametrize(
    ("query", "fact"),
    [
        ("营业执照在哪里办", "市场监督管理"),
        ("一件事在哪办", "湘易办"),
    ],
)
def test_where_to_do_an_item_or_the_bundle_is_answered(client: TestClient, query: str, fact: str) -> None:
    body = ask(client, query)
    assert body["status"] == "faq", body["answer"]
    assert fact in body["answer"]


@pytest.mark.parametrize(
    ("query", "place"), [("莆田的创业补贴有多少", "莆田"), ("长三角那边的创业补贴怎么领", "长三角")]
)
def test_more_places_outside_hunan_are_redirected(client: TestClient, query: str, place: str) -> None:
    body = ask(client, query)
    assert body["status"] == "not_found" and place in body["answer"]
    assert "5000" not in body["answer"]


def test_someone_back_from_studying_abroad_is_answered() -> None:
    regions = OtherRegions.load(Path(__file__).resolve().parents[2] / "knowledge_base" / "other_regions.yml")
    assert regions.named("海外留学回来创业能贷款吗", ()) is None
    assert regions.named("在国外开店能贷款吗", ()) == "国外"
