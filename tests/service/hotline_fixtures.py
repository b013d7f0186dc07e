"""Fixtures of the hotline tests: staff accounts, logged-in clients, a fake Rasa and a fake WeChat API."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.security import hash_password
from bundle_service.crud import staff as staff_crud

from .fake_peers import FakeRasa, FakeWeChat

PASSWORDS = {"admin": "admin-test-pass", "zhangsan": "staff-test-pass", "lisi": "staff-test-pass"}
ROLES = {"admin": "admin", "zhangsan": "staff", "lisi": "staff"}
__all__ = ["fake_rasa", "fake_wechat", "hotline"]
RASA_TOKEN = "test-rasa-auth-token"  # the fake Rasa's --auth-token: its HTTP API refuses calls without it
_HASHES = {name: hash_password(password) for name, password in PASSWORDS.items()}


@pytest.fixture(scope="session")
def fake_rasa() -> Iterator[FakeRasa]:
    rasa = FakeRasa(auth_token=RASA_TOKEN)
    yield rasa
    rasa.close()


@pytest.fixture(scope="session")
def fake_wechat() -> Iterator[FakeWeChat]:
    wechat = FakeWeChat()
    yield wechat
    wechat.close()


@pytest.fixture
def hotline(services: Services, fake_rasa: FakeRasa, fake_wechat: FakeWeChat) -> Iterator[Services]:
    """The service with three staff accounts, Rasa and WeChat pointing at the fakes (restored afterwards)."""
    original = services.settings
    services.settings = original.model_copy(
        update={
            "rasa_url": fake_rasa.url,
            "rasa_token": SecretStr(RASA_TOKEN),
            "wechat_api_base": fake_wechat.url,
            "wechat_app_id": fake_wechat.app_id,
            "wechat_app_secret": SecretStr(fake_wechat.app_secret),
            "staff_session_secret": SecretStr("test-staff-session-secret"),
        }
    )
    fake_rasa.trackers.clear()
    fake_rasa.received.clear()
    fake_wechat.sent.clear()
    fake_wechat.fail_next.clear()
    with services.sessions.begin() as session:
        for name, role in ROLES.items():
            staff_crud.create(
                session,
                staff_id=name,
                display_name=name,
                role=role,
                password_hash=_HASHES[name],
                now=services.clock.now(),
            )
    try:
        yield services
    finally:
        services.settings = original


def login(client: TestClient, name: str) -> dict[str, str]:
    """Headers with a session token of ``name``."""
    response = client.post("/api/v1/staff/login", json={"username": name, "password": PASSWORDS[name]})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}
