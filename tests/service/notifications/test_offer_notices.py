"""The notification worker looks for 免申即享 offers on its own and sends them like any notification (issue 15)."""

import threading
from functools import partial

from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.notifications.preferences import record_answers
from bundle_service.notifications.worker import Worker
from bundle_service.offers.sweep import sweep
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

from ..callers import owner
from ..factories import WANG_FANG

OFFER_TEMPLATE = "dev-tpl-offer-0003"  # data/notification_templates.yml, wechat_templates.offer


def test_the_worker_sweeps_for_offers_and_sends_each_once(
    app_client: TestClient, services: Services, notify_settings: Settings, wechat: FakeWeChatSubscribe
) -> None:
    claimed = app_client.post(  # 王芳 files the certificate herself: her account becomes known, the rest is not claimed
        "/api/v1/eligibility/one-click",
        json={"id_number": WANG_FANG, "phone": "13900000002", "items": ["employment_cert"]},
        headers=owner(WANG_FANG),
    )
    assert claimed.status_code == 201, claimed.text
    wechat.grant("dev_wangfang", OFFER_TEMPLATE, 2)
    with services.sessions.begin() as session:  # her two accepts in the mini program, as it reports them
        for _ in range(2):
            record_answers(session, "dev_wangfang", {OFFER_TEMPLATE: "accept"}, services.clock.now())
    stop = threading.Event()
    found = partial(sweep, services.sessions, services.shared, services.realname, services.clock)
    made: list[int] = []

    def sweep_once() -> int:
        made.append(found())
        stop.set()  # the worker still sends what is due in this pass, then ends
        return made[-1]

    worker = Worker(services.sessions, notify_settings, services.clock, sweeps=(sweep_once,))
    worker.serve(stop)
    assert made == [2]  # training and the start-up subsidy; the certificate is claimed
    offers = [m for m in wechat.sent if m["template_id"] == OFFER_TEMPLATE]
    assert sorted(m["data"]["thing1"]["value"] for m in offers) == ["创业补贴申领", "申请参加创业培训"]
    assert {m["data"]["date3"]["value"] for m in offers} == {"2026年9月28日"}
    assert found() == 0  # the next sweep tells nobody again
