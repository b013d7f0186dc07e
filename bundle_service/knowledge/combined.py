"""Questions about two items at once ("贷款和补贴能一起申请吗", "先办执照还是先贷款"): answered by a source about both.

Embeddings place "创业担保贷款和创业补贴可以一起申请吗" next to the loan's own FAQs (who may borrow, where to
apply): the item words weigh more than "一起". Answering one item's FAQ to a question about two is a wrong
answer. So when a question names at least two different items (the NLU's item gazetteer,
``nlu_data/gazetteer/item.yml``: one owner for the items' names) and asks about them together, in order or in
comparison (the cue words of ``knowledge_base/combined_questions.yml``), only sources whose title asks the same
kind of question and names no other item stay candidates ("几个事项能一起申请吗？", "为什么登记注册和纳税人
信息确认必须一起选？" — the latter only when both of its items are asked about). A comparison needs a source
naming the items it compares. When no such source is among the candidates the question is ranked as before.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bundle_service.knowledge.entries import OUT_OF_SCOPE
from bundle_service.knowledge.index import ScoredEntry

FILE_NAME = "combined_questions.yml"
COMPARE = "compare"  # a comparison is answered only by a source that names what it compares


@dataclass(frozen=True)
class Combined:
    """Item names (code → aliases) and the cue words of each kind of question about items together."""

    aliases: dict[str, str] = field(default_factory=dict)  # alias → item code
    guards: tuple[str, ...] = ()  # phrases containing an alias that name something else (住房贷款)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    context_aliases: dict[str, str] = field(default_factory=dict)  # words naming an item only in context (税务)

    @classmethod
    def load(cls, cues_path: Path, gazetteer_path: Path) -> "Combined":
        """Read the cue words and the item gazetteer (either file missing: the rule is off).

        Raises:
            ValueError: The cue file is not a mapping of kind → list of words.
        """
        if not cues_path.is_file() or not gazetteer_path.is_file():
            return cls()
        cues = yaml.safe_load(cues_path.read_text(encoding="utf-8")) or {}
        if not isinstance(cues, dict) or not all(isinstance(v, list) for v in cues.values()):
            raise ValueError(f"{cues_path}: expected `kind: [words]` lines")
        gazetteer = yaml.safe_load(gazetteer_path.read_text(encoding="utf-8")) or {}
        aliases = {
            str(alias).lower(): str(code)
            for code, names in (gazetteer.get("values") or {}).items()
            for alias in names or []
        }
        guards = tuple(str(g) for g in gazetteer.get("guard_words") or [])
        in_context = {
            str(alias).lower(): str(code)
            for code, names in (gazetteer.get("context_aliases") or {}).items()
            for alias in names or []
        }
        cue_words = {str(k): tuple(str(w) for w in v if str(w)) for k, v in cues.items()}
        return cls(aliases, guards, cue_words, in_context)

    def items(self, text: str) -> frozenset[str]:
        """The item codes ``text`` names (longest alias first; guard phrases name no item)."""
        return _items(self, text)

    def mentioned(self, text: str) -> frozenset[str]:
        """The items ``text`` names, or mentions by a word that names one only in context ("税务局": the taxpayer's)."""
        return self.items(text) | frozenset(code for word, code in self.context_aliases.items() if word in text)

    def kinds(self, text: str) -> frozenset[str]:
        """The kinds of question about items together that ``text`` asks (together, order, compare)."""
        return frozenset(kind for kind, words in self.cues.items() if any(w in text for w in words))

    def asked(self, text: str) -> frozenset[str]:
        """The kinds ``text`` asks when it names two or more items (else none)."""
        if not self.cues or len(self.items(text)) < 2:
            return frozenset()
        return self.kinds(text)

    def answers(self, title: str, asked: frozenset[str], named: frozenset[str]) -> bool:
        """Whether a source titled ``title`` answers a question of kinds ``asked`` about the items ``named``."""
        kinds = self.kinds(title) & asked
        if not kinds:
            return False
        items = self.items(title)
        if not items:  # a general source ("几个事项能一起申请吗"): not for a comparison
            return bool(kinds - {COMPARE})
        return items <= named

    def focus(self, text: str, scored: list[ScoredEntry]) -> list[ScoredEntry]:
        """``scored`` narrowed to the sources about the items together, for such a question (else unchanged)."""
        asked = self.asked(text)
        if not asked:
            return scored
        named = self.items(text)
        kept = [s for s in scored if s.entry.kind == OUT_OF_SCOPE or self.answers(s.entry.section, asked, named)]
        if all(s.entry.kind == OUT_OF_SCOPE for s in kept):
            return scored
        return kept

    def __hash__(self) -> int:
        """Hashable for the cache (the tables never change after loading)."""
        return id(self)


@lru_cache(maxsize=8192)
def _items(table: Combined, text: str) -> frozenset[str]:
    rest = text.lower()
    for guard in table.guards:
        rest = rest.replace(guard, "|")
    found = set()
    for alias in sorted(table.aliases, key=len, reverse=True):
        if alias in rest:
            found.add(table.aliases[alias])
            rest = rest.replace(alias, "|")
    return frozenset(found)
