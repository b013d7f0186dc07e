"""The development stack's fake WeChat (``make run``): the login fake's address also plays the subscribe API.

A developer logs in through the H5 dev login and records the mini program's accept through the service's API; the
worker then sends the subscribe message to the same fake address (``BUNDLE_WECHAT_API_BASE``) and it is 已发送.
"""

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.notifications.worker import Worker
from devtools.fake_code2session import DEV_APP_ID, DEV_APP_SECRET, FakeCode2Session
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

from .conftest import act, file_application, task_id
from .test_worker import REASON, _grant, _rows


@pytest.fixture
def dev_wechat() -> Iterator[FakeWeChatSubscribe]:
    """The fakes as ``devtools/run_stack.start_dev_login`` starts them: one address, every template accepted."""
    subscribe = FakeWeChatSubscribe(DEV_APP_ID, DEV_APP_SECRET, accept_all=True)
    login = FakeCode2Session(DEV_APP_ID, DEV_APP_SECRET, subscribe=subscribe).start()
    subscribe.base_url = login.base_url
    yield subscribe
    login.stop()


def test_a_subscribe_message_goes_out_through_the_development_login_fake(
    app_client: TestClient, services: Services, dev_wechat: FakeWeChatSubscribe, make_worker: Callable[..., Worker]
) -> None:
    application = file_application(app_client, wechat=True)
    act(app_client, task_id(application, "tax"), "request-material", REASON)
    _grant(services)  # the accept the mini program reports to the service
    worker = make_worker(
        wechat_api_base=dev_wechat.base_url, wechat_app_id=DEV_APP_ID, wechat_app_secret=SecretStr(DEV_APP_SECRET)
    )
    assert worker.run_once() == 2
    [sent] = dev_wechat.sent
    assert sent["data"]["phrase3"] == {"value": "需补正"}
    assert [r.status for r in _rows(services, "wechat")] == ["sent"]
