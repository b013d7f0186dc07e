"""Words that alone name one item of the bundle ("这个登记要几天": the business registration), read from data.

Asked with no item in context and naming none, "这个登记一般多久能办好" drew the pension registration's 1 working day:
the embeddings put "养老保险登记多久能办好" first, and 登记 alone, in this bundle, is the registration of the business
(经营主体登记注册) unless the pension (养老/参保) or another matter is said. ``knowledge_base/bare_words.yml`` lists
such words with the item they name, what may stand right before them (nothing, a pointing or a doing word: "不动产登记"
is another registration) and the words of other matters that keep them unread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

FILE_NAME = "bare_words.yml"


@dataclass(frozen=True)
class BareWord:
    """One word, the item it names alone, the words allowed right before it and the words that rule it out."""

    word: str
    item: str
    before: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def names_in(self, text: str) -> bool:
        """Whether ``text`` says the word bare: after nothing or an allowed word, with no word of another matter."""
        if any(w in text for w in self.unless):
            return False
        start = text.find(self.word)
        while start >= 0:
            head = text[:start].rstrip("，,。；;、 ")
            if len(head) < len(text[:start]) or not head or any(head.endswith(w) for w in self.before):
                return True
            start = text.find(self.word, start + 1)
        return False


@dataclass(frozen=True)
class BareWords:
    """The bare words of the knowledge folder (none: the rule is off)."""

    words: tuple[BareWord, ...] = field(default_factory=tuple)

    @classmethod
    def load(cls, path: Path, known_items: frozenset[str] | None = None) -> BareWords:
        """Read ``bare_words.yml`` (missing: no words).

        Raises:
            ValueError: Not a mapping of word → {item, before, unless}, or an item that is not known.
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not all(isinstance(v, dict) and v.get("item") for v in data.values()):
            raise ValueError(f"{path}: expected `word: {{item: code, before: [...], unless: [...]}}`")
        words = tuple(
            BareWord(
                str(word),
                str(spec["item"]),
                tuple(str(w) for w in spec.get("before") or [] if str(w)),
                tuple(str(w) for w in spec.get("unless") or [] if str(w)),
            )
            for word, spec in data.items()
        )
        unknown = {w.item for w in words} - known_items if known_items is not None else set()
        if unknown:
            raise ValueError(f"{path}: unknown items {sorted(unknown)}")
        return cls(words)

    def item(self, text: str) -> str | None:
        """The item ``text`` names by a bare word alone (the caller checks that nothing else names one), or None."""
        return next((w.item for w in self.words if w.names_in(text)), None)
