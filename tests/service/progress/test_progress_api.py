"""Progress for the verified owner: lights, wrong verification reveals nothing, throttling, WeChat identity."""

import statistics
import time
import uuid
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock

from ..conftest import DEPARTMENT_KEYS, GATEWAY_TOKEN
from ..factories import LI_MING, NEWCOMER, form

LAST6 = NEWCOMER[-6:]


def _file(client: TestClient, headers: dict[str, str] | None = None, **overrides: Any) -> str:
    response = client.post("/api/v1/applications", json=form(**overrides), headers=headers or {})
    assert response.status_code == 201, response.text
    return str(response.json()["number"])


def _ask(client: TestClient, number: str, last6: str, client_id: str | None = None) -> Any:
    headers = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Client-Id": client_id} if client_id else {}
    return client.post(f"/api/v1/applications/{number}/progress", json={"id_last6": last6}, headers=headers)


def test_owner_sees_every_department_with_due_date_and_light(app_client: TestClient) -> None:
    number = _file(app_client)
    response = _ask(app_client, number, LAST6)
    assert response.status_code == 200
    body = response.json()
    assert body["number"] == number and body["state_label"] == "已受理"
    assert body["applicant"]["id_number"].endswith(NEWCOMER[-4:]) and "*" in body["applicant"]["id_number"]
    rows = {d["department_code"]: d for d in body["departments"]}
    assert rows["market_regulation"]["due_date"] == "2026-10-08"
    assert rows["market_regulation"]["light"] == "green"
    assert rows["market_regulation"]["working_days_left"] == 3
    assert rows["tax"]["light"] == "yellow"


def test_lights_follow_the_clock(app_client: TestClient, clock: FixedClock) -> None:
    number = _file(app_client)
    clock.instant += timedelta(days=2)  # Wednesday 30 September: one working day before 8 October
    rows = {d["department_code"]: d for d in _ask(app_client, number, LAST6).json()["departments"]}
    assert (rows["market_regulation"]["light"], rows["market_regulation"]["working_days_left"]) == ("yellow", 1)
    assert (rows["tax"]["light"], rows["tax"]["working_days_left"]) == ("red", -1)
    clock.instant += timedelta(days=9)  # Friday 9 October
    rows = {d["department_code"]: d for d in _ask(app_client, number, LAST6).json()["departments"]}
    assert rows["market_regulation"]["light"] == "red"


def test_last6_is_case_insensitive_and_works_in_a_header(app_client: TestClient) -> None:
    number = _file(app_client, id_number="43010419990512123X", applicant_name="李明")
    assert _ask(app_client, number, "12123x").status_code == 200
    got = app_client.get(f"/api/v1/applications/{number}/progress", headers={"X-Id-Last6": "12123X"})
    assert got.status_code == 200


def test_wrong_verification_looks_like_an_unknown_number(app_client: TestClient) -> None:
    number = _file(app_client)
    wrong = _ask(app_client, number, "000000")
    unknown = _ask(app_client, "CY20260928999999", LAST6)
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert wrong.json()["code"] == "application_not_found"
    assert app_client.get(f"/api/v1/applications/{number}/progress").status_code == 404


def test_strangers_lock_only_themselves(app_client: TestClient, clock: FixedClock) -> None:
    """Wrong guesses from one caller hold that caller, never the owner asking from elsewhere (issue item 4).

    Changed on purpose: five failures on a number used to lock the number for everyone, owner included.
    """
    number = _file(app_client)
    for _ in range(5):
        assert _ask(app_client, number, "000000", client_id="stranger").status_code == 404
    blocked = _ask(app_client, number, LAST6, client_id="stranger")
    assert blocked.status_code == 429
    assert blocked.json()["code"] == "too_many_attempts"
    assert int(blocked.headers["Retry-After"]) == 600
    assert _ask(app_client, number, LAST6, client_id="owner").status_code == 200
    clock.instant += timedelta(seconds=300)
    assert int(_ask(app_client, number, LAST6, client_id="stranger").headers["Retry-After"]) == 300
    clock.instant += timedelta(seconds=301)
    assert _ask(app_client, number, LAST6, client_id="stranger").status_code == 200


def test_many_strangers_reach_the_number_ceiling_but_never_hold_the_logged_in_owner(
    app_client: TestClient, services: Services
) -> None:
    """Anonymous guessers together are bounded per number; an owner known by openid still gets in."""
    original = services.settings
    services.settings = original.model_copy(update={"verify_number_ceiling": 6})
    try:
        openid = "oOwnerCeiling0000000000000001"
        owner = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Wechat-Openid": openid, "X-Client-Id": f"wechat:{openid}"}
        number = _file(app_client, headers=owner)
        for attempt in range(6):
            assert _ask(app_client, number, "000000", client_id=f"stranger-{attempt}").status_code == 404
        held = _ask(app_client, number, LAST6, client_id="fresh-anonymous-caller")
        assert held.status_code == 429 and held.json()["code"] == "number_throttled"
        assert "我的申请" in held.json()["message"]
        mine = app_client.post(f"/api/v1/applications/{number}/progress", json={}, headers=owner)
        assert mine.status_code == 200
        another = _file(app_client, id_number=LI_MING, applicant_name="李明")
        assert _ask(app_client, another, LI_MING[-6:], client_id="fresh-anonymous-caller").status_code == 200
    finally:
        services.settings = original


def test_a_wrong_guess_spoofing_the_owner_conversation_does_not_hold_the_owner(app_client: TestClient) -> None:
    """A REST-channel sender may pick the owner's conversation id; the owner's openid claim is counted apart."""
    openid = "oOwnerSpoofed000000000000002"
    owner = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Wechat-Openid": openid, "X-Client-Id": f"wechat:{openid}"}
    number = _file(app_client, headers=owner)
    for _ in range(6):
        _ask(app_client, number, "000000", client_id=f"wechat:{openid}")
    assert app_client.post(f"/api/v1/applications/{number}/progress", json={}, headers=owner).status_code == 200


def test_existing_and_unknown_numbers_do_the_same_work(app_client: TestClient, services: Services) -> None:
    """A wrong guess on a real number loads no more than one on an unknown number (no timing oracle)."""
    number = _file(app_client)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split()[0])

    def work(target: str) -> list[str]:
        statements.clear()
        event.listen(services.engine, "before_cursor_execute", count)
        try:
            assert _ask(app_client, target, "000000", client_id=f"c-{uuid.uuid4().hex}").status_code == 404
        finally:
            event.remove(services.engine, "before_cursor_execute", count)
        return list(statements)

    assert work(number) == work("CY20260928999999")
    timings: dict[str, list[float]] = {number: [], "CY20260928999998": []}
    for _ in range(30):
        for target, seen in timings.items():
            start = time.perf_counter()
            work(target)
            seen.append(time.perf_counter() - start)
    ratio = statistics.median(timings[number]) / statistics.median(timings["CY20260928999998"])
    # The same statements are the guarantee (above); the clock only guards against a gross difference, in the band
    # the live replay uses (tests/security): 0.74 was seen for equal work on a 2-core machine under load.
    assert 0.67 < ratio < 1.5, f"existing/unknown median time ratio {ratio:.2f}"


def test_repeated_failures_are_throttled_per_client(app_client: TestClient) -> None:
    numbers = [_file(app_client) for _ in range(2)]
    for attempt in range(5):
        assert _ask(app_client, f"CY20260928{900000 + attempt}", LAST6, client_id="prober").status_code == 404
    assert _ask(app_client, numbers[0], LAST6, client_id="prober").status_code == 429
    assert _ask(app_client, numbers[0], LAST6, client_id="someone-else").status_code == 200


def test_client_id_is_trusted_only_from_the_gateway(app_client: TestClient) -> None:
    number = _file(app_client)
    for attempt in range(5):
        spoofed = {"X-Client-Id": f"fake-{attempt}", "X-Gateway-Token": "wrong"}
        app_client.post(
            f"/api/v1/applications/CY20260928{900000 + attempt}/progress", json={"id_last6": LAST6}, headers=spoofed
        )
    # all five came from the same peer address, whatever X-Client-Id said
    assert _ask(app_client, number, LAST6).status_code == 429


def test_owner_by_wechat_openid(app_client: TestClient) -> None:
    gateway = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Wechat-Openid": "o-owner-openid"}
    number = _file(app_client, headers=gateway)
    assert app_client.get(f"/api/v1/applications/{number}/progress", headers=gateway).status_code == 200
    stranger = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Wechat-Openid": "o-someone-else"}
    assert app_client.get(f"/api/v1/applications/{number}/progress", headers=stranger).status_code == 404
    untrusted = {"X-Wechat-Openid": "o-owner-openid"}
    assert app_client.get(f"/api/v1/applications/{number}/progress", headers=untrusted).status_code == 404


def _finish_all(client: TestClient, number: str) -> None:
    for department in ("market_regulation", "tax", "public_employment"):
        key = {"X-Department-Key": DEPARTMENT_KEYS[department]}
        task = client.get("/api/v1/department/tasks", headers=key).json()["tasks"][0]
        assert task["application_number"] == number
        client.post(f"/api/v1/department/tasks/{task['task_id']}/accept", headers=key)
        client.post(f"/api/v1/department/tasks/{task['task_id']}/finish", headers=key)


def test_rating_once_after_finishing(app_client: TestClient) -> None:
    number = _file(app_client)
    url = f"/api/v1/applications/{number}/rating"
    early = app_client.post(url, json={"id_last6": LAST6, "score": 5})
    assert (early.status_code, early.json()["code"]) == (409, "not_finished")
    _finish_all(app_client, number)
    assert app_client.post(url, json={"id_last6": "000000", "score": 5}).status_code == 404
    out_of_range = app_client.post(url, json={"id_last6": LAST6, "score": 6})
    assert (out_of_range.status_code, out_of_range.json()["errors"][0]["field"]) == (422, "score")
    rated = app_client.post(url, json={"id_last6": LAST6, "score": 4, "comment": " 办得很快 "})
    assert rated.status_code == 201
    assert (rated.json()["score"], rated.json()["comment"]) == (4, "办得很快")
    assert _ask(app_client, number, LAST6).json()["rated"] is True
    twice = app_client.post(url, json={"id_last6": LAST6, "score": 1})
    assert (twice.status_code, twice.json()["code"]) == (409, "already_rated")
