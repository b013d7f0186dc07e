"""免提交: what data sharing holds, only for the identified person, and how the submitted checklist marks it."""

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bundle_service.adapters.data_sharing import LocalRegistry
from bundle_service.adapters.realname import LocalRealNameRegistry
from bundle_service.api.deps import Services
from bundle_service.applications.id_numbers import check_digit
from bundle_service.core.config import PACKAGE_DIR

from ..callers import GATEWAY, anonymous, hotline_call, owner, verify_caller
from ..factories import (
    CHEN_JING,
    LI_MING,
    LIU_YANG,
    NEWCOMER,
    REALNAME_OPENIDS,
    REGISTERED_PREMISES,
    WANG_FANG,
    ZHANG_WEI,
    ZHOU_TING,
    form,
)
from ..hotline_fixtures import *  # noqa: F403  (fixtures)

URL = "/api/v1/prefill"
PEOPLE = (LI_MING, WANG_FANG, ZHANG_WEI, CHEN_JING, LIU_YANG, ZHOU_TING, NEWCOMER)


def test_sample_registry_has_valid_ids_and_every_record_kind() -> None:
    registry = LocalRegistry.from_yaml(Path(PACKAGE_DIR / "data" / "shared_registry.yml"))
    assert all(check_digit(n[:17]) == n[17] for n in registry.people)
    kinds = set().union(*(p.holdings for p in registry.people.values()))
    assert kinds >= {
        "identity",
        "photo",
        "education",
        "licence",
        "unemployed",
        "hard_to_employ",
        "veteran",
        "employment_cert",
    }
    assert registry.premises(f"湖南省{REGISTERED_PREMISES}") is not None


def test_sample_real_name_bindings_are_the_registry_people_with_valid_ids() -> None:
    bindings = LocalRealNameRegistry.from_yaml(Path(PACKAGE_DIR / "data" / "realname_registry.yml")).bindings
    people = LocalRegistry.from_yaml(Path(PACKAGE_DIR / "data" / "shared_registry.yml")).people
    assert all(check_digit(b.id_number[:17]) == b.id_number[17] for b in bindings.values())
    assert all(b.name == people[b.id_number].name for b in bindings.values() if b.id_number in people)
    assert set(people) <= {b.id_number for b in bindings.values()}
    assert all(bindings[openid].id_number == number for number, openid in REALNAME_OPENIDS.items())


def test_held_fields_and_materials(app_client: TestClient) -> None:
    response = app_client.post(
        URL, headers=owner(WANG_FANG), json={"id_number": WANG_FANG, "premises_address": "长沙市芙蓉区五一大道100号"}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["identified"], body["identified_by"]) == (True, "realname")
    assert body["found"] is True and body["name_hint"] == "王*"
    assert set(body["never_ask"]) == {"person_category", "business_started_on", "business_type", "first_time_founder"}
    assert {m["code"] for m in body["materials"]} == {
        "id_proof",
        "photo",
        "business_licence",
        "unemployment_proof",
        "premises_proof",
    }
    assert body["premises_registered"] is True and body["one_click_available"] is True
    assert WANG_FANG not in json.dumps(body) and "王芳" not in json.dumps(body, ensure_ascii=False)


def test_registering_a_new_business_does_not_reuse_the_old_licence(app_client: TestClient) -> None:
    body = app_client.post(
        URL, headers=owner(WANG_FANG), json={"id_number": WANG_FANG, "items": ["business_registration"]}
    ).json()
    assert "business_started_on" not in body["never_ask"]


def test_hard_to_employ_person_with_certificate(app_client: TestClient) -> None:
    body = app_client.post(URL, headers=owner(ZHANG_WEI), json={"id_number": ZHANG_WEI}).json()
    assert body["never_ask"] == ["person_category", "first_time_founder"]
    assert {"hard_to_employ_proof", "id_proof", "photo"} <= {m["code"] for m in body["materials"]}


def test_unknown_person_holds_identity_and_photo_only(app_client: TestClient) -> None:
    """A person the shared records do not know passed the identity check: ID and photo come from it (bundle.md)."""
    body = app_client.post(
        URL, headers=owner(NEWCOMER), json={"id_number": NEWCOMER, "premises_address": "株洲市某路1号"}
    ).json()
    assert (body["identified"], body["found"], body["fields"], body["premises_registered"]) == (True, False, [], False)
    assert [m["code"] for m in body["materials"]] == ["id_proof", "photo"]


def _anonymous_view(body: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in body.items() if key != "id_number"}


@pytest.mark.parametrize(
    "caller",
    [anonymous(), anonymous("wechat:dev_wangfang"), owner(LI_MING), {**GATEWAY, "X-Wechat-Openid": "dev_nobody"}],
    ids=["anonymous", "anonymous-claiming-a-wechat-id", "someone-else-identified", "not-real-name-authenticated"],
)
def test_nobody_but_the_person_learns_anything_about_their_records(
    app_client: TestClient, caller: dict[str, str]
) -> None:
    """Whoever the ID number belongs to, a caller not identified as that person gets the very same answer."""
    answers = []
    for number in (WANG_FANG, ZHANG_WEI, LIU_YANG, CHEN_JING, NEWCOMER):
        response = app_client.post(URL, headers=caller, json={"id_number": number, "premises_address": "株洲市某路1号"})
        assert response.status_code == 200, response.text
        answers.append(_anonymous_view(response.json()))
    assert answers[0] == {
        "identified": False,
        "identified_by": None,
        "found": False,
        "name_hint": None,
        "fields": [],
        "never_ask": [],
        "materials": [
            {"code": "id_proof", "name": "居民身份证明", "source": "人口信息库（统一身份认证，数据共享）"},
            {"code": "photo", "name": "近期免冠照片", "source": "电子证照库"},
        ],
        "premises_registered": False,
        "one_click_available": False,
    }
    assert all(answer == answers[0] for answer in answers)


def test_registered_premises_are_not_about_a_person_and_stay_open(app_client: TestClient) -> None:
    body = app_client.post(
        URL, headers=anonymous(), json={"id_number": WANG_FANG, "premises_address": REGISTERED_PREMISES}
    ).json()
    assert body["premises_registered"] is True and body["identified"] is False


def test_staff_see_the_records_of_the_caller_they_verified_in_that_call(
    app_client: TestClient, hotline: Services
) -> None:
    console, call = hotline_call(app_client)
    before = app_client.post(URL, headers=call, json={"id_number": WANG_FANG}).json()
    assert (before["identified"], before["found"], before["never_ask"]) == (False, False, [])
    verify_caller(app_client, console, call, WANG_FANG, "王芳")
    body = app_client.post(URL, headers=call, json={"id_number": WANG_FANG}).json()
    assert (body["identified"], body["identified_by"], body["found"]) == (True, "caller_verification", True)
    assert "person_category" in body["never_ask"]
    other_person = app_client.post(URL, headers=call, json={"id_number": ZHANG_WEI}).json()
    assert other_person["identified"] is False and other_person["never_ask"] == []
    _, other_call = hotline_call(app_client)
    assert app_client.post(URL, headers=other_call, json={"id_number": WANG_FANG}).json()["identified"] is False
    other_staff = {**call, "X-Staff-Id": "lisi"}
    assert app_client.post(URL, headers=other_staff, json={"id_number": WANG_FANG}).json()["identified"] is False


def test_a_call_id_that_looks_like_a_number_still_identifies_its_caller(
    app_client: TestClient, hotline: Services
) -> None:
    """Audit details are stored masked, and ``20260928020000-1…`` reads as a 15-digit ID number to the masking."""
    console, call = hotline_call(app_client)
    call = {**call, "X-Client-Id": "hotline:20260928020000-1ea48d"}
    verify_caller(app_client, console, call, WANG_FANG, "王芳")
    assert app_client.post(URL, headers=call, json={"id_number": WANG_FANG}).json()["identified"] is True


def test_lookups_are_throttled_per_caller(app_client: TestClient, services: Services) -> None:
    limit = services.settings.lookup_max_people
    numbers = [LI_MING, WANG_FANG, ZHANG_WEI, CHEN_JING, LIU_YANG, ZHOU_TING][: limit + 1]
    for number in numbers[:limit]:
        assert app_client.post(URL, headers=anonymous("web:prober"), json={"id_number": number}).status_code == 200
    refused = app_client.post(URL, headers=anonymous("web:prober"), json={"id_number": numbers[limit]})
    assert (refused.status_code, refused.json()["code"]) == (429, "too_many_lookups")
    assert int(refused.headers["Retry-After"]) > 0 and "分钟后再试" in refused.json()["message"]
    again = app_client.post(URL, headers=anonymous("web:prober"), json={"id_number": numbers[0]})
    assert again.status_code == 200  # a number already asked about costs nothing
    other = app_client.post(URL, headers=anonymous("web:someone-else"), json={"id_number": numbers[limit]})
    assert other.status_code == 200
    # Lookups are not failed verifications: the prober may still check its own application's progress.
    filed = app_client.post("/api/v1/applications", json=form()).json()
    progress = app_client.post(
        f"/api/v1/applications/{filed['number']}/progress",
        json={"id_last6": NEWCOMER[-6:]},
        headers=anonymous("web:prober"),
    )
    assert progress.status_code == 200


def test_invalid_id_is_a_precise_422(app_client: TestClient) -> None:
    response = app_client.post(URL, headers=GATEWAY, json={"id_number": "430104199905121231"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "id_number", "code": "id_checksum", "message": "身份证号码校验位不正确，可能有数字填错了，请核对。"}
    ]


def test_checklist_marks_registered_premises_and_asks_for_the_business_plan(app_client: TestClient) -> None:
    items = ["business_registration", "taxpayer_confirmation", "incubator"]
    body = app_client.post(
        "/api/v1/applications", json=form(premises_address=REGISTERED_PREMISES, county="岳麓区", items=items)
    ).json()
    materials = {m["code"]: m for m in body["materials"]}
    assert materials["premises_proof"]["status"] == "免提交"
    assert materials["premises_proof"]["source"].startswith("市场监管登记注册数据库")
    assert materials["business_plan"]["status"] == "需提交" and materials["business_plan"]["exempt"] is False


def test_the_checklist_exempts_held_records_only_for_the_identified_applicant(app_client: TestClient) -> None:
    wang = form(
        applicant_name="王芳",
        id_number=WANG_FANG,
        person_category="registered_unemployed",
        items=["employment_cert", "startup_subsidy"],
        first_time_founder=True,
        business_started_on="2024-06-01",
        bank_account="6222020200112233445",
    )
    stranger = app_client.post("/api/v1/applications", json=wang, headers=anonymous())
    assert stranger.status_code == 201, stranger.text
    assert stranger.json()["shared_fields"] == {}
    # Everyone passes the identity check, so ID and photo are fetched for anyone (bundle.md); her records are not.
    assert {m["code"] for m in stranger.json()["materials"] if m["exempt"]} == {"id_proof", "photo"}
    herself = app_client.post("/api/v1/applications", json=wang, headers=owner(WANG_FANG))
    assert herself.status_code == 201, herself.text
    assert {m["code"] for m in herself.json()["materials"] if m["exempt"]} == {
        "id_proof",
        "photo",
        "business_licence",
        "unemployment_proof",
    }
    assert "first_time_founder" in herself.json()["shared_fields"]


def test_prefill_needs_the_gateway_token(app_client: TestClient) -> None:
    refused = app_client.post(URL, json={"id_number": WANG_FANG})
    assert refused.status_code == 401 and refused.json()["code"] == "gateway_token_required"
    assert "name_hint" not in refused.json() and "王" not in refused.text  # nothing about the person
    forged = app_client.post(URL, json={"id_number": WANG_FANG}, headers={"X-Wechat-Openid": "dev_wangfang"})
    assert forged.status_code == 401  # an openid counts only from the gateway
