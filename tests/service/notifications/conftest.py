"""Fixtures of the notification tests: filed applications, the fake WeChat subscribe API and SMS gateway, a worker."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.notifications.templates import load_templates
from bundle_service.notifications.worker import Worker
from devtools.fake_sms_gateway import FakeSmsGateway
from devtools.fake_wechat_subscribe import FakeWeChatSubscribe

from ..conftest import DEPARTMENT_KEYS, GATEWAY_TOKEN
from ..factories import NEWCOMER, REALNAME_OPENIDS, form, make_id

OPENID = REALNAME_OPENIDS[NEWCOMER]
TASKS = "/api/v1/department/tasks"
APP_ID, APP_SECRET, SMS_TOKEN = "wx-notify-test", "notify-secret", "sms-token"
PROGRESS_TEMPLATE = load_templates().wechat["progress"].template_id


def key(department: str) -> dict[str, str]:
    """The department's API key header."""
    return {"X-Department-Key": DEPARTMENT_KEYS[department]}


def file_application(client: TestClient, *, wechat: bool, phone_suffix: str = "") -> dict[str, Any]:
    """File a form: as the logged-in WeChat user (owner) or anonymously (SMS to the phone).

    ``phone_suffix`` files another newcomer (own ID and phone ending in it) instead of the usual one.
    """
    headers = {"X-Gateway-Token": GATEWAY_TOKEN, "X-Wechat-Openid": OPENID} if wechat else {}
    person = (
        {"id_number": make_id(sequence=f"01{phone_suffix}"), "phone": f"1391234567{phone_suffix}"}
        if phone_suffix
        else {}
    )
    response = client.post("/api/v1/applications", json=form(**person), headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def task_id(application: dict[str, Any], department: str) -> int:
    """The id of a department's task in a filed application."""
    return int(next(d["task_id"] for d in application["departments"] if d["department_code"] == department))


def act(client: TestClient, task: int, action: str, reason: str | None = None, department: str = "tax") -> None:
    """The department moves its task (``accept``, ``request-material``, ``refuse``: with ``reason``) and is served."""
    body = {"reason": reason} if reason is not None else None
    response = client.post(f"{TASKS}/{task}/{action}", json=body, headers=key(department))
    assert response.status_code == 200, response.text


@pytest.fixture
def wechat() -> Iterator[FakeWeChatSubscribe]:
    """WeChat's subscribe-message API, with the development templates registered."""
    fake = FakeWeChatSubscribe(APP_ID, APP_SECRET).start()
    yield fake
    fake.close()


@pytest.fixture
def sms() -> Iterator[FakeSmsGateway]:
    """The SMS gateway."""
    fake = FakeSmsGateway(SMS_TOKEN).start()
    yield fake
    fake.close()


@pytest.fixture
def notify_settings(services: Services, wechat: FakeWeChatSubscribe, sms: FakeSmsGateway) -> Settings:
    """The service's settings pointed at the fakes, no quiet hours unless a test sets them."""
    return services.settings.model_copy(
        update={
            "wechat_api_base": wechat.base_url,
            "wechat_app_id": APP_ID,
            "wechat_app_secret": SecretStr(APP_SECRET),
            "sms_gateway_url": sms.base_url,
            "sms_gateway_token": SecretStr(SMS_TOKEN),
            "notify_quiet_hours": "",
        }
    )


@pytest.fixture
def make_worker(services: Services, notify_settings: Settings) -> Callable[..., Worker]:
    """A worker on the test database and clock; keyword arguments override settings."""

    def make(**overrides: Any) -> Worker:
        return Worker(services.sessions, notify_settings.model_copy(update=overrides), services.clock)

    return make
