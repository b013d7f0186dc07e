"""Staff accounts: passwords, session tokens, roles, seeding, and the audit of logins."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

from bundle_service.api.deps import Services
from bundle_service.core.security import TokenSigner, hash_password, needs_rehash, verify_password
from bundle_service.crud import staff as staff_crud
from bundle_service.crud.audit import events
from bundle_service.hotline.staff_accounts import seed_accounts
from tests.apps import client_for

from ..hotline_fixtures import *  # noqa: F403  (fixtures)
from ..hotline_fixtures import login

NOW = datetime(2026, 9, 28, 2, 0, tzinfo=timezone.utc)


def test_password_hash_round_trip() -> None:
    stored = hash_password("正确的密码 123")
    assert stored.startswith("scrypt$131072$8$1$")  # OWASP's scrypt cost (was N=2^14 before the review)
    assert not needs_rehash(stored)
    assert verify_password("正确的密码 123", stored)
    assert not verify_password("错误的密码", stored)
    assert not verify_password("x", "garbage")
    assert hash_password("same") != hash_password("same")  # salted


def test_tokens_are_signed_and_expire() -> None:
    signer = TokenSigner(b"k" * 32, timedelta(minutes=30))
    token, expires = signer.issue("zhangsan", "staff", NOW)
    assert expires == NOW + timedelta(minutes=30)
    session = signer.check(token, NOW + timedelta(minutes=29))
    assert session is not None and (session.staff_id, session.role) == ("zhangsan", "staff")
    assert signer.check(token, NOW + timedelta(minutes=30)) is None  # expired
    assert TokenSigner(b"other" * 8, timedelta(minutes=30)).check(token, NOW) is None  # other key
    version, payload, signature = token.split(".")
    forged, _ = signer.issue("zhangsan", "admin", NOW)
    assert signer.check(f"{version}.{forged.split('.')[1]}.{signature}", NOW) is None  # role swapped
    assert signer.check("nonsense", NOW) is None


def test_login_me_and_wrong_password(hotline: Services) -> None:
    with client_for(hotline) as client:
        assert client.post("/api/v1/staff/login", json={"username": "zhangsan", "password": "nope"}).status_code == 401
        unknown = client.post("/api/v1/staff/login", json={"username": "nobody", "password": "nope"})
        assert unknown.status_code == 401 and unknown.json()["code"] == "invalid_credentials"
        headers = login(client, "zhangsan")
        me = client.get("/api/v1/staff/me", headers=headers).json()
        assert me == {"id": "zhangsan", "display_name": "zhangsan", "role": "staff", "active": True}
    with hotline.sessions() as session:
        actions = [(e.actor, e.action) for e in events(session)]
    assert ("staff:zhangsan", "staff.login") in actions
    assert actions.count(("system", "staff.login_failed")) == 2


def test_no_or_bad_token_is_401(hotline: Services) -> None:
    with client_for(hotline) as client:
        for path in ("/api/v1/staff/me", "/api/v1/handoffs", "/api/v1/staff/accounts"):
            assert client.get(path).status_code == 401
            assert client.get(path, headers={"Authorization": "Bearer s1.abc.def"}).status_code == 401
        assert client.post("/api/v1/hotline/calls").status_code == 401
        assert client.post("/api/v1/hotline/applications", json={}).status_code == 401


def test_staff_cannot_use_admin_endpoints(hotline: Services) -> None:
    with client_for(hotline) as client:
        staff = login(client, "zhangsan")
        admin = login(client, "admin")
        for method, path, body in (
            ("GET", "/api/v1/staff/accounts", None),
            ("GET", "/api/v1/staff/audit", None),
            ("POST", "/api/v1/staff/accounts", {"id": "wangwu", "display_name": "王五", "password": "long-enough"}),
        ):
            refused = client.request(method, path, json=body, headers=staff)
            assert refused.status_code == 403 and refused.json()["code"] == "admin_required"
            assert client.request(method, path, json=body, headers=admin).status_code in (200, 201)
        assert (
            client.post("/api/v1/staff/login", json={"username": "wangwu", "password": "long-enough"}).status_code
            == 200
        )
        audit = client.get("/api/v1/staff/audit?actor=staff:admin", headers=admin).json()
        assert {"staff.login", "staff.created"} <= {e["action"] for e in audit}


def test_a_disabled_account_loses_its_session(hotline: Services) -> None:
    with client_for(hotline) as client:
        headers = login(client, "lisi")
        with hotline.sessions.begin() as session:
            account = staff_crud.get(session, "lisi")
            assert account is not None
            account.active = False
        assert client.get("/api/v1/staff/me", headers=headers).status_code == 401
        assert (
            client.post("/api/v1/staff/login", json={"username": "lisi", "password": "staff-test-pass"}).status_code
            == 401
        )


def test_seed_creates_missing_accounts_only(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "staff.yml"
    path.write_text("- {id: a1, role: admin, password: pass-a1}\n- {id: s1, password: pass-s1}\n", encoding="utf-8")
    settings = services.settings.model_copy(update={"staff_accounts_file": path})
    assert seed_accounts(settings, services.sessions, services.clock) == ["a1", "s1"]
    assert seed_accounts(settings, services.sessions, services.clock) == []
    with services.sessions() as session:
        s1 = staff_crud.get(session, "s1")
        assert s1 is not None and s1.role == "staff" and verify_password("pass-s1", s1.password_hash)


def test_shipped_development_accounts_seed(services: Services) -> None:
    example = Path(__file__).resolve().parents[3] / "bundle_service" / "data" / "staff_accounts.example.yml"
    settings = services.settings.model_copy(update={"staff_accounts_file": example})
    assert seed_accounts(settings, services.sessions, services.clock) == ["admin", "zhangsan", "lisi"]
