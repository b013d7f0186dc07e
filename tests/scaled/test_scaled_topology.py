"""What scaling out must not break, proven on the running scaled topology (tests/scaled/conftest.py).

1. Messages sent at once to one conversation, spread by the balancer over both Rasa processes, are processed one
   at a time (the Redis lock): each reply belongs to its own message, nothing is lost or doubled, and the event
   consumer recorded exactly the tracker's events.
2. A Rasa process killed under load loses no message it acknowledged (answered 200).
3. A service process killed while conversations submit their forms files no application twice: a user told of an
   outage says 确认提交 again and gets the same application's number (the action's idempotency key).

The tests run in this order (2 kills a Rasa process, 3 a service process). WeChat's retries landing on different
Rasa processes are handled once through the Redis de-duplication store: tests/channels/test_dedupe.py.
"""

import asyncio
import os
import re
import signal
import time
import uuid
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from tests.scaled.conftest import Scaled, pid_listening_on
from tests.service.factories import make_id

QUESTIONS = ["你好", "创业担保贷款最多能贷多少钱", "那要多久", "一次性创业补贴有多少钱", "营业执照怎么办",
             "要准备什么材料", "谢谢", "个人创业一件事是什么", "都能办哪些事情", "那在哪里办", "红灯是什么意思",
             "黄灯呢"]  # fmt: skip
NUMBER = re.compile(r"CY\d{14}")
TIMEOUT = httpx.Timeout(180.0)


async def say(client: httpx.AsyncClient, scaled: Scaled, sender: str, message: str) -> tuple[int, list[str]]:
    """Send ``message`` as ``sender`` through the balancer; (HTTP status, bot texts) — 0 when the call failed."""
    try:
        answer = await client.post(
            f"{scaled.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}
        )
    except httpx.HTTPError:
        return 0, []
    if answer.status_code != 200:
        return answer.status_code, []
    return 200, [str(m["text"]) for m in answer.json() if m.get("text")]


def tracker_events(scaled: Scaled, sender: str) -> list[dict[str, Any]]:
    answer = httpx.get(
        f"{scaled.rasa_url}/conversations/web:{sender}/tracker", params={"token": scaled.rasa_token}, timeout=60
    )
    answer.raise_for_status()
    return list(answer.json()["events"])


def rest_requests_by_server(scaled: Scaled) -> dict[str, int]:
    lines = (scaled.log_dir / "balancer.log").read_text(errors="replace").splitlines()
    hits = [line for line in lines if "POST /webhooks/rest/webhook" in line]
    return {server: sum(f"rasa/{server} " in line for line in hits) for server in ("rasa1", "rasa2")}


def recorded_events(scaled: Scaled, sender: str) -> list[tuple[str, float]]:
    engine = create_engine(scaled.databases["events"])
    try:
        with engine.connect() as connection:
            rows: Any = connection.execute(
                text("SELECT type_name, timestamp FROM events WHERE sender_id = :s ORDER BY timestamp, id"),
                {"s": f"web:{sender}"},
            )
            return [(str(kind), float(stamp)) for kind, stamp in rows]
    finally:
        engine.dispose()


def by_time(event: tuple[str, float]) -> tuple[float, str]:
    return event[1], event[0]


def test_one_conversation_through_both_rasa_processes_keeps_order_and_every_event(scaled: Scaled) -> None:
    sender = f"order-{uuid.uuid4().hex[:8]}"
    before = rest_requests_by_server(scaled)

    async def all_at_once() -> list[tuple[int, list[str]]]:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            return await asyncio.gather(*(say(client, scaled, sender, q) for q in QUESTIONS))

    replies = dict(zip(QUESTIONS, asyncio.run(all_at_once()), strict=True))
    assert all(status == 200 and texts for status, texts in replies.values()), replies
    after = rest_requests_by_server(scaled)
    assert all(after[server] > before[server] for server in after), (before, after)  # both processes served it

    events = tracker_events(scaled, sender)
    users = [i for i, event in enumerate(events) if event["event"] == "user"]
    assert sorted(events[i]["text"] for i in users) == sorted(QUESTIONS)  # each message once: none lost or doubled
    for start, end in zip(users, [*users[1:], len(events)], strict=True):
        turn = events[start + 1 : end]
        said = [str(event.get("text")) for event in turn if event["event"] == "bot" and event.get("text")]
        assert said == replies[events[start]["text"]][1], "a reply mixed with another message's turn"
        assert [e["name"] for e in turn if e["event"] == "action"][-1] == "action_listen"  # finished before the next

    expected = sorted(((str(event["event"]), float(event["timestamp"])) for event in events), key=by_time)
    deadline = time.monotonic() + 30
    while (
        recorded := sorted(recorded_events(scaled, sender), key=by_time)
    ) != expected and time.monotonic() < deadline:
        time.sleep(0.5)
    assert recorded == expected  # through RabbitMQ to the dashboard's table, every event once


def test_a_rasa_process_killed_under_load_loses_no_acknowledged_message(scaled: Scaled) -> None:
    senders = [f"kill-rasa-{i}-{uuid.uuid4().hex[:6]}" for i in range(10)]
    acknowledged: dict[str, list[str]] = {sender: [] for sender in senders}
    answered_after_kill = 0
    killed_at = 0.0

    async def conversation(client: httpx.AsyncClient, sender: str) -> None:
        nonlocal answered_after_kill
        for question in QUESTIONS[:8]:
            status, texts = await say(client, scaled, sender, question)
            if status == 200 and texts:
                acknowledged[sender].append(question)
                answered_after_kill += bool(killed_at)

    async def load_and_kill() -> None:
        nonlocal killed_at
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            talking = asyncio.gather(*(conversation(client, sender) for sender in senders))
            await asyncio.sleep(4)
            os.kill(pid_listening_on(scaled.topology.rasa_ports()[0]), signal.SIGKILL)
            killed_at = time.monotonic()
            await talking

    asyncio.run(load_and_kill())
    assert answered_after_kill > 0, "nothing was answered after the kill: the other process took no load"
    for sender in senders:
        kept = [event["text"] for event in tracker_events(scaled, sender) if event["event"] == "user"]
        for question in acknowledged[sender]:
            assert kept.count(question) == 1, f"{sender}: acknowledged {question!r}, tracker has {kept}"


def id_number() -> str:
    """A random valid ID number of someone the shared registry does not know."""
    return make_id(born=f"{1980 + uuid.uuid4().int % 20}0101", sequence=f"{uuid.uuid4().int % 1000:03d}")


def test_a_service_process_killed_while_forms_are_submitted_files_each_application_once(scaled: Scaled) -> None:
    people = {f"kill-svc-{i}-{uuid.uuid4().hex[:6]}": id_number() for i in range(6)}
    numbers: dict[str, set[str]] = {sender: set() for sender in people}

    async def file(client: httpx.AsyncClient, sender: str, id_no: str, delay: float) -> None:
        for message in ["我想办营业执照", "赵新", id_no, "13912345678", "返乡农民工", "湘味米粉店", "餐饮", "个体户"]:
            assert (await say(client, scaled, sender, message))[0] == 200
        status, summary = await say(client, scaled, sender, "长沙市雨花区劳动东路200号")
        assert status == 200 and any("请核对" in line for line in summary), summary
        await asyncio.sleep(delay)
        for _attempt in range(4):  # what a user does when told of an outage: confirm again
            status, texts = await say(client, scaled, sender, "确认提交")
            numbers[sender] |= set(NUMBER.findall("\n".join(texts)))
            if numbers[sender]:
                return
            await asyncio.sleep(2)

    async def file_and_kill() -> None:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            filing = asyncio.gather(
                *(file(client, sender, id_no, 0.3 * i) for i, (sender, id_no) in enumerate(people.items()))
            )
            while not submits_answered(scaled):  # the first submit is through: others are on their way
                await asyncio.sleep(0.2)
            os.kill(pid_listening_on(scaled.topology.service_ports()[0]), signal.SIGKILL)
            await filing

    asyncio.run(file_and_kill())
    engine = create_engine(scaled.databases["service"])
    try:
        with engine.connect() as connection:
            for sender, id_no in people.items():
                filed: Any = (
                    connection.execute(
                        text(
                            "SELECT a.number FROM applications a JOIN applicants p ON a.applicant_id = p.id "
                            "WHERE p.id_number = :id"
                        ),
                        {"id": id_no},
                    )
                    .scalars()
                    .all()
                )
                assert sorted(filed) == sorted(numbers[sender]) and len(numbers[sender]) == 1, sender
    finally:
        engine.dispose()


def submits_answered(scaled: Scaled) -> int:
    """How many application submits the balancer has logged (it logs a request when it is answered)."""
    lines = (scaled.log_dir / "balancer.log").read_text(errors="replace").splitlines()
    return sum("POST /api/v1/applications " in line for line in lines)
