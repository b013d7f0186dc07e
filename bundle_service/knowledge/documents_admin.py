"""Document administration on the database: upload (create or replace) and withdraw Markdown documents."""

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.core.errors import Conflict, FieldError, InvalidInput, NotFound
from bundle_service.crud.audit import record
from bundle_service.knowledge.documents import parse_markdown
from bundle_service.models import KbDocument

ADMIN_ORIGIN = "admin"
_PATH = re.compile(r"^[\w\-]+(?:/[\w\-]+)*\.md$")


def check_path(path: str) -> str:
    """A document key: relative, ``/``-separated word characters, ending in ``.md``.

    Raises:
        InvalidInput: Anything else (absolute paths, ``..``).
    """
    path = path.strip()
    if not _PATH.match(path):
        raise InvalidInput([FieldError("path", "invalid_path", "文档路径应形如 items/guaranteed_loan.md。")])
    return path


def upload(
    session: Session, path: str, markdown: str, actor: str, now: datetime, known_items: frozenset[str]
) -> KbDocument:
    """Create or replace the document ``path`` from Markdown with front matter.

    Raises:
        InvalidInput: Bad path, bad front matter, unknown item, empty document.
    """
    path = check_path(path)
    parsed = parse_markdown(path, markdown, known_items)
    row = session.scalars(select(KbDocument).where(KbDocument.path == path)).first()
    created = row is None
    if row is None:
        row = KbDocument(path=path)
        session.add(row)
    row.title, row.item, row.region = parsed.title, parsed.item, parsed.region
    row.effective_date, row.source = parsed.effective_date, parsed.source
    row.content, row.content_hash = markdown, parsed.content_hash
    row.origin, row.active, row.updated_by, row.updated_at = ADMIN_ORIGIN, True, actor, now
    record(
        session,
        at=now,
        actor=actor,
        action="document.created" if created else "document.updated",
        details={"path": path, "title": parsed.title, "sections": len(parsed.sections)},
    )
    return row


def withdraw(session: Session, path: str, actor: str, now: datetime) -> KbDocument:
    """Take a document out of the knowledge base (kept in the table, inactive).

    Raises:
        NotFound: No such document.
        Conflict: Already withdrawn.
    """
    row = session.scalars(select(KbDocument).where(KbDocument.path == path)).first()
    if row is None:
        raise NotFound(f"没有文档 {path}。", code="document_not_found")
    if not row.active:
        raise Conflict(f"文档 {path} 已下线。", code="already_deleted")
    row.active, row.origin, row.updated_by, row.updated_at = False, ADMIN_ORIGIN, actor, now
    record(session, at=now, actor=actor, action="document.deleted", details={"path": path})
    return row


def list_documents(session: Session, include_deleted: bool = False) -> list[KbDocument]:
    """Documents by path."""
    query = select(KbDocument).order_by(KbDocument.path)
    if not include_deleted:
        query = query.where(KbDocument.active.is_(True))
    return list(session.scalars(query))
