"""Bodies of the knowledge-base admin endpoints (``/api/v1/admin/knowledge``)."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from bundle_service.schemas.knowledge import FaqOut, UnansweredOut


class FaqIn(BaseModel):
    """A FAQ as an admin writes it (lengths and the item code are checked by the service, with Chinese reasons).

    Attributes:
        question: The question as users would ask it.
        answer: The answer given as is when the question matches.
        item: Item code it belongs to; None for bundle-wide.
        tags: Free labels.
        similar: Other ways users ask the same question (相似问法); each is searched like the question.
    """

    question: str = Field(max_length=2000)
    answer: str = Field(max_length=5000)
    item: str | None = None
    tags: list[str] = Field(default_factory=list, max_length=50)
    similar: list[str] = Field(default_factory=list, max_length=100)


class RollbackIn(BaseModel):
    """The version to restore."""

    version: int = Field(ge=1)


class DocumentIn(BaseModel):
    """A Markdown document to upload.

    Attributes:
        path: Its key, e.g. ``items/guaranteed_loan.md`` (an existing path replaces that document).
        content: The Markdown: front matter (``title`` required; ``item``, ``region``, ``effective_date``,
            ``source``) between ``---`` lines, then ``##`` sections.
    """

    path: str = Field(max_length=200)
    content: str


class ReindexIn(BaseModel):
    """What to re-index: one FAQ, or everything (``force`` re-embeds every entry)."""

    faq_id: str | None = None
    force: bool = False


class ReindexOut(BaseModel):
    """What a re-index did."""

    total: int
    embedded: int
    removed: int
    seconds: float


class HitTestIn(BaseModel):
    """A hit test: the query and the optional item and region filters; nothing is queued."""

    query: str = Field(min_length=1, max_length=2000)
    item: str | None = None
    region: str | None = Field(default=None, max_length=40)


class ResolveOut(BaseModel):
    """The FAQ written for a queued question, and the question, now resolved."""

    faq: FaqOut
    question: UnansweredOut


class ImportOut(BaseModel):
    """What an import did (all rows or none)."""

    created: list[str]
    updated: list[str]
    unchanged: list[str]


class AdminAuditEventOut(BaseModel):
    """One audit event of the knowledge base."""

    id: int
    at: datetime
    actor: str
    action: str
    details: dict[str, Any]
