"""What gets indexed: one entry per FAQ (or two, see :class:`Representation`) and one per document chunk."""

import json
from dataclasses import dataclass, field
from typing import Literal

from bundle_service.knowledge.chunking import DEFAULT_MAX_CHARS, chunk_document
from bundle_service.knowledge.documents import DEFAULT_REGION, ParsedDocument, content_hash
from bundle_service.knowledge.text import join_nonempty

FAQ_DOCUMENT = "常见问题"
OUT_OF_SCOPE = "out_of_scope"  # kind (and source) of the examples of questions not to answer
FaqMode = Literal["question", "question_answer", "both"]


@dataclass(frozen=True)
class Representation:
    """How FAQs and chunks are turned into text (measured in ``scripts/bench_knowledge.py``).

    Attributes:
        faq_mode: ``question`` embeds the FAQ question, ``question_answer`` question and answer together,
            ``both`` indexes the two as separate entries of the same FAQ (the better one counts).
        similar: Index each similar question (相似问法) of a FAQ as an entry of its own.
        doc_prefix: Prefix a chunk's embedded text with its document title and section name.
        max_chars: Largest chunk, in characters.
    """

    faq_mode: FaqMode = "both"
    similar: bool = True
    doc_prefix: bool = True
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass(frozen=True)
class FaqRecord:
    """A FAQ as the index sees it (from the database or from ``faq.yml``)."""

    id: str
    question: str
    answer: str
    item: str | None = None
    tags: list[str] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    """One indexed text with everything a hit must show.

    Attributes:
        id: Unique id in the vector store (``faq:faq-001:q``, ``doc:items/x.md#办理时限#0``).
        kind: ``faq``, ``doc`` or ``out_of_scope`` (:mod:`bundle_service.knowledge.out_of_scope`).
        source: The answer's source key: the FAQ id, or ``<document path>#<section>``.
        text: What the user is shown (the FAQ answer, or the chunk).
        embed_text: What is embedded.
        bm25_text: What BM25 indexes.
        item: Item code or ``""``.
        region: Region the entry applies to.
        effective_date: ISO date or ``""``.
        document: Document title (``常见问题`` for FAQs).
        document_path: Document key (``""`` for FAQs).
        section: Section name (the question for FAQs).
    """

    id: str
    kind: str
    source: str
    text: str
    embed_text: str
    bm25_text: str
    item: str
    region: str
    effective_date: str
    document: str
    document_path: str
    section: str

    @property
    def content_hash(self) -> str:
        """Hash of everything stored for the entry: unchanged hash, no re-embedding."""
        meta = json.dumps(self.metadata(), ensure_ascii=False, sort_keys=True)
        return content_hash(f"{self.embed_text}\n{self.text}\n{meta}")

    def metadata(self) -> dict[str, str]:
        """Chroma metadata (strings only: chroma has no nulls)."""
        return {
            "kind": self.kind,
            "source": self.source,
            "item": self.item,
            "region": self.region,
            "effective_date": self.effective_date,
            "document": self.document,
            "document_path": self.document_path,
            "section": self.section,
        }


def faq_entries(faq: FaqRecord, representation: Representation) -> list[Entry]:
    """Index entries of one FAQ: its question (and/or question + answer), and each similar question."""
    texts: dict[str, str] = {}
    if representation.faq_mode in ("question", "both"):
        texts["q"] = faq.question
    if representation.faq_mode in ("question_answer", "both"):
        texts["qa"] = f"{faq.question} {faq.answer}"
    if representation.similar:
        texts.update({f"s{n}": text for n, text in enumerate(faq.similar, start=1)})
    return [
        Entry(
            id=f"faq:{faq.id}:{suffix}",
            kind="faq",
            source=faq.id,
            text=faq.answer,
            embed_text=text,
            bm25_text=f"{text} {' '.join(faq.tags)}",
            item=faq.item or "",
            region=DEFAULT_REGION,
            effective_date="",
            document=FAQ_DOCUMENT,
            document_path="",
            section=faq.question,
        )
        for suffix, text in texts.items()
    ]


def document_entries(document: ParsedDocument, representation: Representation) -> list[Entry]:
    """Index entries of one document's chunks."""
    result = []
    for chunk in chunk_document(document, representation.max_chars):
        prefix = join_nonempty([document.title, chunk.section]) if representation.doc_prefix else ""
        result.append(
            Entry(
                id=f"doc:{document.path}#{chunk.section}#{chunk.ordinal}",
                kind="doc",
                source=f"{document.path}#{chunk.section}",
                text=chunk.text,
                embed_text=join_nonempty([prefix, chunk.text], "：") if prefix else chunk.text,
                bm25_text=f"{document.title} {chunk.section} {chunk.text}",
                item=document.item or "",
                region=document.region,
                effective_date=document.effective_date or "",
                document=document.title,
                document_path=document.path,
                section=chunk.section,
            )
        )
    return result
