"""The logged-in user's own applications: the owner sees theirs with lights, nobody else's."""

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.identity.session_tokens import SessionTokens
from tests.apps import client_for
from tests.service.conftest import GATEWAY_TOKEN
from tests.service.factories import form, make_id

SESSION_SECRET = "me-test-secret-of-32-bytes-at-least!!"
ALICE = "oAlice_openid_0001"
BOB = "oBob_openid_0002"


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    settings = services.settings.model_copy(update={"session_secret": SecretStr(SESSION_SECRET)})
    with client_for(dataclasses.replace(services, settings=settings)) as test_client:
        yield test_client


def bearer(openid: str, clock: FixedClock, lifetime: int = 7200) -> dict[str, str]:
    token = SessionTokens(SESSION_SECRET, lifetime).issue(openid, clock.now().timestamp())
    return {"Authorization": f"Bearer {token}"}


def file_for(client: TestClient, openid: str | None, sequence: str, name: str) -> str:
    headers = {"X-Gateway-Token": GATEWAY_TOKEN, **({"X-Wechat-Openid": openid} if openid else {})}
    body = form(id_number=make_id(sequence=sequence), applicant_name=name)
    answer = client.post("/api/v1/applications", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["number"])


def test_owner_sees_own_applications_with_lights_and_nobody_elses(client: TestClient, clock: FixedClock) -> None:
    alice_first = file_for(client, ALICE, "011", "赵一")
    bob = file_for(client, BOB, "013", "钱二")
    alice_second = file_for(client, ALICE, "015", "孙三")
    anonymous = file_for(client, None, "017", "李四")

    answer = client.get("/api/v1/me/applications", headers=bearer(ALICE, clock))
    assert answer.status_code == 200
    applications = answer.json()["applications"]
    assert {a["number"] for a in applications} == {alice_first, alice_second}
    first = next(a for a in applications if a["number"] == alice_first)
    assert first["state_label"]
    assert first["departments"] and all(d["light"] in ("green", "yellow") for d in first["departments"])
    assert {d["light"] for d in first["departments"]} == {"green", "yellow"}  # tax is due tomorrow
    assert "*" in first["applicant"]["id_number"]  # masked for the applicant's screen too

    bobs = client.get("/api/v1/me/applications", headers=bearer(BOB, clock)).json()["applications"]
    assert [a["number"] for a in bobs] == [bob]
    assert anonymous not in {a["number"] for a in applications + bobs}


def test_owner_reads_progress_without_verification_and_not_someone_elses(client: TestClient, clock: FixedClock) -> None:
    mine = file_for(client, ALICE, "021", "赵一")
    theirs = file_for(client, BOB, "023", "钱二")
    own = client.get(f"/api/v1/me/applications/{mine}", headers=bearer(ALICE, clock))
    assert own.status_code == 200 and own.json()["number"] == mine
    other = client.get(f"/api/v1/me/applications/{theirs}", headers=bearer(ALICE, clock))
    unknown = client.get("/api/v1/me/applications/CY20260928999999", headers=bearer(ALICE, clock))
    assert other.status_code == unknown.status_code == 404
    assert other.json() == unknown.json()


def test_a_new_user_has_no_applications(client: TestClient, clock: FixedClock) -> None:
    file_for(client, ALICE, "031", "赵一")
    answer = client.get("/api/v1/me/applications", headers=bearer("oNobody", clock))
    assert answer.status_code == 200 and answer.json() == {"applications": []}


@pytest.mark.parametrize("kind", ["missing", "forged", "expired", "garbage", "basic"])
def test_without_a_valid_token_401(client: TestClient, clock: FixedClock, kind: str) -> None:
    file_for(client, ALICE, "041", "赵一")
    headers = {
        "missing": {},
        "forged": {"Authorization": "Bearer " + SessionTokens("x" * 40, 7200).issue(ALICE, clock.now().timestamp())},
        "expired": bearer(ALICE, clock, lifetime=-1),
        "garbage": {"Authorization": "Bearer abc.def.ghi"},
        "basic": {"Authorization": "Basic YWxpY2U6cHc="},
    }[kind]
    answer = client.get("/api/v1/me/applications", headers=headers)
    assert answer.status_code == 401
    assert answer.json()["message"] in ("请先登录。", "登录已过期或无效，请重新登录。")


def test_an_openid_header_without_the_gateway_token_is_ignored(client: TestClient) -> None:
    file_for(client, ALICE, "051", "赵一")
    assert client.get("/api/v1/me/applications", headers={"X-Wechat-Openid": ALICE}).status_code == 401
    trusted = {"X-Wechat-Openid": ALICE, "X-Gateway-Token": GATEWAY_TOKEN}
    assert len(client.get("/api/v1/me/applications", headers=trusted).json()["applications"]) == 1


def test_token_expires_with_the_clock(client: TestClient, clock: FixedClock) -> None:
    headers = bearer(ALICE, clock)
    clock.instant = clock.instant.replace(hour=clock.instant.hour + 2)
    assert client.get("/api/v1/me/applications", headers=headers).status_code == 401
