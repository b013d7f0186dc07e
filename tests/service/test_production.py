"""Start-up refusals: a weak admin token always, every development default under BUNDLE_PROFILE=production."""

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.config import PACKAGE_DIR, Settings
from bundle_service.core.production import StartupRefused, enforce, startup_problems, weakness
from bundle_service.main import create_app

STRONG = "Vq3xN8rT2mK7pL5wZ9cB4hJ6dF1gS0aY"  # 32 characters, 32 different


def _production(**values: object) -> Settings:
    base: dict[str, object] = {
        "profile": "production",
        "admin_token": SecretStr(STRONG + "a"),
        "session_secret": SecretStr(STRONG + "b"),
        "staff_session_secret": SecretStr(STRONG + "c"),
        "gateway_token": SecretStr(STRONG + "d"),
        "rasa_token": SecretStr(STRONG + "e"),
        "wechat_api_base": "https://api.weixin.qq.com",
        "service_host": "127.0.0.1",
        "booking_api_base": "https://booking.example.gov.cn/api",
    }
    base.update(values)
    return Settings.model_validate(base)


@pytest.mark.parametrize(
    ("token", "weak"),
    [("admin", True), ("a" * 40, True), ("abcabcabcabcabcabcabcabcabcabcabcabc", True), (STRONG, False)],
)
def test_weak_secrets(token: str, weak: bool) -> None:
    assert (weakness(token) is not None) is weak


def test_a_weak_admin_token_is_refused_in_every_profile() -> None:
    problems = startup_problems(Settings(admin_token=SecretStr("admin")))
    assert len(problems) == 1 and "BUNDLE_ADMIN_TOKEN" in problems[0] and "32" in problems[0]
    assert startup_problems(Settings(admin_token=None)) == []  # off is fine in development
    assert startup_problems(Settings(admin_token=SecretStr(STRONG))) == []


def test_the_service_does_not_start_with_a_weak_admin_token(services: Services) -> None:
    original = services.settings
    services.settings = original.model_copy(update={"admin_token": SecretStr("admin")})
    try:
        with pytest.raises(StartupRefused, match="BUNDLE_ADMIN_TOKEN"), TestClient(create_app(services=services)):
            pass
    finally:
        services.settings = original


def test_a_clean_production_configuration_starts() -> None:
    assert startup_problems(_production()) == []
    enforce(_production())


def test_production_lists_every_development_default_at_once() -> None:
    settings = _production(
        admin_token=None,
        session_secret=None,
        staff_session_secret=SecretStr("short"),
        gateway_token=SecretStr("g" * 64),
        rasa_token=None,
        staff_accounts_file=PACKAGE_DIR / "data" / "staff_accounts.example.yml",
        department_keys_file=PACKAGE_DIR / "data" / "department_keys.example.yml",
        department_keys={"tax": "key-tax"},
        staff_keys={"hotline-007": "key-staff-007"},
        wechat_api_base="http://127.0.0.1:9999",
        wechat_app_id="wx123",
        service_host="0.0.0.0",
        booking_api_base=None,
    )
    problems = startup_problems(settings)
    text = "\n".join(problems)
    for variable in (
        "BUNDLE_ADMIN_TOKEN is not set",
        "BUNDLE_SESSION_SECRET is not set",
        "BUNDLE_STAFF_SESSION_SECRET is 5 characters",
        "BUNDLE_GATEWAY_TOKEN uses only 1 different",
        "BUNDLE_RASA_TOKEN is not set",
        "BUNDLE_STAFF_ACCOUNTS_FILE points at the development file staff_accounts.example.yml",
        "BUNDLE_DEPARTMENT_KEYS_FILE points at the development file",
        "BUNDLE_DEPARTMENT_KEYS (tax)",
        "BUNDLE_STAFF_KEYS (hotline-007)",
        "BUNDLE_WECHAT_API_BASE must be https",
        "BUNDLE_WECHAT_APP_SECRET is not set",
        "BUNDLE_BOOKING_API_BASE is not set",
        "BUNDLE_SERVICE_HOST=0.0.0.0 is reachable from other machines while BUNDLE_SESSION_SECRET, BUNDLE_RASA_TOKEN",
    ):
        assert variable in text, text
    with pytest.raises(StartupRefused) as refused:
        enforce(settings)
    assert str(refused.value).count("\n  - ") == len(problems)


def test_the_fake_code2session_on_loopback_is_refused_even_over_https() -> None:
    problems = startup_problems(_production(wechat_api_base="https://localhost:9443"))
    assert problems == ["BUNDLE_WECHAT_API_BASE points at this machine (https://localhost:9443: the fake code2Session)"]


def test_main_exits_with_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from bundle_service import main as entry

    monkeypatch.setattr(entry, "get_settings", lambda: Settings(admin_token=SecretStr("admin")))
    monkeypatch.setattr(entry.uvicorn, "run", lambda *_a, **_k: pytest.fail("started anyway"))
    with pytest.raises(SystemExit, match="BUNDLE_ADMIN_TOKEN is 5 characters long"):
        entry.main()
