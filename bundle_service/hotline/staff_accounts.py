"""Staff accounts: the password check of a login, new accounts, seeding from ``BUNDLE_STAFF_ACCOUNTS_FILE``.

Each writes its audit event in the same transaction (``staff.login``, ``staff.login_failed``, ``staff.created``,
``staff.seeded``). The login's throttle is ``staff_login_throttle.py``; the session token is ``core/security.py``'s.
"""

import logging
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.core.errors import Conflict
from bundle_service.core.security import hash_password, needs_rehash, verify_password
from bundle_service.crud import staff as crud
from bundle_service.crud.audit import record, staff_actor
from bundle_service.models.staff import StaffAccount

logger = logging.getLogger(__name__)
# Checked against when the login name is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("not-a-password")
TAKEN = "该用户名已存在。"


def authenticate(sessions: sessionmaker[Session], now: datetime, username: str, password: str) -> StaffAccount | None:
    """The active account of a login name and password, or ``None`` (one answer for every failure), audited.

    A password hashed with outdated parameters is re-hashed on success.
    """
    with sessions.begin() as session:
        account = crud.get(session, username)
        valid = verify_password(password, account.password_hash if account else _DUMMY_HASH)
        if account is None or not valid or not account.active:
            record(session, at=now, actor="system", action="staff.login_failed", details={"username": username})
            return None
        if needs_rehash(account.password_hash):
            account.password_hash = hash_password(password)
        record(session, at=now, actor=staff_actor(account.id), action="staff.login", details={"role": account.role})
        return account


def create_account(
    sessions: sessionmaker[Session], now: datetime, new: dict[str, str], password: str, by: str
) -> StaffAccount:
    """Create a staff or admin account, audited as ``staff.created`` by the admin ``by``.

    Args:
        sessions: The session factory.
        now: When.
        new: ``id``, ``display_name`` and ``role`` of the account.
        password: Its password (stored hashed).
        by: The admin's login name.

    Raises:
        Conflict: 409 ``staff_exists`` when the login name exists.
    """
    try:
        with sessions.begin() as session:
            if crud.get(session, new["id"]) is not None:
                raise Conflict(TAKEN, code="staff_exists")
            account = crud.create(
                session,
                staff_id=new["id"],
                display_name=new["display_name"],
                role=new["role"],
                password_hash=hash_password(password),
                now=now,
            )
            details = {"id": new["id"], "role": new["role"]}
            record(session, at=now, actor=staff_actor(by), action="staff.created", details=details)
    except IntegrityError:
        raise Conflict(TAKEN, code="staff_exists") from None
    return account


def seed_accounts(settings: Settings, sessions: sessionmaker[Session], clock: Clock) -> list[str]:
    """Create the file's accounts that do not exist yet; nothing when no file is configured.

    Returns:
        The login names created (audited as ``staff.seeded``).
    """
    if settings.staff_accounts_file is None:
        return []
    now = clock.now()
    with sessions.begin() as session:
        created = crud.seed(session, settings.staff_accounts_file, now)
        for staff_id in created:
            record(session, at=now, actor="system", action="staff.seeded", details={"id": staff_id})
    if created:
        logger.info("staff accounts created from %s: %s", settings.staff_accounts_file, ", ".join(created))
    return created
