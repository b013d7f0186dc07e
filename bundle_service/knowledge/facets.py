"""What a question asks (amount, time limit, department, rate, base …): a re-ranking signal for near neighbours.

Embeddings place "养老保险缴费比例是多少" and "养老保险缴费基数怎么选" side by side: same item, same words, a
different fact. The types and the words that ask for them are data (``knowledge_base/question_types.yml``). A
source's types come from its title only (a FAQ's question, a document section's name: field-aware, never the
answer's text), a user's from the message. Sharing a type raises a source's score by the bonus; having types
but none in common lowers it by the penalty (both measured in ``scripts/bench_knowledge.py``).
"""

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bundle_service.knowledge.aspects import Aspect, load_aspects
from bundle_service.knowledge.entries import OUT_OF_SCOPE
from bundle_service.knowledge.index import ScoredEntry

FILE_NAME = "question_types.yml"
# Question shapes beside the types (before vs now, how long a business must have run, the light asked): read with
# FILE_NAME, whose lists and aspects it extends (:func:`merged`).
SHAPES_FILE = "question_shapes.yml"
OVERRIDES = "overrides"
SUBJECTS = "subjects"
CASES = "cases"
FIGURE_CHOICE = "figure_choice"
BUNDLE_WIDE = "bundle_wide"
ASPECTS = "aspects"
# A choice between two figures ("五千还是一万", "贷10万还是20万", "3年还是5年"): the unit said after either figure
# (``figure_choice`` of the file; no unit: the entry for "") says which type is asked.
_NUMBER = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)"
_CHOICE = re.compile(
    rf"{_NUMBER}(?P<first>[^\d零一二两三四五六七八九十百千万还是，,？?]{{0,3}})还是{_NUMBER}(?P<second>[^\d，,？?]{{0,3}})"
)


@dataclass(frozen=True)
class QuestionTypes:
    """Question types by name, each with the words that ask for it."""

    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    overrides: dict[str, tuple[str, ...]] = field(default_factory=dict)
    subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    choices: dict[str, str] = field(default_factory=dict)  # a figure's unit → the type a choice of two asks
    bundle_wide: tuple[str, ...] = ()  # words asking what is the same for every item (the lights, the statuses)
    cases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # one case a source may be about (a car loan)
    aspects: tuple[Aspect, ...] = ()  # words outranking a figure or an item word (:mod:`aspects`)

    @classmethod
    def load(cls, path: Path) -> "QuestionTypes":
        """Read the types (a missing file: no types, no re-ranking).

        Raises:
            ValueError: The file is not a mapping of type name → list of words (plus ``overrides``).
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        shapes = path.with_name(SHAPES_FILE)
        if shapes.is_file() and isinstance(data, dict):
            data = merged(data, yaml.safe_load(shapes.read_text(encoding="utf-8")) or {})
        overrides = data.pop(OVERRIDES, None) or {} if isinstance(data, dict) else {}
        subjects = data.pop(SUBJECTS, None) or {} if isinstance(data, dict) else {}
        cases = data.pop(CASES, None) or {} if isinstance(data, dict) else {}
        choices = data.pop(FIGURE_CHOICE, None) or {} if isinstance(data, dict) else {}
        bundle_wide = data.pop(BUNDLE_WIDE, None) or [] if isinstance(data, dict) else []
        aspects = load_aspects(data.pop(ASPECTS, None) if isinstance(data, dict) else None)
        if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
            raise ValueError(f"{path}: expected `type: [words]` lines")
        for key, table in ((OVERRIDES, overrides), (SUBJECTS, subjects), (CASES, cases)):
            if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
                raise ValueError(f"{path}: expected `{key}: {{name: [words]}}`")
        return cls(
            {str(k): tuple(str(w) for w in v if str(w)) for k, v in data.items()},
            {str(k): tuple(str(t) for t in v) for k, v in overrides.items()},
            {str(k): tuple(str(w) for w in v if str(w)) for k, v in subjects.items()},
            {str(k or ""): str(v) for k, v in choices.items()},
            tuple(str(w) for w in bundle_wide if str(w)),
            {str(k): tuple(str(w) for w in v if str(w)) for k, v in cases.items()},
            aspects,
        )

    def asks_bundle_wide(self, text: str) -> bool:
        """Whether ``text`` asks what is the same for every item (a light, a status): no item narrows it."""
        return any(word in text for word in self.bundle_wide)

    def of(self, text: str) -> frozenset[str]:
        """The types ``text`` asks for (possibly none)."""
        return _types(self, text)

    def asked_types(self, text: str) -> frozenset[str]:
        """The types ``text`` asks, less those an aspect it asks reads otherwise (``drops`` of an aspect).

        "养老保险最低档是多少比例" says 比例 but asks the base's lowest bound: the rate is not asked.
        """
        types = self.of(text)
        dropped = {t for a in self.aspects if a.drops and a.asked_by(text, types) for t in a.drops}
        return types - dropped

    def subjects_of(self, text: str) -> frozenset[str]:
        """Whom ``text`` is about (``subjects`` of the file: a person, partners, an enterprise), possibly no one.

        Longest words first, each taking its place: "合伙企业" is partners, not also an enterprise.
        """
        words = sorted(((w, name) for name, ws in self.subjects.items() for w in ws), key=lambda p: -len(p[0]))
        found = set()
        for word, name in words:
            if word in text:
                found.add(name)
                text = text.replace(word, "|")
        return frozenset(found)

    def cases_of(self, text: str) -> frozenset[str]:
        """The one-off cases ``text`` names (``cases`` of the file: a car loan, a mortgage), possibly none."""
        return frozenset(name for name, words in self.cases.items() if any(w in text for w in words))

    def aspects_of(self, text: str) -> frozenset[str]:
        """The aspects ``text`` asks (``aspects`` of the file: the bundle's total, credit …), possibly none."""
        types = self.of(text)
        return frozenset(a.name for a in self.aspects if a.asked_by(text, types))

    def offers(self, title: str, aspects: frozenset[str]) -> bool:
        """Whether a source titled ``title`` answers one of ``aspects``."""
        types = self.of(title)
        return any(a.name in aspects and a.offered_by(title, types) for a in self.aspects)

    def adjustment(self, asked: frozenset[str], title: str, bonus: float, penalty: float) -> float:
        """What to add to the score of a source titled ``title`` for a question asking ``asked``."""
        if not asked:
            return 0.0
        offered = self.of(title)
        if not offered:
            return 0.0
        return bonus if asked & offered else -penalty

    def __hash__(self) -> int:
        """Hashable for the cache (the cue table never changes after loading)."""
        return id(self)


def merged(base: dict[str, Any], extra: Any) -> dict[str, Any]:
    """``base`` extended by ``extra``: lists of the same name get the new words, mappings are merged key by key.

    A name only ``extra`` has is added; a scalar of ``extra`` replaces ``base``'s.

    Raises:
        ValueError: ``extra`` is not a mapping.
    """
    if not isinstance(extra, dict):
        raise ValueError(f"{SHAPES_FILE}: expected a mapping like {FILE_NAME}")
    result = dict(base)
    for key, value in extra.items():
        old = result.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            result[key] = merged(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            result[key] = [*old, *(v for v in value if v not in old)]
        else:
            result[key] = value
    return result


# A loan figure said ("企业贷600万可以吗", "借4年行不行"): the question weighs it against that unit's limit, so it asks
# the unit's type (``figure_choice``), not who may borrow.
_BORROWED = re.compile(rf"(?:贷|借)[^，,。？?\d]{{0,3}}?{_NUMBER}\s*(?P<unit>万元|万|年)")
ELIGIBILITY = "eligibility"
WHO_MAY = re.compile(r"条件|资格|符合|门槛|谁|哪些人|什么人|哪类人")  # who may borrow asked: the conditions decide


@lru_cache(maxsize=8192)
def _types(table: QuestionTypes, text: str) -> frozenset[str]:
    found = {name for name, words in table.cues.items() if any(w in text for w in words)}
    borrowed = None if WHO_MAY.search(text) else _BORROWED.search(text)
    if borrowed and (kind := table.choices.get(borrowed.group("unit"))):
        found = (found - {ELIGIBILITY}) | {kind}
    if table.choices and (choice := _CHOICE.search(text)):
        said = f"{choice.group('first')}{choice.group('second')}"
        unit = next((u for u in sorted(table.choices, key=len, reverse=True) if u and u in said), "")
        if unit or "" in table.choices:
            found.add(table.choices[unit])
    dropped = {general for name in found for general in table.overrides.get(name, ())}
    return frozenset(found - dropped)


def rerank(
    scored: list[ScoredEntry], asked: frozenset[str], table: QuestionTypes, bonus: float, penalty: float
) -> list[ScoredEntry]:
    """``scored`` with each answer's score adjusted for the question types, best first (examples unchanged)."""
    if not asked or (bonus == 0.0 and penalty == 0.0):
        return scored
    adjusted = [
        s
        if s.entry.kind == OUT_OF_SCOPE
        else replace(s, score=s.score + table.adjustment(asked, s.entry.section, bonus, penalty))
        for s in scored
    ]
    adjusted.sort(key=lambda s: s.score, reverse=True)
    return adjusted
