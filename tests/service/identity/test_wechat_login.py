"""Mini-program login against a real local code2Session fake; the service's own tokens."""

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.identity.session_tokens import InvalidSessionToken, SessionTokens
from devtools.fake_code2session import FakeCode2Session
from tests.apps import client_for

APP_ID = "wxtestapp000000001"
APP_SECRET = "test-app-secret"
SESSION_SECRET = "shared-test-secret-of-32-bytes-at-least"
# The same vector tests/channels/test_miniprogram.py verifies with the Rasa channel's code.
SERVICE_VECTOR = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJidW5kbGUtc2VydmljZSIsImF1ZCI6Im1pbmlwcm9ncmFtIiwic3ViIjoib1Rlc"
    "3RPcGVuaWRfMTIzIiwiY29udmVyc2F0aW9uIjoid2VjaGF0Om9UZXN0T3BlbmlkXzEyMyIsImlhdCI6MTc5MDAwMDAwMCwiZXhwIjoxNzkwMDA"
    "3MjAwfQ.oGfRn-IOf6-aCTBsRn18uSxvvLE7CIxkEng990hxPtg"
)


@pytest.fixture(scope="module")
def fake_wechat() -> Iterator[FakeCode2Session]:
    """code2Session on 127.0.0.1, a real HTTP server."""
    fake = FakeCode2Session(APP_ID, APP_SECRET).start()
    yield fake
    fake.stop()


def with_login(services: Services, api_base: str, **overrides: object) -> Services:
    """The test container with login configured."""
    settings = services.settings.model_copy(
        update={
            "wechat_api_base": api_base,
            "wechat_app_id": APP_ID,
            "wechat_app_secret": SecretStr(APP_SECRET),
            "session_secret": SecretStr(SESSION_SECRET),
            "session_lifetime_seconds": 7200,
            **overrides,
        }
    )
    return dataclasses.replace(services, settings=settings)


def now_of(client: TestClient) -> float:
    """The app's clock, in epoch seconds."""
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services.clock.now().timestamp()


@pytest.fixture
def login_client(services: Services, fake_wechat: FakeCode2Session) -> Iterator[TestClient]:
    with client_for(with_login(services, fake_wechat.base_url)) as client:
        yield client


def test_code_becomes_a_token_for_the_openid(login_client: TestClient, fake_wechat: FakeCode2Session) -> None:
    answer = login_client.post("/api/v1/auth/wechat-login", json={"code": "dev-alice"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 7200
    assert fake_wechat.requests[-1] == {
        "appid": APP_ID,
        "secret": APP_SECRET,
        "js_code": "dev-alice",
        "grant_type": "authorization_code",
    }
    now = now_of(login_client)
    assert SessionTokens(SESSION_SECRET, 7200).verify(body["token"], now) == "dev_alice"
    assert "dev_alice" not in answer.text.replace(body["token"], "")  # the openid itself is not handed out


@pytest.mark.parametrize(
    ("code", "status", "error"),
    [
        ("invalid", 401, "invalid_login_code"),
        ("used", 401, "invalid_login_code"),
        ("whatever", 401, "invalid_login_code"),
        ("ratelimit", 429, "login_rate_limited"),
        ("busy", 503, "wechat_busy"),
        ("broken", 503, "wechat_unreachable"),
    ],
)
def test_code2session_errors_are_precise(login_client: TestClient, code: str, status: int, error: str) -> None:
    answer = login_client.post("/api/v1/auth/wechat-login", json={"code": code})
    assert answer.status_code == status
    assert answer.json()["code"] == error
    assert any("\u4e00" <= ch <= "\u9fff" for ch in answer.json()["message"])
    if status == 429:
        assert answer.headers["Retry-After"] == "60"


def test_wrong_app_secret_is_a_503_not_a_users_fault(services: Services, fake_wechat: FakeCode2Session) -> None:
    container = with_login(services, fake_wechat.base_url, wechat_app_secret=SecretStr("wrong"))
    with client_for(container) as client:
        answer = client.post("/api/v1/auth/wechat-login", json={"code": "dev-alice"})
    assert answer.status_code == 503
    assert answer.json()["code"] == "wechat_login_failed"


def test_unreachable_wechat_is_503(services: Services) -> None:
    with client_for(with_login(services, "http://127.0.0.1:9")) as client:
        answer = client.post("/api/v1/auth/wechat-login", json={"code": "dev-alice"})
    assert answer.status_code == 503
    assert answer.json()["message"] == "暂时无法连接微信服务，请稍后再试。"


def test_login_not_configured_is_503(app_client: TestClient) -> None:
    answer = app_client.post("/api/v1/auth/wechat-login", json={"code": "dev-alice"})
    assert answer.status_code == 503
    assert answer.json()["code"] == "login_not_configured"


def test_empty_code_is_422(login_client: TestClient) -> None:
    assert login_client.post("/api/v1/auth/wechat-login", json={"code": ""}).status_code == 422


def test_tokens_expire_and_cannot_be_forged(clock: FixedClock) -> None:
    tokens = SessionTokens(SESSION_SECRET, 7200)
    now = clock.now().timestamp()
    token = tokens.issue("oOwner", now)
    assert tokens.verify(token, now + 7199) == "oOwner"
    with pytest.raises(InvalidSessionToken):
        tokens.verify(token, now + 7200)
    with pytest.raises(InvalidSessionToken):
        SessionTokens("another-secret-of-32-bytes-at-least!", 7200).verify(token, now)
    header, _, signature = token.split(".")
    other = tokens.issue("oSomebodyElse", now).split(".")[1]
    with pytest.raises(InvalidSessionToken):
        tokens.verify(f"{header}.{other}.{signature}", now)


def test_shared_format_vector() -> None:
    """Exactly the token the Rasa channel's test verifies (same secret, subject and time)."""
    assert SessionTokens(SESSION_SECRET, 7200).issue("oTestOpenid_123", 1790000000) == SERVICE_VECTOR
