"""Bodies of the knowledge-base endpoints."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class KnowledgeSearchIn(BaseModel):
    """A question to answer from the knowledge base.

    Attributes:
        query: The user's question as typed.
        item: Item code the dialogue has in context (restricts to that item and bundle-wide content).
        region: The user's region (any Hunan prefecture or county; 湖南省 content applies to all of them).
        conversation_id: Who asks (stored with an unanswered question).
        record_unanswered: Queue the question for admins when nothing is good enough (hit testing passes false).
    """

    query: str = Field(min_length=1, max_length=2000)
    item: str | None = None
    region: str | None = Field(default=None, max_length=40)
    conversation_id: str | None = Field(default=None, max_length=128)
    record_unanswered: bool = True


class SourceOut(BaseModel):
    """Where an answer comes from: a document and section, or a FAQ (``kind`` faq, ``id`` the FAQ id)."""

    document: str
    section: str
    kind: Literal["faq", "doc"]
    id: str


class HitOut(BaseModel):
    """One ranked hit: its text, the fused score and its parts, and its source."""

    text: str
    score: float
    dense: float
    bm25: float
    kind: Literal["faq", "doc", "out_of_scope"]
    source: str
    document: str
    section: str
    item: str | None
    region: str


class KnowledgeSearchOut(BaseModel):
    """The answer: ``faq`` (a FAQ answered directly), ``answer`` (a passage), ``suggest`` or ``not_found``.

    ``answer`` is ready for the chat window: an answer names its source on the last line; ``suggest`` (no clear
    match) lists the nearest questions, also given in ``choices`` for buttons, and answers none of them.
    ``declined``: a ``not_found`` for a scheme named that is none of the items ("稳岗补贴"), its name.
    """

    status: Literal["faq", "answer", "suggest", "not_found"]
    answer: str
    sources: list[SourceOut]
    hits: list[HitOut]
    took_ms: float
    unanswered_id: int | None = None
    choices: list[str] = []
    declined: str | None = None


class FaqOut(BaseModel):
    """A FAQ as admins see it."""

    id: str
    question: str
    answer: str
    item: str | None
    tags: list[str]
    similar: list[str]
    active: bool
    version: int
    updated_by: str
    updated_at: datetime


class FaqVersionOut(BaseModel):
    """One version of a FAQ."""

    version: int
    question: str
    answer: str
    item: str | None
    tags: list[str]
    similar: list[str]
    active: bool
    action: str
    changed_by: str
    changed_at: datetime


class DocumentOut(BaseModel):
    """A knowledge-base document (without its content)."""

    path: str
    title: str
    item: str | None
    region: str
    effective_date: str | None
    source: str | None
    content_hash: str
    origin: str
    active: bool
    updated_by: str
    updated_at: datetime


class UnansweredOut(BaseModel):
    """A queued question."""

    id: int
    question: str
    conversation_id: str | None
    item: str | None
    region: str | None
    best_score: float | None
    best_source: str | None
    asked_at: datetime
    status: str
    resolved_by_faq_id: str | None
    resolved_by: str | None
    resolved_at: datetime | None
