"""Admin-changeable hotline settings: the 诉求 categories (with time limits) and the service hours.

Stored in the database (table ``hotline_settings``, one JSON document per setting, the same shape as the YAML
file); the files in ``bundle_service/data`` are the defaults in force until an admin saves a change. The database
rather than writing the files back because the service may run as several processes or containers whose code
directory is read-only and replaced on every deployment: a row is shared by all of them and survives upgrades,
and each change is one transaction with its audit event. Every read looks up the row (one primary-key select) and
each process caches the parsed document by its content, so a change saved by any process is in force in all of
them at their next read.
"""

import json
import re
from collections.abc import Callable
from datetime import datetime, time
from itertools import pairwise
from typing import Any, Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.crud.audit import record
from bundle_service.crud.calendar import load_calendar
from bundle_service.hotline.appeals.categories import (
    FOLLOWUP,
    OTHER,
    CategoryBook,
    load_categories,
    parse_categories,
)
from bundle_service.hotline.hours import HoursAnswer, ServiceHours, load_hours, parse_hours
from bundle_service.models.appeal import Appeal
from bundle_service.models.hotline_setting import HotlineSetting

CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")
CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
MAX_TIME_LIMIT_DAYS = 60
Key = Literal["appeal_categories", "service_hours"]
CATEGORIES: Key = "appeal_categories"
HOURS: Key = "service_hours"
_cache: dict[str, object] = {}
T = TypeVar("T")


def _row(session: Session, key: Key) -> HotlineSetting | None:
    return session.get(HotlineSetting, key)


def _parsed(row: HotlineSetting, key: Key) -> object:
    identity = f"{key}:{json.dumps(row.document, ensure_ascii=False, sort_keys=True)}"
    cached = _cache.get(identity)
    if cached is None:
        cached = parse_categories(row.document) if key == CATEGORIES else parse_hours(row.document)
        if len(_cache) > 8:
            _cache.clear()
        _cache[identity] = cached
    return cached


def _in_force(session: Session, key: Key, default: Callable[[], T], kind: type[T]) -> T:
    """The setting's saved document parsed (cached by content), else ``default()``, the file's."""
    row = _row(session, key)
    if row is None:
        return default()
    parsed = _parsed(row, key)
    assert isinstance(parsed, kind)
    return parsed


def category_book(session: Session) -> CategoryBook:
    """The categories in force: the admin's saved document, else ``data/appeal_categories.yml``."""
    return _in_force(session, CATEGORIES, load_categories, CategoryBook)


def service_hours(session: Session) -> ServiceHours:
    """The service hours in force: the admin's saved document, else ``data/service_hours.yml``."""
    return _in_force(session, HOURS, load_hours, ServiceHours)


def document_in_force(session: Session, key: Key) -> dict[str, Any]:
    """The setting in force as a settings document (the YAML file's shape)."""
    return categories_document(category_book(session)) if key == CATEGORIES else hours_document(service_hours(session))


def current_hours(sessions: sessionmaker[Session], clock: Clock) -> HoursAnswer:
    """The answer for the clock's current instant, with the hours in force and the stored calendar's working days."""
    with sessions() as session:
        calendar = load_calendar(session)
        hours = service_hours(session)
    return hours.answer(clock.now(), clock.tz, calendar)


def updated(session: Session, key: Key) -> tuple[str | None, datetime | None]:
    """Who saved the setting last and when (``None``: the default file is in force)."""
    row = _row(session, key)
    return (row.updated_by, row.updated_at) if row is not None else (None, None)


def categories_document(book: CategoryBook) -> dict[str, Any]:
    """The book as a settings document (the YAML file's shape)."""
    return {
        "categories": [
            {
                "code": c.code,
                "label": c.label,
                "time_limit_days": c.time_limit_days,
                "keywords": list(c.keywords),
                "reason": c.reason,
                "selectable": c.selectable,
            }
            for c in book.categories
        ]
    }


def hours_document(hours: ServiceHours) -> dict[str, Any]:
    """The hours as a settings document (the YAML file's shape)."""
    return {"periods": [{"start": f"{p.start:%H:%M}", "end": f"{p.end:%H:%M}"} for p in hours.periods]}


def check_categories(document: dict[str, Any]) -> list[FieldError]:
    """What is wrong with a categories document, in Chinese (empty: it may be saved)."""
    entries: list[dict[str, Any]] = document["categories"]
    errors: list[FieldError] = []
    for entry in entries:
        name = entry["label"] or entry["code"]
        if not CODE.fullmatch(entry["code"]):
            message = f"类别代码“{entry['code']}”须为2–40位小写字母、数字或下划线，并以字母开头。"
            errors.append(FieldError("code", "code_format", message))
        if not 2 <= len(entry["label"].strip()) <= 30:
            errors.append(FieldError("label", "label_length", f"类别“{entry['code']}”的名称须为2–30个字。"))
        if not 1 <= entry["time_limit_days"] <= MAX_TIME_LIMIT_DAYS:
            message = f"类别“{name}”的答复时限须为1–{MAX_TIME_LIMIT_DAYS}个工作日（现为{entry['time_limit_days']}）。"
            errors.append(FieldError("time_limit_days", "time_limit_range", message))
    codes = [entry["code"] for entry in entries]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        errors.append(FieldError("categories", "duplicate_code", f"类别代码重复：{'、'.join(duplicates)}。"))
    labels = [entry["label"] for entry in entries]
    same_labels = sorted({label for label in labels if labels.count(label) > 1})
    if same_labels:
        errors.append(FieldError("categories", "duplicate_label", f"类别名称重复：{'、'.join(same_labels)}。"))
    for required, name in ((OTHER, "其他与意见建议"), (FOLLOWUP, "差评整改回访")):
        if required not in codes:
            errors.append(
                FieldError("categories", f"{required}_required", f"必须保留代码为 {required} 的类别（{name}）。")
            )
    followup = next((entry for entry in entries if entry["code"] == FOLLOWUP), None)
    if followup is not None and followup.get("selectable", True):
        errors.append(
            FieldError(
                "categories", "followup_selectable", "差评整改回访（followup）由系统自动生成，不能设为用户可选。"
            )
        )
    other = next((entry for entry in entries if entry["code"] == OTHER), None)
    if other is not None and not other.get("selectable", True):
        errors.append(FieldError("categories", "other_not_selectable", "其他与意见建议（other）必须对用户可选。"))
    return errors


def check_hours(document: dict[str, Any]) -> list[FieldError]:
    """What is wrong with a service-hours document, in Chinese (empty: it may be saved)."""
    if not document["periods"]:
        return [FieldError("periods", "periods_required", "至少需要一个服务时段。")]
    wrong = [value for p in document["periods"] for value in (p["start"], p["end"]) if not CLOCK.fullmatch(value)]
    if wrong:
        return [FieldError("periods", "clock_format", f"时间须写成“09:00”的格式：{'、'.join(wrong)}。")]
    periods = [(time.fromisoformat(p["start"]), time.fromisoformat(p["end"])) for p in document["periods"]]
    errors: list[FieldError] = []
    for start, end in periods:
        if end <= start:
            errors.append(
                FieldError(
                    "periods", "end_before_start", f"时段 {start:%H:%M}–{end:%H:%M} 的结束时间必须晚于开始时间。"
                )
            )
    ordered = sorted(periods)
    for (start, end), (next_start, next_end) in pairwise(ordered):
        if next_start < end:
            errors.append(
                FieldError(
                    "periods",
                    "overlap",
                    f"时段 {start:%H:%M}–{end:%H:%M} 与 {next_start:%H:%M}–{next_end:%H:%M} 重叠。",
                )
            )
    return errors


def save(session: Session, key: Key, document: dict[str, Any], actor: str, now: datetime) -> None:
    """Check and store a settings document, with an audit event naming what changed.

    Args:
        session: Open session (committed by the caller).
        key: Which setting.
        document: The new document (shape already checked by the API schema).
        actor: ``admin`` or ``admin:<login name>``.
        now: When.

    Raises:
        InvalidInput: 422 with the Chinese reasons.
    """
    errors = check_categories(document) if key == CATEGORIES else check_hours(document)
    if errors:
        raise InvalidInput(errors)
    before = document_in_force(session, key)
    if key == CATEGORIES:
        _refuse_removing_used(session, before, document)
    row = _row(session, key)
    if row is None:
        row = HotlineSetting(key=key, document=document, updated_by=actor, updated_at=now)
        session.add(row)
    else:
        row.document, row.updated_by, row.updated_at = document, actor, now
    record(session, at=now, actor=actor, action=f"settings.{key}.updated", details=_changes(key, before, document))


def _refuse_removing_used(session: Session, before: dict[str, Any], after: dict[str, Any]) -> None:
    labels = {c["code"]: c["label"] for c in before["categories"]}
    removed = labels.keys() - {c["code"] for c in after["categories"]}
    if not removed:
        return
    used = sorted(session.scalars(select(Appeal.category).where(Appeal.category.in_(removed)).distinct()))
    if used:
        names = "、".join(f"{labels[code]}（{code}）" for code in used)
        message = f"已有诉求使用的类别不能删除：{names}；可改为用户不可选。"
        raise InvalidInput([FieldError("categories", "category_in_use", message)])


def _changes(key: Key, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    if key == HOURS:
        return {"before": hours_text(before), "after": hours_text(after)}
    old = {entry["code"]: entry for entry in before["categories"]}
    new = {entry["code"]: entry for entry in after["categories"]}
    changed = sorted(code for code in old.keys() & new.keys() if old[code] != new[code])
    limits = {
        code: f"{old[code]['time_limit_days']}→{new[code]['time_limit_days']}"
        for code in changed
        if old[code]["time_limit_days"] != new[code]["time_limit_days"]
    }
    return {
        "added": sorted(new.keys() - old.keys()),
        "removed": sorted(old.keys() - new.keys()),
        "changed": changed,
        "time_limits": limits,
    }


def hours_text(document: dict[str, Any]) -> str:
    """The periods of a document in words (``09:00–12:00、13:30–17:30``)."""
    return "、".join(f"{p['start']}–{p['end']}" for p in document["periods"])
