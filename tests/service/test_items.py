"""The service's health and item catalogue as an HTTP client sees them."""

from fastapi.testclient import TestClient

from bundle_service.main import app

client = TestClient(app)


def test_health_reports_ok() -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["knowledge"] in ("idle", "starting", "ready")  # builds in the background


def test_catalogue_lists_the_eight_items_with_their_limits() -> None:
    items = client.get("/api/v1/items").json()
    limits = {item["code"]: item["time_limit_days"] for item in items}
    assert limits == {
        "employment_cert": 3,
        "pension_registration": 1,
        "startup_subsidy": 20,
        "guaranteed_loan": 15,
        "incubator": 10,
        "training": 5,
        "business_registration": 3,
        "taxpayer_confirmation": 1,
    }


def test_one_item_by_code() -> None:
    loan = client.get("/api/v1/items/guaranteed_loan").json()
    assert loan["name"] == "申请创业担保贷款"
    assert "20万元" in loan["summary"]


def test_unknown_code_is_a_404_naming_the_known_codes() -> None:
    response = client.get("/api/v1/items/mortgage")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "item_unknown"
    assert "没有事项代码“mortgage”" in body["message"]
    assert "guaranteed_loan" in body["message"]
