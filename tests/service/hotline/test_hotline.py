"""Hotline console API: calls relayed to the bot, knowledge search, caller verification, filing on a caller's behalf."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.crud.audit import events
from tests.apps import client_for

from ..conftest import GATEWAY_TOKEN
from ..factories import NEWCOMER, form
from ..fake_peers import FakeRasa, StubKnowledge
from ..hotline_fixtures import *  # noqa: F403  (fixtures)
from ..hotline_fixtures import login


@pytest.fixture
def client(hotline: Services) -> Iterator[TestClient]:
    with client_for(hotline) as test_client:
        yield test_client


def _actions(services: Services) -> list[tuple[str, str]]:
    with services.sessions() as session:
        return [(e.actor, e.action) for e in reversed(events(session))]


def test_a_call_is_relayed_to_the_bot_with_the_staff_member_in_metadata(
    client: TestClient, hotline: Services, fake_rasa: FakeRasa
) -> None:
    headers = login(client, "zhangsan")
    call = client.post("/api/v1/hotline/calls", headers=headers).json()
    assert call["conversation_id"] == f"hotline:{call['call_id']}"
    answer = client.post(
        f"/api/v1/hotline/calls/{call['call_id']}/messages", json={"text": "创业贷款能贷多少"}, headers=headers
    ).json()
    assert answer["messages"][0]["text"].startswith("创业担保贷款个人最高可贷20万元")
    assert answer["messages"][1]["custom"]["sources"][0]["document"] == "创业担保贷款"
    # Through the hotline channel as a staff claim signed with Rasa's token (the fake checks it like the real
    # channel): only this relay creates hotline: conversations, and the channel names zhangsan to the actions.
    assert fake_rasa.received[-1] == {
        "sender": call["conversation_id"],
        "message": "创业贷款能贷多少",
        "metadata": {"hotline": {"staff_id": "zhangsan", "call_id": call["call_id"]}},
    }
    assert ("staff:zhangsan", "hotline.call_opened") in _actions(hotline)
    assert ("staff:zhangsan", "hotline.message") in _actions(hotline)


def test_the_relay_is_signed_so_rasa_refuses_it_with_another_token(client: TestClient, hotline: Services) -> None:
    headers = login(client, "zhangsan")
    hotline.settings = hotline.settings.model_copy(update={"rasa_token": SecretStr("not-rasas-token")})
    response = client.post("/api/v1/hotline/calls/c1/messages", json={"text": "你好"}, headers=headers)
    assert response.status_code == 502 and response.json()["message"]  # the hotline channel answered 401


@pytest.mark.parametrize("call_id", ["a%3Ab", "x" * 65, "中文", "a.b"])
def test_a_call_id_outside_the_consoles_form_is_422(client: TestClient, hotline: Services, call_id: str) -> None:
    headers = login(client, "zhangsan")
    response = client.post(f"/api/v1/hotline/calls/{call_id}/messages", json={"text": "你好"}, headers=headers)
    assert response.status_code == 422


def test_relay_answers_502_when_rasa_is_down(client: TestClient, hotline: Services) -> None:
    headers = login(client, "zhangsan")
    hotline.settings = hotline.settings.model_copy(update={"rasa_url": "http://127.0.0.1:9"})
    response = client.post("/api/v1/hotline/calls/x/messages", json={"text": "你好"}, headers=headers)
    assert response.status_code == 502 and response.json()["message"]


def test_knowledge_search_for_staff_is_audited_and_never_queued(client: TestClient, hotline: Services) -> None:
    stub = StubKnowledge()
    original = hotline.knowledge
    hotline.knowledge = stub  # type: ignore[assignment]
    try:
        headers = login(client, "lisi")
        body = client.post("/api/v1/hotline/knowledge/search", json={"query": "贷款额度"}, headers=headers).json()
    finally:
        hotline.knowledge = original
    assert (body["status"], body["answer"], body["sources"][0]["section"]) == ("answer", "个人最高20万元。", "贷款额度")
    assert stub.calls[0]["record_unanswered"] is False
    assert ("staff:lisi", "hotline.knowledge_search") in _actions(hotline)


def test_verify_a_caller_and_file_on_their_behalf(client: TestClient, hotline: Services) -> None:
    headers = login(client, "zhangsan")
    filed = client.post("/api/v1/hotline/applications", json=form(), headers={**headers, "Idempotency-Key": "c-1"})
    assert filed.status_code == 201, filed.text
    application = filed.json()
    assert application["filed_by"] == "zhangsan"
    replay = client.post("/api/v1/hotline/applications", json=form(), headers={**headers, "Idempotency-Key": "c-1"})
    assert replay.status_code == 200 and replay.json()["number"] == application["number"]
    wrong = client.post("/api/v1/hotline/applications", json=form(phone="123"), headers=headers)
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "phone"

    lookup = {"number": application["number"], "id_last6": NEWCOMER[-6:]}
    found = client.post("/api/v1/hotline/lookup", json=lookup, headers=headers)
    assert found.status_code == 200 and found.json()["number"] == application["number"]
    assert NEWCOMER not in found.text  # masked
    refused = client.post("/api/v1/hotline/lookup", json={**lookup, "id_last6": "000000"}, headers=headers)
    assert refused.status_code == 404
    actions = _actions(hotline)
    assert actions.count(("staff:zhangsan", "application.submitted")) == 1
    assert ("staff:zhangsan", "hotline.caller_verified") in actions
    assert ("staff:zhangsan", "hotline.caller_verification_failed") in actions


def test_the_console_page_is_served(client: TestClient) -> None:
    page = client.get("/console")
    assert page.status_code == 200 and "热线坐席工作台" in page.text
    assert client.get("/console/console.js").status_code == 200
    assert client.get("/console/console.css").status_code == 200


def test_the_action_server_files_a_hotline_form_as_the_named_staff_member(client: TestClient) -> None:
    gateway = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Client-Id": "hotline:call-9"}
    filed = client.post("/api/v1/applications", json=form(), headers={**gateway, "X-Staff-Id": "lisi"})
    assert filed.status_code == 201 and filed.json()["filed_by"] == "lisi"
    unknown = client.post("/api/v1/applications", json=form(), headers={**gateway, "X-Staff-Id": "nobody"})
    assert unknown.status_code == 401 and unknown.json()["code"] == "invalid_staff_id"
    untrusted = client.post("/api/v1/applications", json=form(project_name="另一个"), headers={"X-Staff-Id": "lisi"})
    assert untrusted.status_code == 201 and untrusted.json()["filed_by"] == "self"  # ignored without the gateway
