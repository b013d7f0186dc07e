"""Seeding the database from the shipped knowledge base (``knowledge_base/faq.yml`` and ``docs/**/*.md``).

Idempotent and safe at every start: missing FAQs and documents are inserted; rows still owned by the seed
(``updated_by == "seed"`` / ``origin == "shipped"``) follow the shipped files when those change (a FAQ gets a
new version); rows an admin created, edited or deleted are never touched.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.knowledge.documents import parse_markdown, shipped_documents
from bundle_service.knowledge.entries import FaqRecord
from bundle_service.models import Faq, FaqVersion, KbDocument

SEED_ACTOR = "seed"
SHIPPED = "shipped"


@dataclass(frozen=True)
class SeedReport:
    """Rows inserted and refreshed by a seed run."""

    faqs_inserted: int = 0
    faqs_refreshed: int = 0
    documents_inserted: int = 0
    documents_refreshed: int = 0


def load_faq_file(path: Path) -> list[FaqRecord]:
    """The FAQ pairs of ``faq.yml``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        FaqRecord(
            id=str(e["id"]),
            question=str(e["question"]).strip(),
            answer=str(e["answer"]).strip(),
            item=e.get("item") or None,
            tags=[str(t) for t in e.get("tags") or []],
            similar=[str(s).strip() for s in e.get("similar") or [] if str(s).strip()],
        )
        for e in raw
    ]


def version_row(faq: Faq, action: str, actor: str, at: datetime) -> FaqVersion:
    """The history row of ``faq``'s current state."""
    return FaqVersion(
        faq_id=faq.id,
        version=faq.version,
        question=faq.question,
        answer=faq.answer,
        item=faq.item,
        tags=list(faq.tags),
        similar=list(faq.similar or []),
        active=faq.active,
        action=action,
        changed_by=actor,
        changed_at=at,
    )


def add_faq(session: Session, record: FaqRecord, actor: str, now: datetime) -> Faq:
    """Add an active FAQ ``record`` as version 1, with its ``created`` history row."""
    row = Faq(
        id=record.id,
        question=record.question,
        answer=record.answer,
        item=record.item,
        tags=record.tags,
        similar=record.similar,
        active=True,
        version=1,
        updated_by=actor,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    session.add(version_row(row, "created", actor, now))
    return row


def _same(row: Faq, record: FaqRecord) -> bool:
    return (row.question, row.answer, row.item, list(row.tags), list(row.similar or [])) == (
        record.question,
        record.answer,
        record.item,
        record.tags,
        record.similar,
    )


def seed_faqs(session: Session, records: list[FaqRecord], now: datetime) -> tuple[int, int]:
    """Insert missing FAQs, refresh seed-owned ones; returns (inserted, refreshed)."""
    existing = {row.id: row for row in session.scalars(select(Faq))}
    inserted = refreshed = 0
    for record in records:
        row = existing.get(record.id)
        if row is None:
            add_faq(session, record, SEED_ACTOR, now)
            inserted += 1
        elif row.updated_by == SEED_ACTOR and row.active and not _same(row, record):
            row.question, row.answer, row.item, row.tags = record.question, record.answer, record.item, record.tags
            row.similar = record.similar
            row.version += 1
            row.updated_at = now
            session.add(version_row(row, "updated", SEED_ACTOR, now))
            refreshed += 1
    return inserted, refreshed


def seed_documents(session: Session, documents: dict[str, str], now: datetime) -> tuple[int, int]:
    """Insert missing shipped documents, refresh those no admin changed; returns (inserted, refreshed)."""
    existing = {row.path: row for row in session.scalars(select(KbDocument))}
    inserted = refreshed = 0
    for path, markdown in documents.items():
        parsed = parse_markdown(path, markdown)
        row = existing.get(path)
        if row is None:
            row = KbDocument(path=path, origin=SHIPPED, active=True)
            session.add(row)
            inserted += 1
        elif row.origin != SHIPPED or row.content_hash == parsed.content_hash:
            continue
        else:
            refreshed += 1
        row.title, row.item, row.region = parsed.title, parsed.item, parsed.region
        row.effective_date, row.source = parsed.effective_date, parsed.source
        row.content, row.content_hash = markdown, parsed.content_hash
        row.updated_by, row.updated_at = SEED_ACTOR, now
    return inserted, refreshed


def seed(session: Session, knowledge_dir: Path, now: datetime) -> SeedReport:
    """Seed FAQs and documents from ``knowledge_dir`` (missing parts are skipped)."""
    faq_file = knowledge_dir / "faq.yml"
    docs_dir = knowledge_dir / "docs"
    faqs = seed_faqs(session, load_faq_file(faq_file), now) if faq_file.is_file() else (0, 0)
    docs = seed_documents(session, shipped_documents(docs_dir), now) if docs_dir.is_dir() else (0, 0)
    return SeedReport(faqs[0], faqs[1], docs[0], docs[1])
