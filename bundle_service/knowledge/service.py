"""The knowledge service: the one object the API (and the admin page later) calls.

It owns the index and keeps it in step with the database: every admin write re-indexes right after its commit
(only the changed entries are embedded), and before a search it checks, at most every
:data:`FRESHNESS_SECONDS`, whether another process changed FAQs or documents, so several workers stay current
without a restart.
"""

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.applications.catalog import load_items
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.knowledge import asking, asks, documents_admin, faqs, seed, unanswered
from bundle_service.knowledge.administration import Administration
from bundle_service.knowledge.answers import compose, declined, title
from bundle_service.knowledge.asking import Rules
from bundle_service.knowledge.documents import ParsedDocument, parse_markdown
from bundle_service.knowledge.elsewhere import redirect
from bundle_service.knowledge.embedding import Embedder
from bundle_service.knowledge.entries import Entry, FaqRecord, Representation, document_entries, faq_entries
from bundle_service.knowledge.hit_cache import HitCache
from bundle_service.knowledge.index import Filters, KnowledgeIndex, SyncReport
from bundle_service.knowledge.out_of_scope import load_examples, out_of_scope_entries
from bundle_service.knowledge.passage_vectors import passage_cached_embedder
from bundle_service.knowledge.ranking import SourceHit, Status, Thresholds, answers, decide
from bundle_service.knowledge.regions import Regions
from bundle_service.knowledge.store import VectorStore, collection_name, make_client
from bundle_service.knowledge.text import normalize
from bundle_service.models import Faq, KbDocument, UnansweredQuestion

logger = logging.getLogger(__name__)
FRESHNESS_SECONDS = 2.0
SHOWN_HITS = 5


@dataclass(frozen=True)
class SearchResult:
    """What a search returns (the API's answer).

    Attributes:
        status: ``faq`` (a FAQ answered directly), ``answer`` (best passage) or ``not_found``.
        answer: Chat-ready reply with its source on the last line (an honest "not found" text otherwise).
        sources: The source(s) the answer rests on.
        hits: The ranked hits with their scores (hit testing).
        took_ms: Time spent.
        unanswered_id: Row queued in the unanswered questions, if any.
        choices: Status ``suggest``: the titles the user may pick from (each a question to send back).
        declined: Status ``not_found``: the scheme named that is none of the items ("稳岗补贴"), if refused for it.
    """

    status: Status
    answer: str
    sources: list[dict[str, str]]
    hits: list[SourceHit]
    took_ms: float
    unanswered_id: int | None = None
    choices: list[str] = field(default_factory=list)
    declined: str = ""


def source_of(hit: SourceHit) -> dict[str, str]:
    """A hit's source as the API shows it: document, section, kind and id."""
    entry = hit.entry
    return {"document": entry.document, "section": entry.section, "kind": entry.kind, "id": entry.source}


@dataclass
class KnowledgeBase(Administration):
    """Seeding, indexing, search and FAQ/document administration over one database and one vector store.

    Building it is cheap: the model, the chroma client and the index are created on first use (or by
    :meth:`start`, which the app runs in the background at start-up).
    """

    settings: Settings
    sessions: sessionmaker[Session]
    clock: Clock
    representation: Representation = field(default_factory=Representation)
    _index: KnowledgeIndex | None = None
    _stamp: tuple[Any, ...] | None = None
    _checked_at: float = 0.0
    _doc_cache: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    _out_of_scope: list[str] | None = None
    _rules: Rules | None = None
    state: str = "idle"  # idle → starting → ready | failed (shown by /health)
    _lock: threading.RLock = field(default_factory=threading.RLock)
    _hit_cache: HitCache = field(init=False)  # emptied by every re-index

    def __post_init__(self) -> None:
        self._hit_cache = HitCache(self.settings.kb_hit_cache_size)

    @property
    def thresholds(self) -> Thresholds:
        """The configured weights and thresholds."""
        s = self.settings
        return Thresholds(
            s.kb_bm25_weight,
            s.kb_faq_threshold,
            s.kb_not_found_floor,
            s.kb_out_of_scope_margin,
            s.kb_ambiguity_margin,
            s.kb_type_bonus,
            s.kb_type_penalty,
            s.kb_same_fact_agrees,
            s.kb_fit_threshold,
            s.kb_facet_parts,
        )

    @property
    def known_items(self) -> frozenset[str]:
        """Item codes of the catalogue."""
        return frozenset(load_items())

    @property
    def embedder(self) -> Embedder:
        """The process-wide embedding model of the settings, its passages' vectors kept on disk."""
        s = self.settings
        return passage_cached_embedder(s.embedding_model, s.embedding_threads, s.embedding_cache_path)

    @property
    def index(self) -> KnowledgeIndex:
        """The index, opened on first use (empty until :meth:`refresh`)."""
        with self._lock:
            if self._index is None:
                s = self.settings
                client = make_client(s.chroma_path, s.chroma_host, s.chroma_port)
                store = VectorStore(client, collection_name(s.chroma_collection, s.embedding_model), self.embedder)
                self._index = KnowledgeIndex(store, self.embedder, Regions.from_gazetteer(s.region_gazetteer_file))
            return self._index

    @property
    def rules(self) -> Rules:
        """The rules around retrieval (places outside Hunan, question types, follow-ups)."""
        if self._rules is None:
            self._rules = Rules.load(self.settings.knowledge_dir)
        return self._rules

    def _shipped_out_of_scope(self) -> list[str]:
        if self._out_of_scope is None:
            self._out_of_scope = load_examples(self.settings.kb_out_of_scope_files)
        return self._out_of_scope

    # ---- lifecycle ----
    def start(self) -> SyncReport:
        """Seed the database from the shipped files, warm the model and build the index (idempotent).

        Raises:
            Exception: Whatever stopped it (``state`` is then ``failed``; the next search tries again).
        """
        with self._lock:
            started = time.perf_counter()
            self.state = "starting"
            try:
                with self.sessions.begin() as session:
                    report = seed.seed(session, self.settings.knowledge_dir, self.clock.now())
                if report != seed.SeedReport():
                    logger.info("knowledge seed: %s", report)
                self.embedder.warm()
                sync = self.refresh()
            except Exception:
                self.state = "failed"
                raise
            self.state = "ready"
            logger.info("knowledge base ready: %d entries in %.1f s", sync.total, time.perf_counter() - started)
            return sync

    def _read_stamp(self, session: Session) -> tuple[Any, ...]:
        faq = session.execute(select(func.count(), func.max(Faq.updated_at))).one()
        doc = session.execute(select(func.count(), func.max(KbDocument.updated_at))).one()
        dismissed = session.execute(
            select(func.count(), func.max(UnansweredQuestion.resolved_at)).where(
                UnansweredQuestion.status == unanswered.DISMISSED
            )
        ).one()
        return (*faq, *doc, *dismissed)

    def _entries(self, session: Session) -> list[Entry]:
        result: list[Entry] = []
        for row in faqs.list_faqs(session):
            record = FaqRecord(row.id, row.question, row.answer, row.item, list(row.tags), list(row.similar or []))
            result.extend(faq_entries(record, self.representation))
        cache: dict[tuple[str, str], list[Entry]] = {}
        for doc in documents_admin.list_documents(session):
            key = (doc.path, doc.content_hash)
            if key not in self._doc_cache:
                parsed: ParsedDocument = parse_markdown(doc.path, doc.content)
                self._doc_cache[key] = document_entries(parsed, self.representation)
            cache[key] = self._doc_cache[key]
            result.extend(cache[key])
        dismissed = [row.question for row in unanswered.list_questions(session, unanswered.DISMISSED, limit=None)]
        result.extend(out_of_scope_entries([*self._shipped_out_of_scope(), *dismissed]))
        self._doc_cache = cache
        return result

    def refresh(self) -> SyncReport:
        """Re-index from the database: only new or changed entries are embedded; removed ones are deleted."""
        with self._lock:
            with self.sessions() as session:
                stamp = self._read_stamp(session)
                entries = self._entries(session)
            report = self.index.sync(entries)
            self._hit_cache.clear()
            self._stamp, self._checked_at = stamp, time.monotonic()
            return report

    def ensure_current(self) -> None:
        """Start when never started (seed included), else refresh when the database changed (checked every few s)."""
        if self.state != "ready":
            with self._lock:
                if self.state != "ready":
                    self.start()
                    return
        if self._stamp is not None and time.monotonic() - self._checked_at < FRESHNESS_SECONDS:
            return
        with self._lock:
            with self.sessions() as session:
                stamp = self._read_stamp(session)
            if stamp != self._stamp or self._index is None or self._index.size == 0:
                self.refresh()
            self._checked_at = time.monotonic()

    # ---- search ----
    def search(
        self,
        query: str,
        item: str | None = None,
        region: str | None = None,
        conversation_id: str | None = None,
        record_unanswered: bool = True,
    ) -> SearchResult:
        """Answer ``query`` from the knowledge base; queue it as unanswered when nothing is good enough.

        Args:
            query: The user's question.
            item: Item code to restrict to (bundle-wide entries stay eligible).
            region: Region of the user; documents of that region or a region containing it stay eligible.
            conversation_id: Who asked (stored with an unanswered question).
            record_unanswered: Queue a not-found question.

        Returns:
            The decision, the chat answer, its sources and the ranked hits.
        """
        started = time.perf_counter()
        self.ensure_current()
        text, told = self.rules.focused(query)  # relay words and traditional characters gone, within the length limit
        item = item or told  # a story's how-much question: within the item the story is about
        text, item = self.rules.without_unasked(text, item)  # "…，我不是问贷款": the loan neither searched nor kept
        place = self.rules.elsewhere(text, self.index) if text else None
        if place is None and region:  # the user's region outside Hunan ("北京市"): Hunan's policy does not apply
            place = self.rules.elsewhere(normalize(region), self.index)
        if place is not None:  # another province's policy: never answered with Hunan's figures
            self._log_ask(query, conversation_id, "not_found", None, record_unanswered)
            took = (time.perf_counter() - started) * 1000
            return SearchResult("not_found", redirect(place), [], [], took)
        scheme = self.rules.schemes.listed(text) if text else ""
        if scheme:  # another scheme whose name holds ours ("求职创业补贴"): never answered with our subsidy
            self._log_ask(query, conversation_id, "not_found", None, record_unanswered)
            took = (time.perf_counter() - started) * 1000
            refusal = declined(scheme, self.rules.schemes.department(scheme))
            return SearchResult("not_found", refusal, [], [], took, declined=scheme)
        if item and self.rules.types.asks_bundle_wide(text):  # a light or status: the same for every item
            item = None
        hits = self._search(text, Filters(item, region)) if text else []
        asked = self.rules.asked(text, item)
        decision = decide(hits, self.thresholds, asked)
        queued: int | None = None
        if decision.status in ("not_found", "suggest") and record_unanswered:  # not answered: admins see it
            best = next(iter(answers(hits)), None)  # the nearest real content, for the admin writing the FAQ
            with self.sessions.begin() as session:
                row = unanswered.add(
                    session,
                    question=query.strip(),
                    conversation_id=conversation_id,
                    item=item,
                    region=region,
                    best_score=round(best.score, 4) if best else None,
                    best_source=best.source[:200] if best else None,
                    now=self.clock.now(),
                )
                session.flush()
                queued = row.id
        self._log_ask(query, conversation_id, decision.status, decision.best, record_unanswered)
        sources = [source_of(hit) for hit in [decision.best, *decision.parts] if hit is not None]
        took = (time.perf_counter() - started) * 1000
        choices = [title(hit) for hit in decision.choices]
        answer = compose(decision, asked, self.rules.schemes.department, self.rules.yes_no.shown)
        return SearchResult(
            decision.status, answer, sources, hits[:SHOWN_HITS], took, queued, choices, decision.declined
        )

    def _search(self, text: str, filters: Filters) -> list[SourceHit]:
        """The ranked hits of a normalised question: from the cache when asked since the last re-index."""
        key, generation = HitCache.key(text, filters), self._hit_cache.generation
        hits = self._hit_cache.get(key)
        if hits is None:
            hits = asking.search(self.index, self.rules, text, filters, self.thresholds)
            self._hit_cache.put(key, hits, generation)
        return hits

    def _log_ask(
        self, query: str, conversation_id: str | None, status: str, best: SourceHit | None, record_unanswered: bool
    ) -> None:
        """Log a conversation's question in the dashboard's ask log (:mod:`bundle_service.knowledge.asks`)."""
        if asks.should_log(conversation_id, status, record_unanswered):
            with self.sessions.begin() as session:
                asks.record(
                    session,
                    question=query.strip(),
                    conversation_id=conversation_id,
                    status=status,
                    best=best,
                    now=self.clock.now(),
                )
