"""The console's handoff queue says why each conversation waits, its last message and how long it has waited;
handing a conversation back invites the user to rate the handoff."""

from datetime import timedelta

from fastapi.testclient import TestClient

from bundle_service.core.clock import FixedClock
from bundle_service.hotline.handoffs import RATING_INVITATION
from tests.service.fake_peers import FakeRasa
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import GATEWAY
from tests.service.hotline_fixtures import login


def _queue(client: TestClient, conversation: str, reason: str) -> None:
    answer = client.post("/api/v1/handoffs", json={"conversation_id": conversation, "reason": reason}, headers=GATEWAY)
    assert answer.status_code == 201, answer.text


def test_reasons_last_message_and_waiting_time(client: TestClient, fake_rasa: FakeRasa, clock: FixedClock) -> None:
    fake_rasa.message({"sender": "web:a", "message": "我的身份证430111199601010025查不到进度，转人工"})
    fake_rasa.message({"sender": "web:b", "message": "啊啊啊"})
    _queue(client, "web:a", "asked_person")
    _queue(client, "web:b", "nlu_fallback")  # an older bot's intent name
    _queue(client, "web:c", "complaint")
    _queue(client, "web:d", "something_new")
    clock.instant += timedelta(minutes=3)
    queue = client.get("/api/v1/handoffs?history=false", headers=login(client, "zhangsan")).json()
    facts = {h["conversation_id"]: (h["reason_kind"], h["reason_label"], h["waited_seconds"]) for h in queue}
    assert facts == {
        "web:a": ("asked_person", "用户要求人工", 180),
        "web:b": ("bot_failed", "机器人两次未能回答", 180),
        "web:c": ("complaint", "投诉", 180),
        "web:d": ("other", "其他", 180),
    }
    last = {h["conversation_id"]: (h["last_message"] or {}).get("text") for h in queue}
    assert last["web:b"] == "啊啊啊" and last["web:c"] is None
    assert last["web:a"] is not None and "430111" in last["web:a"] and "199601010025" not in last["web:a"]  # masked
    assert all(h["history"] is None for h in queue)  # history=false still leaves the transcript out


def test_a_taken_conversation_stops_its_waiting_clock(client: TestClient, clock: FixedClock) -> None:
    _queue(client, "web:e", "asked_person")
    clock.instant += timedelta(seconds=40)
    zhang = login(client, "zhangsan")
    handoff_id = client.get("/api/v1/handoffs", headers=zhang).json()[0]["id"]
    client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=zhang)
    clock.instant += timedelta(minutes=10)
    assert client.get(f"/api/v1/handoffs/{handoff_id}", headers=zhang).json()["waited_seconds"] == 40


def test_handing_back_invites_the_user_to_rate_the_handoff(client: TestClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.message({"sender": "web:g", "message": "转人工"})
    _queue(client, "web:g", "asked_person")
    zhang = login(client, "zhangsan")
    handoff_id = client.get("/api/v1/handoffs", headers=zhang).json()[0]["id"]
    client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=zhang)
    assert client.post(f"/api/v1/handoffs/{handoff_id}/return", headers=zhang).status_code == 200
    polled = client.get("/api/v1/conversations/web:g/messages", headers=GATEWAY).json()
    assert [m["text"] for m in polled] == [RATING_INVITATION]
    assert "五星" in RATING_INVITATION and "一星" in RATING_INVITATION
