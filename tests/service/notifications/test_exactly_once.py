"""Kill the worker process between the send and the mark, start another: what the user receives.

SMS: the gateway takes the notification's id as ``out_id`` and delivers each once, so the resend after the lease
runs out delivers nothing new and the row ends ``sent``. WeChat's subscribe-message API has no idempotency key: the
resend is a second message when the user has another subscription left (``docs/notifications.md``).
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from bundle_service.api.deps import Services
from bundle_service.models import Notification
from bundle_service.notifications.preferences import record_answers
from bundle_service.notifications.worker import Worker
from devtools.fake_sms_gateway import FakeSmsGateway
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

from .conftest import APP_ID, APP_SECRET, OPENID, PROGRESS_TEMPLATE, SMS_TOKEN, TASKS, file_application, key, task_id

ROOT = Path(__file__).resolve().parents[3]
LEASE_SECONDS = 2


def _worker(services: Services, sms: FakeSmsGateway, wechat: FakeWeChatSubscribe) -> subprocess.Popen[bytes]:
    """One pass of the worker as its own process (``python -m bundle_service.notifications.worker --once``)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BUNDLE_")}
    env.update(
        BUNDLE_DATABASE_URL=services.settings.database_url,
        BUNDLE_SMS_GATEWAY_URL=sms.base_url,
        BUNDLE_SMS_GATEWAY_TOKEN=SMS_TOKEN,
        BUNDLE_WECHAT_API_BASE=wechat.base_url,
        BUNDLE_WECHAT_APP_ID=APP_ID,
        BUNDLE_WECHAT_APP_SECRET=APP_SECRET,
        BUNDLE_NOTIFY_QUIET_HOURS="",
        BUNDLE_NOTIFY_LEASE_SECONDS=str(LEASE_SECONDS),
        BUNDLE_KNOWLEDGE_WARM_ON_STARTUP="false",
    )
    command = [sys.executable, "-m", "bundle_service.notifications.worker", "--once"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _kill_after_send_then_restart(
    services: Services, sms: FakeSmsGateway, wechat: FakeWeChatSubscribe, delivered: Callable[[], int]
) -> Notification:
    first = _worker(services, sms, wechat)
    _wait(lambda: delivered() == 1)  # the provider has it; the worker waits for the answer
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    with services.sessions() as session:
        [row] = session.scalars(select(Notification).where(Notification.channel != "inbox"))
        assert row.status == "sending"  # never marked
    sms.hold = wechat.hold = 0
    time.sleep(LEASE_SECONDS + 0.5)  # the dead worker's lease runs out
    second = _worker(services, sms, wechat)
    _, errors = second.communicate(timeout=120)
    assert second.returncode == 0, errors.decode()
    with services.sessions() as session:
        [row] = session.scalars(select(Notification).where(Notification.channel != "inbox"))
        return row


def test_a_killed_worker_never_delivers_an_sms_twice(
    app_client: TestClient, services: Services, sms: FakeSmsGateway, wechat: FakeWeChatSubscribe
) -> None:
    application = file_application(app_client, wechat=False)
    app_client.post(f"{TASKS}/{task_id(application, 'tax')}/accept", headers=key("tax"))
    sms.hold = 30
    row = _kill_after_send_then_restart(services, sms, wechat, lambda: len(sms.delivered))
    assert len(sms.requests) == 2 and len(sms.delivered) == 1  # sent twice, delivered once
    assert (row.status, row.attempts, row.provider_id) == ("sent", 2, "sms-1")
    assert "上次发送的结果未知（发送进程中断），重新发送" in [h.get("detail") for h in row.history]


def test_a_killed_worker_can_send_a_wechat_message_twice_and_says_so(
    app_client: TestClient, services: Services, sms: FakeSmsGateway, wechat: FakeWeChatSubscribe
) -> None:
    application = file_application(app_client, wechat=True)
    wechat.grant(OPENID, PROGRESS_TEMPLATE, 2)
    with services.sessions.begin() as session:
        for _ in range(2):
            record_answers(session, OPENID, {PROGRESS_TEMPLATE: "accept"}, services.clock.now())
    app_client.post(f"{TASKS}/{task_id(application, 'tax')}/accept", headers=key("tax"))
    wechat.hold = 30
    row = _kill_after_send_then_restart(services, sms, wechat, lambda: len(wechat.sent))
    assert len(wechat.sent) == 2  # no idempotency key at WeChat: the user sees it twice
    assert (row.status, row.attempts) == ("sent", 2)


def test_two_workers_at_once_send_each_notification_once(
    app_client: TestClient, services: Services, sms: FakeSmsGateway, make_worker: Callable[..., Worker]
) -> None:
    for _ in range(3):  # 3 applications × 4 status changes (and more): SMS to three people
        application = file_application(app_client, wechat=False, phone_suffix=str(_))
        for department in ("tax", "market_regulation"):
            task = task_id(application, department)
            app_client.post(f"{TASKS}/{task}/accept", headers=key(department))
            app_client.post(f"{TASKS}/{task}/finish", headers=key(department))
    sms.hold = 0.05  # keep both workers busy at the same time
    workers = [make_worker(notify_rate_per_hour=100) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        for _ in range(3):
            list(pool.map(lambda worker: worker.run_once(), workers))
    with services.sessions() as session:
        rows = list(session.scalars(select(Notification)))
    assert len(rows) >= 12 and {row.status for row in rows} == {"sent"}
    assert len(sms.requests) == len(sms.delivered) == len(rows)  # no row claimed by both
