"""What a user sees for the questions issue 14 found answered wrongly: other regions, elliptical follow-ups,
questions the policy does not answer, and near neighbours offered as titles (against the shipped content)."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.elsewhere import OtherRegions
from bundle_service.knowledge.regions import Regions

ROOT = Path(__file__).resolve().parents[2]


def ask(client: TestClient, query: str, **extra: object) -> dict:
    response = client.post("/api/v1/knowledge/search", json={"query": query, "record_unanswered": False, **extra})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    ("query", "place", "hunan_fact"),
    [
        ("深圳的创业补贴有多少钱", "深圳", "5000"),
        ("广州创业担保贷款能贷多少", "广州", "20万"),
        ("江西灵活就业养老保险缴费基数是多少", "江西", "60%"),
        ("外省的孵化基地怎么申请入驻", "外省", "创业计划书"),
    ],
)
def test_another_regions_policy_is_redirected_never_answered_with_hunans_figures(
    client: TestClient, query: str, place: str, hunan_fact: str
) -> None:
    body = ask(client, query)
    assert body["status"] == "not_found" and body["sources"] == []
    assert place in body["answer"] and "湖南" in body["answer"] and "不在我的服务范围" in body["answer"]
    assert hunan_fact not in body["answer"]


@pytest.mark.parametrize(
    ("query", "fact"),
    [
        ("我是广东人，在长沙开店能领创业补贴吗", "5000"),  # where the person comes from, not the policy's place
        ("从深圳打工回来开店，有创业补贴吗", "5000"),
    ],
)
def test_a_person_from_elsewhere_asking_about_hunan_is_answered(client: TestClient, query: str, fact: str) -> None:
    body = ask(client, query)
    assert "不在我的服务范围" not in body["answer"]
    assert body["status"] != "not_found"


def test_the_place_list_never_names_a_hunan_place() -> None:
    places = OtherRegions.load(ROOT / "knowledge_base" / "other_regions.yml").places
    home = Regions.from_gazetteer(ROOT / "nlu_data" / "gazetteer" / "region.yml").ancestors
    assert len(places) > 60
    assert not [(p, h) for p in places for h in home if p in h or h in p]


@pytest.mark.parametrize(
    ("query", "item", "fact"),
    [
        ("要去哪里办", None, "湘易办"),  # after the overview: the bundle's entries
        ("那要准备什么材料", "startup_subsidy", "银行账户"),
        ("那要多久", "incubator", "10个工作日"),
    ],
)
def test_an_elliptical_follow_up_keeps_its_subject(client: TestClient, query: str, item: str | None, fact: str) -> None:
    body = ask(client, query, item=item)
    assert body["status"] in ("faq", "answer"), body
    assert fact in body["answer"]


@pytest.mark.parametrize(
    ("query", "honest"),
    [
        ("创业担保贷款需要抵押吗", "没有写明"),
        ("现在创业担保贷款利率是多少", "没有写明具体利率"),
        ("户口不在湖南能申请创业一件事吗", "没有写明户籍要求"),
        ("担保贷款能自己挑银行吗", "没有写明经办银行"),
    ],
)
def test_what_the_policy_does_not_say_gets_an_honest_answer_and_who_to_ask(
    client: TestClient, query: str, honest: str
) -> None:
    body = ask(client, query)
    assert body["status"] in ("faq", "answer", "suggest"), body
    if body["status"] != "suggest":
        assert honest in body["answer"] and "咨询" in body["answer"]


def test_a_suggestion_lists_titles_and_asserts_no_answer(client: TestClient) -> None:
    body = ask(client, "养老保险")  # a topic, not a question: which of its facts?
    if body["status"] == "suggest":
        assert body["sources"] == [] and 1 <= len(body["choices"]) <= 3
        assert all(title in body["answer"] for title in body["choices"])
        assert "来源" not in body["answer"] and "20%" not in body["answer"]
    else:
        assert body["status"] in ("faq", "answer") and body["answer"].splitlines()[-1].startswith("来源：")
