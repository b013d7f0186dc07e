"""The console's 诉求 queue: masked lists, one taker, replies on the user's channel, close by the holder or an
admin only, re-classification, the full contact for the holder, every change audited."""

import json
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.crud.audit import events
from tests.service.fake_peers import FakeWeChat
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import ALICE, bearer, bot, file_appeal
from tests.service.hotline_fixtures import login

ID_NUMBER = "430111199601010025"


def test_staff_see_the_queue_with_masked_contact_and_text(client: TestClient) -> None:
    number = file_appeal(client, description=f"我的身份证{ID_NUMBER}被窗口登记错了，电话13812345678")["number"]
    assert client.get("/api/v1/appeals").status_code == 401
    queue = client.get("/api/v1/appeals", headers=login(client, "zhangsan")).json()
    assert queue["counts"] == {"pending": 1, "handling": 0, "closed": 0, "overdue": 0}
    entry = queue["appeals"][0]
    assert (entry["number"], entry["contact"], entry["contact_name"]) == (number, "138****5678", "张*")
    assert entry["working_days_left"] == 5 and entry["light"] == "green"
    text = json.dumps(queue, ensure_ascii=False)
    assert ID_NUMBER not in text and "13812345678" not in text


def test_exactly_one_of_many_staff_takes_a_complaint(client: TestClient) -> None:
    number = file_appeal(client)["number"]
    names = ("zhangsan", "lisi", "admin")
    heads = {name: login(client, name) for name in names}

    def take(index: int) -> tuple[str, int]:
        name = names[index % 3]
        return name, client.post(f"/api/v1/appeals/{number}/take", headers=heads[name]).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(take, range(12)))
    detail = client.get(f"/api/v1/appeals/{number}", headers=heads["lisi"]).json()
    holder = detail["assigned_to"]
    assert detail["status_label"] == "处理中" and holder in names
    # the holder's requests all succeed (the win, then taking their own again); everyone else's get 409
    assert {code for name, code in answers if name == holder} == {200}
    assert {code for name, code in answers if name != holder} == {409}


def test_the_holders_reply_reaches_the_user_on_their_channel(client: TestClient, clock: FixedClock) -> None:
    conversation = f"wechat:{ALICE}"
    body = {"conversation_id": conversation, "channel": "miniprogram"}
    number = file_appeal(client, bot(conversation, ALICE), **body)["number"]
    zhang, li = login(client, "zhangsan"), login(client, "lisi")
    early = client.post(f"/api/v1/appeals/{number}/messages", json={"text": "您好"}, headers=zhang)
    assert early.status_code == 409 and early.json()["code"] == "not_yours"
    assert client.post(f"/api/v1/appeals/{number}/take", headers=zhang).status_code == 200
    taken = client.post(f"/api/v1/appeals/{number}/take", headers=li)
    assert taken.status_code == 409 and taken.json()["code"] == "already_taken"
    assert client.post(f"/api/v1/appeals/{number}/messages", json={"text": "您好"}, headers=li).status_code == 409
    sent = client.post(f"/api/v1/appeals/{number}/messages", json={"text": "已联系窗口核实，明天答复您"}, headers=zhang)
    assert sent.status_code == 201 and sent.json()["delivery"] == "outbox"
    polled = client.get(f"/api/v1/conversations/{conversation}/messages", headers=bearer(ALICE, clock)).json()
    texts = [m["text"] for m in polled]
    assert texts == [f"关于您的诉求{number}：已联系窗口核实，明天答复您"]


def test_a_wechat_user_gets_the_reply_as_a_customer_service_message(
    client: TestClient, fake_wechat: FakeWeChat
) -> None:
    conversation = "wechat:o-cs-user"
    number = file_appeal(client, bot(conversation, "o-cs-user"), conversation_id=conversation, channel="wechat")[
        "number"
    ]
    zhang = login(client, "zhangsan")
    client.post(f"/api/v1/appeals/{number}/take", headers=zhang)
    sent = client.post(f"/api/v1/appeals/{number}/messages", json={"text": "收到"}, headers=zhang)
    assert sent.json()["delivery"] == "wechat"
    assert [m["touser"] for m in fake_wechat.sent] == ["o-cs-user"]


def test_only_the_holder_or_an_admin_closes_and_the_owner_sees_the_result(
    client: TestClient, hotline: Services
) -> None:
    number = file_appeal(client)["number"]
    zhang, li, admin = login(client, "zhangsan"), login(client, "lisi"), login(client, "admin")
    result = {"result": "已约谈窗口工作人员并当面致歉，已优化一次性告知流程"}
    untaken = client.post(f"/api/v1/appeals/{number}/close", json=result, headers=zhang)
    assert untaken.status_code == 403 and untaken.json()["code"] == "not_yours"
    client.post(f"/api/v1/appeals/{number}/take", headers=zhang)
    other = client.post(f"/api/v1/appeals/{number}/close", json=result, headers=li)
    assert other.status_code == 403 and "管理员" in other.json()["message"]
    closed = client.post(f"/api/v1/appeals/{number}/close", json=result, headers=zhang)
    assert closed.status_code == 200
    assert (closed.json()["status_label"], closed.json()["light"], closed.json()["closed_by"]) == (
        "已办结",
        None,
        "zhangsan",
    )
    again = client.post(f"/api/v1/appeals/{number}/close", json=result, headers=admin)
    assert again.status_code == 409 and again.json()["code"] == "appeal_closed"
    owner = client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "5678"}, headers=bot()).json()
    assert owner["status_label"] == "已办结" and owner["result"] == result["result"]
    assert owner["replies"][-1]["text"].startswith(f"您的诉求{number}已办结。处理结果：")
    trail = client.get(f"/api/v1/appeals/{number}", headers=zhang).json()["events"]
    assert [e["action"] for e in trail] == ["appeal.created", "appeal.taken", "appeal.closed"]
    with hotline.sessions() as session:
        closing = next(e for e in events(session) if e.action == "appeal.closed")
    assert closing.actor == "staff:zhangsan"


def test_an_admin_closes_a_complaint_held_by_someone_else(client: TestClient) -> None:
    number = file_appeal(client)["number"]
    client.post(f"/api/v1/appeals/{number}/take", headers=login(client, "zhangsan"))
    closed = client.post(
        f"/api/v1/appeals/{number}/close", json={"result": "已转督查室处理"}, headers=login(client, "admin")
    )
    assert closed.status_code == 200 and closed.json()["closed_by"] == "admin"


def test_recategorizing_moves_the_time_limit(client: TestClient) -> None:
    number = file_appeal(client)["number"]
    moved = client.post(f"/api/v1/appeals/{number}/category", json={"category": "venue"}, headers=login(client, "lisi"))
    assert moved.status_code == 200
    assert (moved.json()["category"], moved.json()["time_limit_days"]) == ("venue", 10)
    unknown = client.post(f"/api/v1/appeals/{number}/category", json={"category": "x"}, headers=login(client, "lisi"))
    assert unknown.status_code == 422


def test_the_full_contact_is_for_the_holder_and_audited(client: TestClient, hotline: Services) -> None:
    number = file_appeal(client)["number"]
    zhang, li = login(client, "zhangsan"), login(client, "lisi")
    client.post(f"/api/v1/appeals/{number}/take", headers=zhang)
    assert client.post(f"/api/v1/appeals/{number}/contact", headers=li).status_code == 403
    full = client.post(f"/api/v1/appeals/{number}/contact", headers=zhang).json()
    assert full == {"contact_name": "张三", "contact_phone": "13812345678"}
    with hotline.sessions() as session:
        stored = json.dumps([e.details for e in events(session)], ensure_ascii=False)
        viewed = [e.actor for e in events(session) if e.action == "appeal.contact_viewed"]
    assert viewed == ["staff:zhangsan"] and "13812345678" not in stored


def test_filters_by_status_mine_and_light(client: TestClient, clock: FixedClock) -> None:
    first, second = file_appeal(client)["number"], file_appeal(client)["number"]
    zhang = login(client, "zhangsan")
    client.post(f"/api/v1/appeals/{first}/take", headers=zhang)
    mine = client.get("/api/v1/appeals?mine=true", headers=zhang).json()["appeals"]
    assert [a["number"] for a in mine] == [first]
    pending = client.get("/api/v1/appeals?status=pending", headers=zhang).json()["appeals"]
    assert [a["number"] for a in pending] == [second]
    clock.instant = clock.instant.replace(month=10, day=12)
    red = client.get("/api/v1/appeals?light=red", headers=login(client, "lisi")).json()
    assert {a["number"] for a in red["appeals"]} == {first, second} and red["counts"]["overdue"] == 2


def test_no_full_phone_number_reaches_the_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    number = file_appeal(client, description="请回电13812345678，身份证430111199601010025")["number"]
    zhang = login(client, "zhangsan")
    client.post(f"/api/v1/appeals/{number}/take", headers=zhang)
    client.post(f"/api/v1/appeals/{number}/messages", json={"text": "已收到，稍后回电13812345678"}, headers=zhang)
    client.post(f"/api/v1/appeals/{number}/contact", headers=zhang)
    client.post(f"/api/v1/appeals/{number}/status", json={"phone_last4": "0000"}, headers=bot("web:guess"))
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert f"/api/v1/appeals/{number}/messages" in logged  # the requests were logged
    assert "13812345678" not in logged and "430111199601010025" not in logged
