"""Markdown documents of the knowledge base: YAML front matter and ``##`` sections."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from bundle_service.core.errors import FieldError, InvalidInput

DEFAULT_REGION = "湖南省"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_SECTION = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
MAX_DOCUMENT_CHARS = 200_000


@dataclass(frozen=True)
class Section:
    """One ``##`` section: its heading and body text (Markdown)."""

    name: str
    body: str


@dataclass(frozen=True)
class ParsedDocument:
    """A parsed document.

    Attributes:
        path: Key of the document, relative to ``knowledge_base/docs`` (``items/guaranteed_loan.md``).
        title: ``title`` of the front matter (else the ``#`` heading).
        item: Item code, or None for bundle-wide documents.
        region: Region the document applies to (default 湖南省).
        effective_date: ISO date from which it applies, if given.
        source: Where the content comes from.
        sections: The ``##`` sections in order (text before the first one is a section named like the title).
        content_hash: SHA-256 of the whole Markdown.
    """

    path: str
    title: str
    item: str | None
    region: str
    effective_date: str | None
    source: str | None
    sections: list[Section] = field(default_factory=list)
    content_hash: str = ""


def content_hash(text: str) -> str:
    """SHA-256 hex digest of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _invalid(code: str, message: str) -> InvalidInput:
    return InvalidInput([FieldError("content", code, message)])


def _front_matter(markdown: str) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise _invalid("front_matter_invalid", f"文档开头的 YAML 信息格式有误：{error}") from error
    if not isinstance(meta, dict):
        raise _invalid("front_matter_invalid", "文档开头的 YAML 信息应为键值对。")
    return meta, markdown[match.end() :]


def _optional_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_markdown(path: str, markdown: str, known_items: frozenset[str] | None = None) -> ParsedDocument:
    """Parse one document.

    Args:
        path: Document key (relative path).
        markdown: The whole file.
        known_items: Item codes accepted in ``item`` (None: not checked).

    Returns:
        The parsed document.

    Raises:
        InvalidInput: Too long, bad front matter, unknown item, or no text at all.
    """
    if len(markdown) > MAX_DOCUMENT_CHARS:
        raise _invalid("document_too_long", f"文档过长（最多 {MAX_DOCUMENT_CHARS} 字）。")
    meta, body = _front_matter(markdown.replace("\r\n", "\n"))
    heading = _TITLE.search(body)
    title = _optional_text(meta.get("title")) or (heading.group(1) if heading else Path(path).stem)
    item = _optional_text(meta.get("item"))
    if item is not None and known_items is not None and item not in known_items:
        raise _invalid("unknown_item", f"未知的事项代码：{item}。")
    sections: list[Section] = []
    starts = list(_SECTION.finditer(body))
    lead = body[: starts[0].start()] if starts else body
    lead = _TITLE.sub("", lead).strip()
    if lead:
        sections.append(Section(title, lead))
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(body)
        text = body[match.end() : end].strip()
        if text:
            sections.append(Section(match.group(1), text))
    if not sections:
        raise _invalid("document_empty", "文档没有正文。")
    return ParsedDocument(
        path=path,
        title=title,
        item=item,
        region=_optional_text(meta.get("region")) or DEFAULT_REGION,
        effective_date=_optional_text(meta.get("effective_date")),
        source=_optional_text(meta.get("source")),
        sections=sections,
        content_hash=content_hash(markdown),
    )


def shipped_documents(docs_dir: Path) -> dict[str, str]:
    """Markdown of every ``*.md`` under ``docs_dir`` (recursively), by relative path."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }
