"""Chunking that respects sections and Chinese sentences (spaCy's blank Chinese pipeline: jieba + sentencizer).

A chunk never crosses a ``##`` section. Inside a section, Markdown lines become sentences: list markers and
emphasis are dropped, a table row becomes "列名：值，列名：值。", and each line is split into sentences by spaCy's
sentencizer (。！？ and their half-width forms, plus ；). Sentences are then packed greedily into chunks of at most
``max_chars`` characters; a sentence longer than that is a chunk of its own. Question-and-answer sections
(``**问：…**`` / ``答：…``) give one chunk per pair, so a document's own FAQ stays whole.
"""

import re
import threading
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

from bundle_service.knowledge.documents import ParsedDocument

DEFAULT_MAX_CHARS = 160
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.、)])\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}")
_QA_QUESTION = re.compile(r"^\*\*问[:：]\s*(.+?)\*\*\s*$")
_QA_ANSWER = re.compile(r"^答[:：]\s*(.+)$")
_EMPHASIS = re.compile(r"\*\*|__|`")
_SENTENCE_END = "。！？!?；;"

_nlp: Language | None = None
_nlp_lock = threading.Lock()


@dataclass(frozen=True)
class Chunk:
    """A piece of one section, ready to index.

    Attributes:
        section: Name of the section it comes from.
        ordinal: Position within the section (0, 1, …).
        text: The chunk text (plain sentences).
    """

    section: str
    ordinal: int
    text: str


def sentence_pipeline() -> Language:
    """SpaCy's blank Chinese pipeline with the jieba segmenter and a sentencizer (built once per process)."""
    global _nlp  # noqa: PLW0603 - one lazily built pipeline per process
    with _nlp_lock:
        if _nlp is None:
            config: dict[str, Any] = {"nlp": {"tokenizer": {"segmenter": "jieba"}}}
            nlp = spacy.blank("zh", config=config)
            punct = sorted({*Sentencizer.default_punct_chars, "；", ";"})
            nlp.add_pipe("sentencizer", config={"punct_chars": punct})
            _nlp = nlp
        return _nlp


def sentences(text: str) -> list[str]:
    """Split one line of Chinese text into sentences."""
    text = text.strip()
    if not text:
        return []
    return [s.text.strip() for s in sentence_pipeline()(text).sents if s.text.strip()]


def _table_rows(lines: list[str]) -> list[str]:
    cells = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines if not _TABLE_RULE.match(line)]
    if not cells:
        return []
    header, rows = cells[0], cells[1:]
    result = []
    for row in rows:
        pairs = [f"{name}：{value}" for name, value in zip(header, row, strict=False) if value]
        result.append("，".join(pairs) + "。")
    return result


def _lines_to_sentences(body: str) -> list[str]:
    result: list[str] = []
    table: list[str] = []
    for raw in [*body.splitlines(), ""]:
        line = raw.strip()
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            result.extend(_table_rows(table))
            table = []
        line = _EMPHASIS.sub("", _LIST_MARKER.sub("", line)).strip()
        if not line or line.startswith("#"):
            continue
        if line[-1] not in _SENTENCE_END + "：:。":
            line += "。"
        result.extend(sentences(line))
    return result


def _qa_pairs(body: str) -> list[str] | None:
    pairs: list[str] = []
    question: str | None = None
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        asked = _QA_QUESTION.match(line)
        answered = _QA_ANSWER.match(line)
        if asked:
            question = asked.group(1)
        elif answered and question:
            pairs.append(f"问：{question} 答：{answered.group(1)}")
            question = None
        else:
            return None
    return pairs or None


def pack(parts: list[str], max_chars: int) -> list[str]:
    """Greedily join consecutive sentences into chunks of at most ``max_chars`` characters."""
    chunks: list[str] = []
    current = ""
    for part in parts:
        if current and len(current) + len(part) > max_chars:
            chunks.append(current)
            current = ""
        current += part
    if current:
        chunks.append(current)
    return chunks


def chunk_document(document: ParsedDocument, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """Chunks of every section of ``document``, in order."""
    result: list[Chunk] = []
    for section in document.sections:
        texts = _qa_pairs(section.body) or pack(_lines_to_sentences(section.body), max_chars)
        result.extend(Chunk(section.name, ordinal, text) for ordinal, text in enumerate(texts))
    return result
