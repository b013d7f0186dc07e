"""免提交: what data sharing holds, and how the submitted application's checklist marks it."""

import json
from pathlib import Path

from fastapi.testclient import TestClient

from bundle_service.core.config import PACKAGE_DIR
from bundle_service.services.id_numbers import check_digit
from bundle_service.services.sharing import LocalRegistry

from .conftest import GATEWAY_TOKEN
from .factories import NEWCOMER, REGISTERED_PREMISES, WANG_FANG, ZHANG_WEI, form

URL = "/api/v1/prefill"
GATEWAY = {"X-Gateway-Token": GATEWAY_TOKEN}  # the action server's: lookups by ID number need it


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


def test_held_fields_and_materials(app_client: TestClient) -> None:
    response = app_client.post(
        URL, headers=GATEWAY, json={"id_number": WANG_FANG, "premises_address": "长沙市芙蓉区五一大道100号"}
    )
    assert response.status_code == 200
    body = response.json()
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
        URL, headers=GATEWAY, json={"id_number": WANG_FANG, "items": ["business_registration"]}
    ).json()
    assert "business_started_on" not in body["never_ask"]


def test_hard_to_employ_person_with_certificate(app_client: TestClient) -> None:
    body = app_client.post(URL, headers=GATEWAY, json={"id_number": ZHANG_WEI}).json()
    assert body["never_ask"] == ["person_category", "first_time_founder"]
    assert {"hard_to_employ_proof", "id_proof", "photo"} <= {m["code"] for m in body["materials"]}


def test_unknown_person_holds_identity_only(app_client: TestClient) -> None:
    body = app_client.post(
        URL, headers=GATEWAY, json={"id_number": NEWCOMER, "premises_address": "株洲市某路1号"}
    ).json()
    assert (body["found"], body["fields"], body["premises_registered"]) == (False, [], False)
    assert [m["code"] for m in body["materials"]] == ["id_proof"]


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


def test_prefill_needs_the_gateway_token(app_client: TestClient) -> None:
    refused = app_client.post(URL, json={"id_number": WANG_FANG})
    assert refused.status_code == 401 and refused.json()["code"] == "gateway_token_required"
    assert "name_hint" not in refused.json() and "王" not in refused.text  # nothing about the person
