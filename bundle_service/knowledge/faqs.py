"""FAQ administration on the database: create, update, delete, roll back, with a version for every change.

These functions work inside the caller's transaction and write an audit event; the knowledge service
(:mod:`bundle_service.knowledge.service`) wraps them and re-indexes the FAQ right after the commit.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.core.errors import Conflict, FieldError, InvalidInput, NotFound
from bundle_service.crud.audit import record
from bundle_service.knowledge.entries import FaqRecord
from bundle_service.knowledge.seed import add_faq, version_row
from bundle_service.models import Faq, FaqVersion

MAX_QUESTION_CHARS = 200
MAX_ANSWER_CHARS = 1000
MAX_TAGS = 10
MAX_SIMILAR = 20
_ID_NUMBER = re.compile(r"^faq-(\d+)$")


@dataclass(frozen=True)
class FaqInput:
    """What an admin writes: question, answer, item code (None: bundle-wide), tags and similar questions."""

    question: str
    answer: str
    item: str | None = None
    tags: list[str] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, row: Faq | FaqVersion) -> "FaqInput":
        """The content of a stored FAQ or FAQ version."""
        return cls(row.question, row.answer, row.item, list(row.tags), list(row.similar or []))


def check(data: FaqInput, known_items: frozenset[str]) -> FaqInput:
    """Trim and validate ``data`` (empty and repeated similar questions, or one equal to the question, are dropped).

    Raises:
        InvalidInput: Empty or too long texts, an unknown item, too many tags or similar questions.
    """
    question, answer = data.question.strip(), data.answer.strip()
    tags = [t.strip() for t in data.tags if t.strip()]
    similar = list(dict.fromkeys(s.strip() for s in data.similar if s.strip() and s.strip() != question))
    errors = []
    if not question:
        errors.append(FieldError("question", "required", "请填写问题。"))
    elif len(question) > MAX_QUESTION_CHARS:
        errors.append(FieldError("question", "too_long", f"问题最多 {MAX_QUESTION_CHARS} 字。"))
    if not answer:
        errors.append(FieldError("answer", "required", "请填写答案。"))
    elif len(answer) > MAX_ANSWER_CHARS:
        errors.append(FieldError("answer", "too_long", f"答案最多 {MAX_ANSWER_CHARS} 字。"))
    if data.item is not None and data.item not in known_items:
        errors.append(FieldError("item", "unknown_item", f"未知的事项代码：{data.item}。"))
    if len(tags) > MAX_TAGS:
        errors.append(FieldError("tags", "too_many", f"标签最多 {MAX_TAGS} 个。"))
    if len(similar) > MAX_SIMILAR:
        errors.append(FieldError("similar", "too_many", f"相似问法最多 {MAX_SIMILAR} 条。"))
    if any(len(s) > MAX_QUESTION_CHARS for s in similar):
        errors.append(FieldError("similar", "too_long", f"每条相似问法最多 {MAX_QUESTION_CHARS} 字。"))
    if errors:
        raise InvalidInput(errors)
    return FaqInput(question, answer, data.item or None, tags, similar)


def get(session: Session, faq_id: str) -> Faq:
    """The FAQ ``faq_id`` (deleted ones included).

    Raises:
        NotFound: No such FAQ.
    """
    row = session.get(Faq, faq_id)
    if row is None:
        raise NotFound(f"没有编号为 {faq_id} 的常见问题。", code="faq_not_found")
    return row


def list_faqs(session: Session, include_deleted: bool = False) -> list[Faq]:
    """FAQs by id; deleted ones only when asked."""
    query = select(Faq).order_by(Faq.id)
    if not include_deleted:
        query = query.where(Faq.active.is_(True))
    return list(session.scalars(query))


def versions(session: Session, faq_id: str) -> list[FaqVersion]:
    """Every version of a FAQ, newest first.

    Raises:
        NotFound: No such FAQ.
    """
    get(session, faq_id)
    return list(
        session.scalars(select(FaqVersion).where(FaqVersion.faq_id == faq_id).order_by(FaqVersion.version.desc()))
    )


def _next_id(session: Session) -> str:
    numbers = [int(m.group(1)) for i in session.scalars(select(Faq.id)) if (m := _ID_NUMBER.match(i))]
    return f"faq-{max(numbers, default=0) + 1:03d}"


def _no_duplicate(session: Session, question: str, own_id: str | None) -> None:
    clash = session.scalars(select(Faq.id).where(Faq.question == question, Faq.active.is_(True))).first()
    if clash is not None and clash != own_id:
        raise InvalidInput([FieldError("question", "duplicate_question", f"已有相同的问题（{clash}）。")])


def _audit(session: Session, faq: Faq, action: str, actor: str, now: datetime) -> None:
    record(
        session,
        at=now,
        actor=actor,
        action=f"faq.{action}",
        details={"faq_id": faq.id, "version": faq.version, "question": faq.question},
    )


def create(session: Session, data: FaqInput, actor: str, now: datetime) -> Faq:
    """Add a FAQ (version 1) with the next free ``faq-NNN`` id."""
    _no_duplicate(session, data.question, None)
    new = FaqRecord(_next_id(session), data.question, data.answer, data.item, data.tags, data.similar)
    row = add_faq(session, new, actor, now)
    _audit(session, row, "created", actor, now)
    return row


def _change(session: Session, row: Faq, data: FaqInput, active: bool, action: str, actor: str, now: datetime) -> Faq:
    row.question, row.answer, row.item, row.tags, row.active = data.question, data.answer, data.item, data.tags, active
    row.similar = data.similar
    row.version += 1
    row.updated_by, row.updated_at = actor, now
    session.add(version_row(row, action, actor, now))
    _audit(session, row, action, actor, now)
    return row


def update(session: Session, faq_id: str, data: FaqInput, actor: str, now: datetime) -> Faq:
    """Replace a FAQ's content (a new version; a deleted FAQ comes back).

    Raises:
        NotFound: No such FAQ.
        InvalidInput: Another active FAQ has the same question.
    """
    row = get(session, faq_id)
    _no_duplicate(session, data.question, faq_id)
    return _change(session, row, data, True, "updated", actor, now)


def delete(session: Session, faq_id: str, actor: str, now: datetime) -> Faq:
    """Withdraw a FAQ (a new, inactive version; history kept, roll-back possible).

    Raises:
        NotFound: No such FAQ.
        Conflict: Already deleted.
    """
    row = get(session, faq_id)
    if not row.active:
        raise Conflict(f"常见问题 {faq_id} 已删除。", code="already_deleted")
    return _change(session, row, FaqInput.of(row), False, "deleted", actor, now)


def rollback(session: Session, faq_id: str, version: int, actor: str, now: datetime) -> Faq:
    """Make version ``version``'s content (and its active state) current again, as a new version.

    Raises:
        NotFound: No such FAQ or version.
        InvalidInput: Restoring it would duplicate another active FAQ's question.
    """
    row = get(session, faq_id)
    old = session.scalars(select(FaqVersion).where(FaqVersion.faq_id == faq_id, FaqVersion.version == version)).first()
    if old is None:
        raise NotFound(f"常见问题 {faq_id} 没有第 {version} 版。", code="faq_version_not_found")
    if old.active:
        _no_duplicate(session, old.question, faq_id)
    return _change(session, row, FaqInput.of(old), old.active, "rolled_back", actor, now)
