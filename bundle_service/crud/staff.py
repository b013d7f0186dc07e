"""Staff accounts: read, create, and seed from a YAML file."""

from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.core.security import hash_password
from bundle_service.models.staff import ROLES, StaffAccount


def get(session: Session, staff_id: str) -> StaffAccount | None:
    """The account with login name ``staff_id``."""
    return session.get(StaffAccount, staff_id)


def all_accounts(session: Session) -> list[StaffAccount]:
    """Every account, by login name."""
    return list(session.scalars(select(StaffAccount).order_by(StaffAccount.id)))


def create(
    session: Session, *, staff_id: str, display_name: str, role: str, password_hash: str, now: datetime
) -> StaffAccount:
    """Add an account to the session.

    Raises:
        ValueError: for a role other than ``staff`` and ``admin``.
    """
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    account = StaffAccount(
        id=staff_id, display_name=display_name, role=role, password_hash=password_hash, active=True, created_at=now
    )
    session.add(account)
    return account


def seed(session: Session, path: Path, now: datetime) -> list[str]:
    """Create the accounts of a YAML file that do not exist yet (existing ones are never changed).

    The file is a list of ``{id, display_name, role, password}`` (development) or ``password_hash`` (a hash
    from :func:`bundle_service.core.security.hash_password`).

    Returns:
        The login names created.
    """
    raw: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    created = []
    for entry in raw:
        staff_id = str(entry["id"])
        if get(session, staff_id) is not None:
            continue
        password_hash = entry.get("password_hash") or hash_password(str(entry["password"]))
        create(
            session,
            staff_id=staff_id,
            display_name=str(entry.get("display_name", staff_id)),
            role=str(entry.get("role", "staff")),
            password_hash=password_hash,
            now=now,
        )
        created.append(staff_id)
    return created
