"""The engravers and bank branches offered after the licence: admin-editable, stored like the other admin settings.

The YAML file ``data/booking_providers.yml`` is the default until an admin saves a list (table ``booking_settings``,
one JSON document, one transaction with its audit event), for the same reasons as the hotline settings
(``hotline/settings.py``): shared by every process and container, surviving deployments.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from bundle_service.bookings.kinds import load_kinds
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.crud.audit import record
from bundle_service.models.booking import BookingSetting

PROVIDERS_FILE = Path(__file__).resolve().parent.parent / "data" / "booking_providers.yml"
KEY = "providers"
CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")
PHONE = re.compile(r"[0-9-]{7,20}")
REQUIRED_TEXT = (("name", "名称"), ("city", "所在市州"), ("county", "所在县市区"), ("address", "地址"))


@dataclass(frozen=True)
class Provider:
    """A seal engraver or a bank branch.

    Attributes:
        code: Stable code (``seal_cs_furong_1``).
        kind: ``seal`` or ``bank`` (``data/booking_kinds.yml``).
        name: Its name.
        city: 市州 of its address.
        county: 县市区 of its address.
        address: Where it is.
        phone: Its contact number.
        active: Offered to users (an inactive one stays in the list for old bookings).
    """

    code: str
    kind: str
    name: str
    city: str
    county: str
    address: str
    phone: str
    active: bool = True


def parse(document: dict[str, Any]) -> list[Provider]:
    """The providers of a settings document (the YAML file's shape)."""
    return [Provider(**{**entry, "phone": str(entry["phone"])}) for entry in document["providers"]]


def document_of(providers: list[Provider]) -> dict[str, Any]:
    """The providers as a settings document."""
    return {"providers": [p.__dict__.copy() for p in providers]}


@lru_cache
def default_providers() -> tuple[Provider, ...]:
    """The default list (``data/booking_providers.yml``)."""
    return tuple(parse(yaml.safe_load(PROVIDERS_FILE.read_text(encoding="utf-8"))))


def providers(session: Session) -> list[Provider]:
    """The list in force: the admin's last save, else the default file."""
    row = session.get(BookingSetting, KEY)
    return parse(row.document) if row is not None else list(default_providers())


def updated(session: Session) -> tuple[str | None, datetime | None]:
    """Who saved the list last and when (``None``: the default file is in force)."""
    row = session.get(BookingSetting, KEY)
    return (row.updated_by, row.updated_at) if row is not None else (None, None)


def near(all_providers: list[Provider], kind: str, city: str | None, county: str | None) -> list[Provider]:
    """Active providers of ``kind`` in the premises' city, those of its county first (without a city: all)."""
    offered = [p for p in all_providers if p.active and p.kind == kind and (city is None or p.city == city)]
    return sorted(offered, key=lambda p: (p.county != county, p.code))


def check(document: dict[str, Any]) -> list[FieldError]:
    """What is wrong with a providers document, in Chinese (empty: it may be saved)."""
    errors: list[FieldError] = []
    kinds = load_kinds()
    entries: list[dict[str, Any]] = document["providers"]
    for entry in entries:
        name = entry["name"] or entry["code"]
        if not CODE.fullmatch(entry["code"]):
            message = f"代码“{entry['code']}”须为2–40位小写字母、数字或下划线，并以字母开头。"
            errors.append(FieldError("code", "code_format", message))
        if entry["kind"] not in kinds:
            labels = "、".join(f"{k.code}（{k.provider_label}）" for k in kinds.values())
            errors.append(FieldError("kind", "kind_unknown", f"“{name}”的类型须为{labels}之一。"))
        for field_name, label in REQUIRED_TEXT:
            if not str(entry[field_name]).strip():
                errors.append(FieldError(field_name, "required", f"“{entry['code']}”缺少{label}。"))
        if not PHONE.fullmatch(str(entry["phone"])):
            errors.append(FieldError("phone", "phone_format", f"“{name}”的联系电话格式不对（数字和“-”，7–20位）。"))
    codes = [entry["code"] for entry in entries]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        errors.append(FieldError("providers", "duplicate_code", f"代码重复：{'、'.join(duplicates)}。"))
    return errors


def save(session: Session, document: dict[str, Any], actor: str, now: datetime) -> None:
    """Check and store the list, with an audit event naming what changed (``settings.booking_providers.updated``).

    Args:
        session: Open session (committed by the caller).
        document: The new list (shape checked by the API schema).
        actor: ``admin`` or ``admin:<login name>``.
        now: When.

    Raises:
        InvalidInput: 422 with the Chinese reasons.
    """
    errors = check(document)
    if errors:
        raise InvalidInput(errors)
    before = {p.code: p.__dict__ for p in providers(session)}
    after = {entry["code"]: {**entry, "phone": str(entry["phone"])} for entry in document["providers"]}
    row = session.get(BookingSetting, KEY)
    if row is None:
        session.add(BookingSetting(key=KEY, document=document, updated_by=actor, updated_at=now))
    else:
        row.document, row.updated_by, row.updated_at = document, actor, now
    changes = {
        "added": sorted(after.keys() - before.keys()),
        "removed": sorted(before.keys() - after.keys()),
        "changed": sorted(code for code in before.keys() & after.keys() if before[code] != after[code]),
    }
    record(session, at=now, actor=actor, action="settings.booking_providers.updated", details=changes)
