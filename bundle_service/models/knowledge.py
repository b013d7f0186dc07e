"""Knowledge base: FAQs with their version history, documents, the unanswered-question queue, the ask log."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bundle_service.models.base import Base, UTCDateTime


class Faq(Base):
    """The current state of one FAQ pair; every change also writes a :class:`FaqVersion`.

    ``similar`` holds alternative phrasings of the question (相似问法) that users type; each is indexed as its own
    entry of the FAQ, so a match on any of them finds the FAQ.

    A deleted FAQ stays as a row with ``active`` false, so it can be rolled back and the seed never re-creates it.
    """

    __tablename__ = "faqs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(String(40), index=True)
    tags: Mapped[list[str]] = mapped_column(JSON)
    similar: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class FaqVersion(Base):
    """One version of a FAQ, as it was after a change (created, updated, deleted, restored, rolled back)."""

    __tablename__ = "faq_versions"
    __table_args__ = (UniqueConstraint("faq_id", "version", name="uq_faq_versions_faq_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    faq_id: Mapped[str] = mapped_column(ForeignKey("faqs.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(String(40))
    tags: Mapped[list[str]] = mapped_column(JSON)
    similar: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean)
    action: Mapped[str] = mapped_column(String(20))
    changed_by: Mapped[str] = mapped_column(String(80))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class KbDocument(Base):
    """A Markdown document of the knowledge base (shipped and seeded, or uploaded/edited by an admin).

    ``path`` is the document's key (``items/guaranteed_loan.md``); ``content`` the whole Markdown with its front
    matter; ``content_hash`` its SHA-256. ``origin`` is ``shipped`` for files of ``knowledge_base/docs`` that no
    admin has changed (they follow the shipped file), ``admin`` once an admin wrote it.
    """

    __tablename__ = "kb_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    item: Mapped[str | None] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(40))
    effective_date: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class UnansweredQuestion(Base):
    """A question the knowledge base could not answer, queued for an admin (``open`` → ``resolved``/``dismissed``).

    ``best_score`` and ``best_source`` record the nearest hit that was judged too weak.
    """

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    conversation_id: Mapped[str | None] = mapped_column(String(128), index=True)
    item: Mapped[str | None] = mapped_column(String(40))
    region: Mapped[str | None] = mapped_column(String(40))
    best_score: Mapped[float | None] = mapped_column(Float)
    best_source: Mapped[str | None] = mapped_column(String(200))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True, default="open")
    resolved_by_faq_id: Mapped[str | None] = mapped_column(ForeignKey("faqs.id"))
    resolved_by: Mapped[str | None] = mapped_column(String(80))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class KnowledgeAsk(Base):
    """One question a conversation asked the knowledge base, and what became of it (the dashboard's ask log).

    ``status`` is the search's decision (``faq``, ``answer``, ``suggest``, ``not_found``); ``source_*`` the FAQ or
    document section that answered (none when not answered). The question is stored masked, like the
    unanswered queue: admins read it.
    """

    __tablename__ = "knowledge_asks"

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(128))
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    source_kind: Mapped[str | None] = mapped_column(String(20))
    source_id: Mapped[str | None] = mapped_column(String(200))
    source_title: Mapped[str | None] = mapped_column(String(200))
    score: Mapped[float | None] = mapped_column(Float)
