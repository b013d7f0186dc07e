"""Handoff queue: queued by the bot, history from Rasa, one taker, replies on the user's channel, hand-back, audit."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.adapters.rasa import RasaClient, RasaUnavailable
from bundle_service.api.deps import Services
from bundle_service.crud.audit import events
from bundle_service.identity.session_tokens import SessionTokens
from tests.apps import client_for

from ..conftest import GATEWAY_TOKEN
from ..fake_peers import FakeRasa, FakeWeChat
from ..hotline_fixtures import *  # noqa: F403  (fixtures)
from ..hotline_fixtures import login

GATEWAY = {"X-Gateway-Token": GATEWAY_TOKEN}


def _queue(client: TestClient, conversation_id: str, channel: str | None = None) -> int:
    body = {"conversation_id": conversation_id, "reason": "request_human"}
    if channel:
        body["channel"] = channel
    response = client.post("/api/v1/handoffs", json=body, headers=GATEWAY)
    assert response.status_code in (200, 201), response.text
    return int(response.json()["id"])


def _paused_conversation(fake_rasa: FakeRasa, conversation_id: str) -> None:
    fake_rasa.message({"sender": conversation_id, "message": "创业贷款能贷多少"})
    fake_rasa.message({"sender": conversation_id, "message": "我要找人工"})


def test_the_bot_queues_a_conversation_once_and_needs_the_gateway_token(hotline: Services) -> None:
    with client_for(hotline) as client:
        body = {"conversation_id": "web:abc", "reason": "request_human"}
        assert client.post("/api/v1/handoffs", json=body).status_code == 401
        first = client.post("/api/v1/handoffs", json=body, headers=GATEWAY)
        again = client.post("/api/v1/handoffs", json=body, headers=GATEWAY)
        assert (first.status_code, again.status_code) == (201, 200)
        assert first.json()["id"] == again.json()["id"]
        assert (first.json()["status"], first.json()["channel"]) == ("waiting", "web")


def test_queue_shows_waiting_conversations_with_history(hotline: Services, fake_rasa: FakeRasa) -> None:
    _paused_conversation(fake_rasa, "wechat:o-user-1")
    with client_for(hotline) as client:
        handoff_id = _queue(client, "wechat:o-user-1")
        headers = login(client, "zhangsan")
        queue = client.get("/api/v1/handoffs", headers=headers).json()
        assert [h["id"] for h in queue] == [handoff_id]
        entry = queue[0]
        assert (entry["channel"], entry["status"], entry["paused"]) == ("wechat", "waiting", True)
        assert [t["role"] for t in entry["history"]] == ["user", "bot", "user", "bot"]
        assert entry["history"][2]["text"] == "我要找人工"


def test_personal_numbers_in_the_history_are_masked_for_staff(hotline: Services, fake_rasa: FakeRasa) -> None:
    fake_rasa.message({"sender": "web:pii", "message": "我的身份证是43010419990512123X 电话13812345678"})
    with client_for(hotline) as client:
        handoff_id = _queue(client, "web:pii")
        entry = client.get(f"/api/v1/handoffs/{handoff_id}", headers=login(client, "zhangsan")).json()
        assert entry["history"][0]["text"] == "我的身份证是430104********123X 电话138****5678"


def test_two_staff_cannot_take_the_same_conversation(hotline: Services) -> None:
    with client_for(hotline) as client:
        handoff_id = _queue(client, "web:race")
        staff = [login(client, "zhangsan"), login(client, "lisi"), login(client, "admin")] * 4
        with ThreadPoolExecutor(max_workers=len(staff)) as pool:
            answers = list(pool.map(lambda h: client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=h), staff))
        codes = sorted(a.status_code for a in answers)
        assert codes == [200] + [409] * (len(staff) - 1)
        winner = next(a for a in answers if a.status_code == 200).json()["taken_by"]
        loser = next(a for a in answers if a.status_code == 409).json()
        assert loser["code"] == "already_taken"
    with hotline.sessions() as session:
        taken = [e for e in events(session) if e.action == "handoff.taken"]
    assert [e.actor for e in taken] == [f"staff:{winner}"]


def test_reply_to_a_wechat_user_goes_through_the_send_api(
    hotline: Services, fake_rasa: FakeRasa, fake_wechat: FakeWeChat
) -> None:
    _paused_conversation(fake_rasa, "wechat:o-user-2")
    with client_for(hotline) as client:
        handoff_id = _queue(client, "wechat:o-user-2")
        headers = login(client, "zhangsan")
        assert (
            client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "x"}, headers=headers).status_code
            == 409
        )
        client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=headers)
        fake_wechat.fail_next.append(40001)  # the cached token expires: refreshed once, sent once
        sent = client.post(
            f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "您好，我是客服张三。"}, headers=headers
        )
        assert sent.status_code == 201 and sent.json()["delivery"] == "wechat"
        assert fake_wechat.sent == [
            {"touser": "o-user-2", "msgtype": "text", "text": {"content": "您好，我是客服张三。"}}
        ]
        fake_wechat.fail_next.append(45015)  # the user's 48-hour window is over: reported, not retried
        late = client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "还在吗？"}, headers=headers)
        assert late.json()["delivery"] == "wechat_error:45015" and len(fake_wechat.sent) == 1
        lisi = login(client, "lisi")
        assert (
            client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "x"}, headers=lisi).status_code == 409
        )
        history = client.get(f"/api/v1/handoffs/{handoff_id}", headers=headers).json()["history"]
        assert history[-2:] == [
            {"role": "staff", "text": "您好，我是客服张三。", "at": history[-2]["at"]},
            {"role": "staff", "text": "还在吗？", "at": history[-1]["at"]},
        ]


def test_mini_program_chat_replies_wait_in_the_outbox_not_the_send_api(
    hotline: Services, fake_rasa: FakeRasa, fake_wechat: FakeWeChat
) -> None:
    _paused_conversation(fake_rasa, "wechat:o-user-4")
    with client_for(hotline) as client:
        handoff_id = _queue(client, "wechat:o-user-4", channel="miniprogram")
        headers = login(client, "zhangsan")
        client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=headers)
        sent = client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "您好。"}, headers=headers)
        assert sent.status_code == 201 and sent.json()["delivery"] == "outbox"
        assert fake_wechat.sent == []
        polled = client.get("/api/v1/conversations/wechat:o-user-4/messages", headers=GATEWAY).json()
        assert [m["text"] for m in polled] == ["您好。"]


def test_web_replies_wait_in_the_outbox_and_hand_back_resumes_the_bot(hotline: Services, fake_rasa: FakeRasa) -> None:
    _paused_conversation(fake_rasa, "web:u-3")
    with client_for(hotline) as client:
        handoff_id = _queue(client, "web:u-3")
        headers = login(client, "lisi")
        client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=headers)
        first = client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "第一条"}, headers=headers).json()
        client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "第二条"}, headers=headers)
        assert first["delivery"] == "outbox"
        url = "/api/v1/conversations/web:u-3/messages"
        assert client.get(url).status_code == 401
        polled = client.get(url, headers=GATEWAY).json()
        assert [m["text"] for m in polled] == ["第一条", "第二条"]
        assert [m["text"] for m in client.get(f"{url}?after={first['id']}", headers=GATEWAY).json()] == ["第二条"]
        assert client.get("/api/v1/conversations/web:other/messages", headers=GATEWAY).json() == []
        # while paused the user's messages reach the staff member through the history
        assert fake_rasa.message({"sender": "web:u-3", "message": "好的谢谢"}) == []
        history = client.get(f"/api/v1/handoffs/{handoff_id}", headers=headers).json()["history"]
        assert history[-1] == {"role": "user", "text": "好的谢谢", "at": history[-1]["at"]}
        assert (
            client.post(f"/api/v1/handoffs/{handoff_id}/return", headers=login(client, "zhangsan")).status_code == 409
        )
        back = client.post(f"/api/v1/handoffs/{handoff_id}/return", headers=headers)
        assert back.status_code == 200 and back.json()["status"] == "returned"
        assert fake_rasa.trackers["web:u-3"]["paused"] is False
        resumed = fake_rasa.trackers["web:u-3"]["events"][-2:]
        assert [(e["event"], e.get("name")) for e in resumed] == [("resume", None), ("action", "action_listen")]
        assert fake_rasa.message({"sender": "web:u-3", "message": "贷款多久能批"}) != []  # the bot answers again
        assert client.get("/api/v1/handoffs?status=open", headers=headers).json() == []
    with hotline.sessions() as session:
        actions = [(e.actor, e.action) for e in reversed(events(session))]
    assert [a for a in actions if a[1].startswith("handoff.")] == [
        ("system:bot", "handoff.requested"),
        ("staff:lisi", "handoff.taken"),
        ("staff:lisi", "handoff.replied"),
        ("staff:lisi", "handoff.replied"),
        ("staff:lisi", "handoff.returned"),
    ]


def test_hand_back_fails_cleanly_when_rasa_is_down(hotline: Services) -> None:
    hotline.settings = hotline.settings.model_copy(update={"rasa_url": "http://127.0.0.1:9"})
    with client_for(hotline) as client:
        handoff_id = _queue(client, "web:u-4")
        headers = login(client, "zhangsan")
        taken = client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=headers)
        assert taken.status_code == 200 and taken.json()["history_error"]
        back = client.post(f"/api/v1/handoffs/{handoff_id}/return", headers=headers)
        assert back.status_code == 502 and back.json()["code"] == "rasa_unavailable"
        assert client.get(f"/api/v1/handoffs/{handoff_id}", headers=headers).json()["status"] == "taken"


def test_the_user_polls_their_own_conversation_with_their_login_token(hotline: Services) -> None:
    secret = "handoff-test-secret-of-32-bytes-at-least!"
    hotline.settings = hotline.settings.model_copy(update={"session_secret": SecretStr(secret)})
    tokens = SessionTokens(secret, 600)
    mine = {"Authorization": f"Bearer {tokens.issue('o-me', hotline.clock.now().timestamp())}"}
    with client_for(hotline) as client:
        handoff_id = _queue(client, "wechat:o-me")
        headers = login(client, "zhangsan")
        client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=headers)
        client.post(f"/api/v1/handoffs/{handoff_id}/messages", json={"text": "您好"}, headers=headers)
        assert [m["text"] for m in client.get("/api/v1/conversations/wechat:o-me/messages", headers=mine).json()] == [
            "您好"
        ]
        assert client.get("/api/v1/conversations/wechat:o-other/messages", headers=mine).status_code == 401
        forged = {"Authorization": "Bearer not-a-token"}
        assert client.get("/api/v1/conversations/wechat:o-me/messages", headers=forged).status_code == 401


def test_rasas_http_api_needs_its_auth_token_which_the_service_sends(hotline: Services, fake_rasa: FakeRasa) -> None:
    _paused_conversation(fake_rasa, "web:u-token")
    with pytest.raises(RasaUnavailable):  # the API itself refuses a caller without the token
        RasaClient(fake_rasa.url).tracker("web:u-token")
    with client_for(hotline) as client:
        handoff_id = _queue(client, "web:u-token")
        headers = login(client, "zhangsan")
        taken = client.post(f"/api/v1/handoffs/{handoff_id}/take", headers=headers).json()
        assert [t["text"] for t in taken["history"]][:1] == ["创业贷款能贷多少"] and not taken["history_error"]
        hotline.settings = hotline.settings.model_copy(update={"rasa_token": SecretStr("wrong")})
        again = client.get(f"/api/v1/handoffs/{handoff_id}", headers=headers).json()
        assert again["history_error"]  # said plainly, nothing else breaks
        back = client.post(f"/api/v1/handoffs/{handoff_id}/return", headers=headers)
        assert back.status_code == 502 and back.json()["code"] == "rasa_unavailable"
