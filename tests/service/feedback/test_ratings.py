"""好差评 of conversations and handoffs: stored once, and a 1–2 star rating opens a follow-up 诉求 in the queue."""

from datetime import timedelta

from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.models import Rating
from tests.service.conftest import DEPARTMENT_KEYS
from tests.service.factories import form, make_id
from tests.service.fake_peers import FakeRasa
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import ALICE, BOB, GATEWAY, bearer, bot
from tests.service.hotline_fixtures import login

CONVERSATION = f"wechat:{ALICE}"


def _rate(client: TestClient, headers: dict[str, str], **body: object) -> "object":
    return client.post("/api/v1/ratings", json=body, headers=headers)


def test_a_good_conversation_rating_is_stored_once_a_day(
    client: TestClient, hotline: Services, clock: FixedClock
) -> None:
    headers = bearer(ALICE, clock)
    first = client.post("/api/v1/ratings", json={"target": "conversation", "score": 5}, headers=headers)
    assert first.status_code == 201
    assert (first.json()["followup"], first.json()["message"]) == (None, "感谢您的评价！")
    again = client.post("/api/v1/ratings", json={"target": "conversation", "score": 4}, headers=headers)
    assert again.status_code == 409 and again.json()["code"] == "already_rated"
    clock.instant += timedelta(days=1)
    headers = bearer(ALICE, clock)  # the login token lives 2 hours
    assert (
        client.post("/api/v1/ratings", json={"target": "conversation", "score": 4}, headers=headers).status_code == 201
    )
    with hotline.sessions() as session:
        stored = session.query(Rating).order_by(Rating.id).all()
    assert [(r.target, r.conversation_id, r.channel, r.score) for r in stored] == [
        ("conversation", CONVERSATION, "miniprogram", 5),
        ("conversation", CONVERSATION, "miniprogram", 4),
    ]


def test_a_bad_rating_opens_a_followup_in_the_queue(client: TestClient, clock: FixedClock) -> None:
    body = {"target": "conversation", "score": 2, "comment": "答非所问", "conversation_id": "web:v9", "channel": "rest"}
    answer = client.post("/api/v1/ratings", json=body, headers=bot("web:v9"))
    assert answer.status_code == 201
    followup = answer.json()["followup"]
    assert followup.startswith("SQ") and followup in answer.json()["message"]
    queue = client.get("/api/v1/appeals", headers=login(client, "zhangsan")).json()["appeals"]
    entry = next(a for a in queue if a["number"] == followup)
    assert (entry["kind"], entry["kind_label"], entry["category"]) == ("followup", "差评整改回访", "followup")
    assert entry["source"] == {"kind": "conversation", "ref": "web:v9", "score": 2}
    assert "答非所问" in entry["description"] and "回访" in entry["description"]


def test_scores_outside_one_to_five_are_refused(client: TestClient, clock: FixedClock) -> None:
    for score in (0, 6):
        answer = client.post(
            "/api/v1/ratings", json={"target": "conversation", "score": score}, headers=bearer(ALICE, clock)
        )
        assert answer.status_code == 422


def test_a_user_rates_only_their_own_conversation(client: TestClient, clock: FixedClock) -> None:
    body = {"target": "conversation", "score": 5, "conversation_id": f"wechat:{BOB}"}
    assert client.post("/api/v1/ratings", json=body, headers=bearer(ALICE, clock)).status_code == 403
    assert client.post("/api/v1/ratings", json=body).status_code == 401


def _taken_handoff(client: TestClient, fake_rasa: FakeRasa, conversation: str) -> int:
    fake_rasa.message({"sender": conversation, "message": "我要找人工"})
    queued = client.post(
        "/api/v1/handoffs", json={"conversation_id": conversation, "reason": "asked_person"}, headers=GATEWAY
    )
    handoff_id = int(queued.json()["id"])
    assert client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=login(client, "zhangsan")).status_code == 200
    return handoff_id


def test_a_handoff_is_rated_once_and_a_bad_one_is_followed_up(client: TestClient, fake_rasa: FakeRasa) -> None:
    conversation = "web:handoff-user"
    waiting = client.post(
        "/api/v1/handoffs", json={"conversation_id": "web:other", "reason": "asked_person"}, headers=GATEWAY
    )
    never_taken = {"target": "handoff", "handoff_id": waiting.json()["id"], "score": 1, "conversation_id": "web:other"}
    assert client.post("/api/v1/ratings", json=never_taken, headers=bot("web:other")).status_code == 404
    handoff_id = _taken_handoff(client, fake_rasa, conversation)
    latest = client.get(f"/api/v1/ratings/latest-handoff?conversation_id={conversation}", headers=GATEWAY).json()
    assert latest == {"handoff_id": handoff_id, "rated": False}
    foreign = {"target": "handoff", "handoff_id": handoff_id, "score": 1, "conversation_id": "web:someone-else"}
    assert client.post("/api/v1/ratings", json=foreign, headers=bot("web:someone-else")).status_code == 404
    body = {
        "target": "handoff",
        "handoff_id": handoff_id,
        "score": 1,
        "comment": "态度冷淡",
        "conversation_id": conversation,
    }
    rated = client.post("/api/v1/ratings", json=body, headers=bot(conversation))
    assert rated.status_code == 201 and rated.json()["followup"]
    assert client.post("/api/v1/ratings", json=body, headers=bot(conversation)).status_code == 409
    latest = client.get(f"/api/v1/ratings/latest-handoff?conversation_id={conversation}", headers=GATEWAY).json()
    assert latest["rated"] is True
    missing = {"target": "handoff", "score": 3, "conversation_id": conversation}
    assert client.post("/api/v1/ratings", json=missing, headers=bot(conversation)).status_code == 422


def test_a_bad_rating_of_a_finished_application_opens_a_followup_with_its_contact(client: TestClient) -> None:
    id_number = make_id(sequence="041")
    body = form(id_number=id_number, applicant_name="吴七", phone="13600002222")
    number = client.post("/api/v1/applications", json=body, headers=bot()).json()["number"]
    for department in ("market_regulation", "tax", "public_employment"):
        key = {"X-Department-Key": DEPARTMENT_KEYS[department]}
        task = client.get("/api/v1/department/tasks", headers=key).json()["tasks"][0]
        client.post(f"/api/v1/department/tasks/{task['task_id']}/accept", headers=key)
        client.post(f"/api/v1/department/tasks/{task['task_id']}/finish", headers=key)
    url = f"/api/v1/applications/{number}/rating"
    rated = client.post(
        url, json={"id_last6": id_number[-6:], "score": 1, "comment": "材料被要求交了三次"}, headers=bot()
    )
    assert rated.status_code == 201
    followup = rated.json()["followup"]
    zhang = login(client, "zhangsan")
    entry = client.get(f"/api/v1/appeals/{followup}", headers=zhang).json()
    assert (entry["kind"], entry["application_number"], entry["contact"]) == ("followup", number, "136****2222")
    assert entry["source"] == {"kind": "application", "ref": number, "score": 1}
    assert "材料被要求交了三次" in entry["description"]
