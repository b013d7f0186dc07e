"""Look-alikes declined by what they name (issue 14, the eighth analysis's C8), against the shipped tables.

"<province>返乡创业补贴" is that province's scheme for people returning there, not the person's origin; other named
schemes whose names hold our words ("求职创业补贴", "吸纳就业补贴") are declined by name, never answered with the
start-up subsidy's 5000 yuan. All wordings are invented.
"""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bundle_service.knowledge.combined import Combined
from bundle_service.knowledge.elsewhere import OtherRegions
from bundle_service.knowledge.schemes import OtherSchemes

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge_base"


@pytest.fixture(scope="module")
def regions() -> OtherRegions:
    return OtherRegions.load(KNOWLEDGE / "other_regions.yml")


@pytest.fixture(scope="module")
def schemes() -> OtherSchemes:
    combined = Combined.load(KNOWLEDGE / "combined_questions.yml", ROOT / "nlu_data" / "gazetteer" / "item.yml")
    return OtherSchemes.load(KNOWLEDGE / "other_schemes.yml", tuple(combined.aliases))


def ask(client: TestClient, query: str) -> dict[str, object]:
    response = client.post("/api/v1/knowledge/search", json={"query": query, "record_unanswered": False})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("江西返乡创业的补贴标准是多少", "江西"),
        ("四川回乡创业有啥扶持政策", "四川"),
        ("贵州返乡创业贷款能贷多少", "贵州"),
    ],
)
def test_a_place_before_returning_home_names_that_places_scheme(regions: OtherRegions, text: str, place: str) -> None:
    assert regions.named(text, ()) == place


@pytest.mark.parametrize(
    "text",
    [
        "我从江西返乡，在老家开店能领补贴吗",
        "在浙江打工回来，想开个小饭馆，有补贴吗",
        "我是四川返乡的农民工，能贷款吗",
        "广东回来的人能申请创业补贴吗",
    ],
)
def test_a_person_who_came_back_from_a_place_is_still_answered(regions: OtherRegions, text: str) -> None:
    assert regions.named(text, ()) is None


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("应届生的求职创业补贴怎么申请", "求职创业补贴"),
        ("我们店招了两个人，吸纳就业补贴能领多少", "吸纳就业补贴"),
        ("听说有个一次性扩岗补助，怎么领", "一次性扩岗补助"),
        ("就业见习补贴一个月给多少", "就业见习补贴"),
        ("我在老家种地，听说有农机补贴，我能领吗", "农机补贴"),  # 补贴 made the NLU choose our subsidy
        ("买台收割机的农机购置补贴怎么申请", "农机购置补贴"),
    ],
)
def test_other_schemes_holding_our_words_are_named(schemes: OtherSchemes, text: str, scheme: str) -> None:
    assert schemes.listed(text) == scheme
    assert schemes.named(text) == scheme


@pytest.mark.parametrize(
    "text", ["一次性创业补贴有多少", "创业担保贷款能贷多少", "创业培训要交钱吗", "创业培训补贴是给学员还是给机构"]
)
def test_our_own_items_are_no_listed_scheme(schemes: OtherSchemes, text: str) -> None:
    assert schemes.listed(text) == ""


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("毕业生求职创业补贴能拿多少钱", "求职创业补贴"),
        ("公司吸纳就业补贴每个人补多少", "吸纳就业补贴"),
        ("湖北返乡创业补贴有多少", "湖北"),
    ],
)
def test_a_look_alike_is_declined_by_name_without_our_figures(client: TestClient, query: str, name: str) -> None:
    body = ask(client, query)
    assert body["status"] == "not_found" and body["sources"] == []
    answer = str(body["answer"])
    assert name in answer and "5000" not in answer and "20万" not in answer


@pytest.fixture(scope="module")
def home() -> dict[str, tuple[str, ...]]:
    from bundle_service.knowledge.regions import Regions

    return Regions.from_gazetteer(ROOT / "nlu_data" / "gazetteer" / "region.yml").ancestors


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("我户籍是湖南的，现在人在宁波开店，宁波那边开店补贴多少", "宁波"),
        ("老家湖南，在上海开了个早餐店，上海能贷多少", "上海"),
        ("户口在岳阳，店开在广州，能拿补贴吗", "广州"),
        ("湖南户口在杭州开店能贷款吗", "杭州"),
        ("籍贯湖南，在重庆开火锅店能贷多少", "重庆"),
    ],
)
def test_hunan_as_the_persons_registration_is_an_origin(
    regions: OtherRegions, home: dict[str, tuple[str, ...]], text: str, place: str
) -> None:
    assert regions.named(text, home) == place


@pytest.mark.parametrize(
    "text",
    [
        "我是湖南人，在广东打工，现在回来创业能领补贴吗",
        "我老家湖南的，在深圳打过工，能领湖南的补贴吗",
        "户籍长沙，店也开在长沙，补贴多少",
        "老家广东，在株洲开店能领补贴吗",
        "我在长沙工作，老家是广西的，能贷款吗",
    ],
)
def test_a_hunan_place_asked_about_is_still_answered(
    regions: OtherRegions, home: dict[str, tuple[str, ...]], text: str
) -> None:
    assert regions.named(text, home) is None


@pytest.mark.parametrize(
    ("scheme", "department"),
    [
        ("农机购置补贴", "农业农村部门"),
        ("种粮补贴", "农业农村部门"),
        ("惠农e贷", "银行"),  # a bank's product, though its name says 农
        ("稳岗补贴", "人社部门"),
        ("以旧换新补贴", "商务部门"),
    ],
)
def test_each_other_scheme_names_its_own_department(schemes: OtherSchemes, scheme: str, department: str) -> None:
    assert department in schemes.department(scheme)


def test_a_farm_subsidy_is_declined_with_the_farm_department(client: TestClient) -> None:
    answer = str(ask(client, "我在乡下种地，听说有农机补贴，能领不")["answer"])
    assert "农机补贴" in answer and "农业农村部门" in answer and "人社" not in answer
