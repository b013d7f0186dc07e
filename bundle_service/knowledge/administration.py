"""The knowledge base's administration: FAQs, documents and the unanswered queue (the admin API and page).

Every write commits, writes its audit event and re-indexes before it returns, so the change is searchable at once.
:class:`~bundle_service.knowledge.service.KnowledgeBase` brings the database, the clock and the index; this class
holds what admins do with them.
"""

import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.clock import Clock
from bundle_service.knowledge import documents_admin, faq_import, faqs, unanswered
from bundle_service.knowledge.faq_files import FaqRow
from bundle_service.knowledge.faq_import import ImportReport
from bundle_service.knowledge.index import KnowledgeIndex, SyncReport
from bundle_service.models import Faq, FaqVersion, KbDocument, UnansweredQuestion

T = TypeVar("T")


class Administration:
    """FAQ, document and unanswered-queue administration over the knowledge base's database and index."""

    sessions: sessionmaker[Session]
    clock: Clock
    _lock: threading.RLock

    @property
    def known_items(self) -> frozenset[str]:
        """Item codes of the catalogue (the knowledge base's)."""
        raise NotImplementedError

    @property
    def index(self) -> KnowledgeIndex:
        """The index (the knowledge base's)."""
        raise NotImplementedError

    def refresh(self) -> SyncReport:
        """Re-index from the database (the knowledge base's)."""
        raise NotImplementedError

    def _write(self, operation: Callable[[Session], T]) -> T:
        with self.sessions.begin() as session:
            result = operation(session)
        self.refresh()
        return result

    def create_faq(self, data: faqs.FaqInput, actor: str) -> Faq:
        """Add a FAQ; searchable when this returns."""
        data = faqs.check(data, self.known_items)
        return self._write(lambda s: faqs.create(s, data, actor, self.clock.now()))

    def update_faq(self, faq_id: str, data: faqs.FaqInput, actor: str) -> Faq:
        """Replace a FAQ's content (new version); the old text is gone from the index when this returns."""
        data = faqs.check(data, self.known_items)
        return self._write(lambda s: faqs.update(s, faq_id, data, actor, self.clock.now()))

    def delete_faq(self, faq_id: str, actor: str) -> Faq:
        """Withdraw a FAQ (new inactive version) and remove it from the index."""
        return self._write(lambda s: faqs.delete(s, faq_id, actor, self.clock.now()))

    def rollback_faq(self, faq_id: str, version: int, actor: str) -> Faq:
        """Restore an earlier version of a FAQ as a new version."""
        return self._write(lambda s: faqs.rollback(s, faq_id, version, actor, self.clock.now()))

    def get_faq(self, faq_id: str) -> Faq:
        """One FAQ, deleted ones included.

        Raises:
            NotFound: No such FAQ.
        """
        with self.sessions() as session:
            return faqs.get(session, faq_id)

    def faq_versions(self, faq_id: str) -> list[FaqVersion]:
        """A FAQ's history, newest first."""
        with self.sessions() as session:
            return faqs.versions(session, faq_id)

    def list_faqs(self, include_deleted: bool = False) -> list[Faq]:
        """FAQs by id."""
        with self.sessions() as session:
            return faqs.list_faqs(session, include_deleted)

    def upload_document(self, path: str, markdown: str, actor: str) -> KbDocument:
        """Create or replace a Markdown document; its chunks are searchable when this returns."""
        return self._write(
            lambda s: documents_admin.upload(s, path, markdown, actor, self.clock.now(), self.known_items)
        )

    def withdraw_document(self, path: str, actor: str) -> KbDocument:
        """Take a document out of the knowledge base."""
        return self._write(lambda s: documents_admin.withdraw(s, path, actor, self.clock.now()))

    def list_documents(self, include_deleted: bool = False) -> list[KbDocument]:
        """Documents by path."""
        with self.sessions() as session:
            return documents_admin.list_documents(session, include_deleted)

    def reindex(self, faq_id: str | None = None, force: bool = False) -> SyncReport:
        """Re-index one FAQ, or everything: a sync by content hash.

        Args:
            faq_id: Re-embed this FAQ's entries even if unchanged.
            force: Without ``faq_id``: re-embed every entry (e.g. after changing the model files).

        Returns:
            What the sync did.

        Raises:
            NotFound: ``faq_id`` given and unknown.
        """
        with self._lock:
            if faq_id is not None:
                with self.sessions() as session:
                    faqs.get(session, faq_id)
                stale = [e.id for e in self.index.entries().values() if e.kind == "faq" and e.source == faq_id]
                self.index.store.delete(stale)
            elif force:
                self.index.store.delete(list(self.index.store.hashes()))
            return self.refresh()

    def unanswered(self, status: str | None = unanswered.OPEN, limit: int = 200) -> list[UnansweredQuestion]:
        """The unanswered queue, newest first."""
        with self.sessions() as session:
            return unanswered.list_questions(session, status, limit)

    def close_unanswered(self, question_id: int, actor: str, faq_id: str | None = None) -> UnansweredQuestion:
        """Resolve a queued question with a FAQ, or dismiss it (it becomes an out-of-scope example at once)."""
        return self._write(lambda s: unanswered.close(s, question_id, actor, self.clock.now(), faq_id))

    def resolve_unanswered(self, question_id: int, data: faqs.FaqInput, actor: str) -> tuple[Faq, UnansweredQuestion]:
        """Write the FAQ that answers a queued question and close the question, in one transaction.

        Raises:
            NotFound: No such question.
            Conflict: The question is already closed (nothing is written).
            InvalidInput: The FAQ is invalid or duplicates another one's question.
        """
        data = faqs.check(data, self.known_items)

        def operation(session: Session) -> tuple[Faq, UnansweredQuestion]:
            row = session.get(UnansweredQuestion, question_id)
            if row is None or row.status != unanswered.OPEN:  # checked before the FAQ is written
                unanswered.close(session, question_id, actor, self.clock.now())
            faq = faqs.create(session, data, actor, self.clock.now())
            session.flush()
            return faq, unanswered.close(session, question_id, actor, self.clock.now(), faq.id)

        return self._write(operation)

    def export_faqs(self) -> list[tuple[str, faqs.FaqInput]]:
        """The active FAQs by id, as (id, content) pairs for an export file."""
        return [(f.id, faqs.FaqInput.of(f)) for f in self.list_faqs()]

    def import_faqs(self, rows: list[FaqRow], actor: str) -> ImportReport:
        """Check every row, then create and update FAQs in one transaction (all or nothing) and re-index.

        Raises:
            InvalidInput: Row errors (:class:`~bundle_service.knowledge.faq_files.RowError`); nothing is written.
        """
        with self.sessions() as session:
            checked = faq_import.plan(session, rows, self.known_items)
        return self._write(lambda s: faq_import.apply(s, checked, actor, self.clock.now()))
