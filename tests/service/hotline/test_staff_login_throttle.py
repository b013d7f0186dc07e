"""Staff password guessing: growing lockouts per address and per account; device cookies keep staff in (item 5)."""

import base64
import hashlib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.core import device_cookie
from bundle_service.core.clock import FixedClock
from bundle_service.core.security import TokenSigner, needs_rehash
from bundle_service.crud import staff as staff_crud
from bundle_service.hotline.staff_login_throttle import lock_seconds
from tests.apps import app_for, client_for

from ..hotline_fixtures import *  # noqa: F403  (fixtures)
from ..hotline_fixtures import PASSWORDS
from ..peer import FromPeer

URL = "/api/v1/staff/login"


@pytest.fixture
def peer_client(hotline: Services) -> Iterator[tuple[TestClient, FromPeer]]:
    with app_for(hotline) as built:
        app = FromPeer(built)
        with TestClient(app) as client:
            yield client, app


def _try(client: TestClient, name: str, password: str) -> int:
    return client.post(URL, json={"username": name, "password": password}).status_code


def test_lock_grows_from_one_second_to_the_window() -> None:
    assert [lock_seconds(n, 5, 600) for n in (0, 4, 5, 6, 7, 10, 14, 15, 40)] == [0, 0, 1, 2, 4, 32, 512, 600, 600]


def test_wrong_passwords_from_one_address_end_in_a_growing_429(
    peer_client: tuple[TestClient, FromPeer], clock: FixedClock
) -> None:
    client, _app = peer_client
    assert [_try(client, "admin", f"guess-{n}") for n in range(5)] == [401] * 5
    locked = client.post(URL, json={"username": "admin", "password": PASSWORDS["admin"]})
    assert locked.status_code == 429  # even the right password waits: it is not checked during a lockout
    assert locked.headers["Retry-After"] == "1" and locked.json()["code"] == "login_locked"
    assert "密码错误次数过多" in locked.json()["message"]
    clock.instant += timedelta(seconds=1)
    assert _try(client, "zhangsan", "guess") == 401  # 6th failure from this address: any account counts
    assert client.post(URL, json={"username": "admin", "password": "x"}).headers["Retry-After"] == "2"
    clock.instant += timedelta(seconds=2)
    assert _try(client, "admin", PASSWORDS["admin"]) == 200


def test_200_fast_guesses_get_only_a_few_tries(peer_client: tuple[TestClient, FromPeer], clock: FixedClock) -> None:
    client, _app = peer_client
    statuses = []
    for n in range(200):
        statuses.append(_try(client, "admin", f"guess-{n}"))
        clock.instant += timedelta(milliseconds=40)  # 200 attempts in 8 s
    assert statuses.count(401) <= 9 and statuses.count(429) >= 190


def test_strangers_lock_the_account_for_new_browsers_but_not_for_its_staff_member(
    peer_client: tuple[TestClient, FromPeer], clock: FixedClock
) -> None:
    client, app = peer_client
    assert _try(client, "zhangsan", PASSWORDS["zhangsan"]) == 200  # this browser now holds a device cookie
    assert client.cookies.get(device_cookie.COOKIE_NAME)
    stranger = TestClient(app)  # no cookie
    for n in range(10):
        app.peer = f"203.0.113.{n}"
        assert _try(stranger, "zhangsan", f"guess-{n}") == 401
    app.peer = "203.0.113.200"
    assert _try(stranger, "zhangsan", "guess") == 429  # a new address: the account itself is locked
    assert _try(stranger, "lisi", PASSWORDS["lisi"]) == 200  # other accounts are not
    app.peer = "198.51.100.1"
    assert _try(client, "zhangsan", PASSWORDS["zhangsan"]) == 200  # the staff member's own browser still gets in
    clock.instant += timedelta(seconds=1)
    app.peer = "203.0.113.201"
    assert _try(stranger, "zhangsan", PASSWORDS["zhangsan"]) == 200  # and the lock is short: a second here


def test_a_device_cookie_counts_for_its_account_only(
    peer_client: tuple[TestClient, FromPeer], hotline: Services
) -> None:
    client, _app = peer_client
    assert _try(client, "lisi", PASSWORDS["lisi"]) == 200
    cookie = str(client.cookies.get(device_cookie.COOKIE_NAME))
    devices = device_cookie.DeviceCookies(b"test-staff-session-secret")
    now = hotline.clock.now()
    assert devices.device_of(cookie, "lisi", now) is not None
    assert devices.device_of(cookie, "zhangsan", now) is None  # another account: an untrusted browser
    assert devices.device_of(cookie[:-2] + "xx", "lisi", now) is None  # forged
    assert devices.device_of(cookie, "lisi", now + device_cookie.LIFETIME) is None  # expired
    assert TokenSigner(b"test-staff-session-secret", timedelta(hours=1)).check(cookie, now) is None  # not a session


def _scrypt_2_14(password: str) -> str:
    """A hash as stored before the review (N=2^14)."""
    salt = b"saltsaltsaltsalt"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    encode = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()  # noqa: E731
    return f"scrypt$16384$8$1${encode(salt)}${encode(digest)}"


def test_an_old_hash_is_upgraded_at_the_next_login(hotline: Services) -> None:
    with hotline.sessions.begin() as session:
        now = hotline.clock.now()
        old = _scrypt_2_14("old-pass-123")
        staff_crud.create(session, staff_id="veteran", display_name="v", role="staff", password_hash=old, now=now)
    with client_for(hotline) as client:
        assert _try(client, "veteran", "old-pass-123") == 200
    with hotline.sessions() as session:
        account = staff_crud.get(session, "veteran")
        assert account is not None and not needs_rehash(account.password_hash)
    with client_for(hotline) as client:
        assert _try(client, "veteran", "old-pass-123") == 200
