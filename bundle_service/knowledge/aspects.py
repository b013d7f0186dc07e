"""Aspect words that outrank a figure or an item word: what the question is really about.

"贷个十五万要满足什么条件" says a figure but asks the conditions; "一共要多少个工作日" says working days but asks the
bundle's total, not each item's days; "以前网贷逾期过还能贷吗" says 网 but asks about credit. The scores follow the
figure or the item word; the aspect word says which source is meant. An aspect (``aspects`` of
``knowledge_base/question_types.yml``) is asked by its words (``asked``), only together with one of the question
types it needs (``with``: "一共" asks the total only with a time asked) and with a word of each further word group
(``also``: "哪几样" asks the list of exempt documents only with 免提交 or 不用交 said too); it may read a question
type's words otherwise (``drops``: "养老保险最低档是多少比例" asks the base's bound, not the rate). A source offers it
by the words or the question types of its title (``title``, ``title_types``; field-aware, never the answer's text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Aspect:
    """One aspect: the words asking it, the types it needs (one of them) asked too, what a title offers it by."""

    name: str
    asked: tuple[str, ...]
    needs: frozenset[str] = frozenset()
    title: tuple[str, ...] = ()
    title_types: frozenset[str] = frozenset()
    unless: tuple[str, ...] = ()  # words of a question that asks something else ("一共有几家": a count, no total)
    also: tuple[tuple[str, ...], ...] = ()  # word groups each of which the question says one word of too
    drops: frozenset[str] = frozenset()  # question types its words read otherwise ("最低档是多少比例": no rate)

    def asked_by(self, text: str, types: frozenset[str]) -> bool:
        """Whether ``text`` (asking ``types``) asks this aspect."""
        if any(w in text for w in self.unless) or (self.needs and not self.needs & types):
            return False
        if not all(any(w in text for w in group) for group in self.also):
            return False
        return any(w in text for w in self.asked)

    def offered_by(self, title: str, types: frozenset[str]) -> bool:
        """Whether a source titled ``title`` (asking ``types``) answers this aspect."""
        return any(w in title for w in self.title) or bool(self.title_types & types)


def _words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list of words")
    return tuple(str(w) for w in value if str(w))


def _groups(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    """Word groups: a list of words is one group, a list of lists several."""
    if value is None:
        return ()
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return tuple(group for i, v in enumerate(value) if (group := _words(v, f"{where}[{i}]")))
    return (group,) if (group := _words(value, where)) else ()


def load_aspects(data: Any) -> tuple[Aspect, ...]:
    """The aspects of the ``aspects`` mapping of question_types.yml (None: none).

    Raises:
        ValueError: Not a mapping of name → {asked, with, also, drops, title, title_types, unless}, or an aspect
            asked by nothing.
    """
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise ValueError("aspects: expected `name: {asked: [...], ...}`")
    aspects = []
    for name, spec in data.items():
        if not isinstance(spec, dict):
            raise ValueError(f"aspects.{name}: expected a mapping")
        asked = _words(spec.get("asked"), f"aspects.{name}.asked")
        if not asked:
            raise ValueError(f"aspects.{name}: no words ask it")
        aspects.append(
            Aspect(
                str(name),
                asked,
                frozenset(_words(spec.get("with"), f"aspects.{name}.with")),
                _words(spec.get("title"), f"aspects.{name}.title"),
                frozenset(_words(spec.get("title_types"), f"aspects.{name}.title_types")),
                _words(spec.get("unless"), f"aspects.{name}.unless"),
                _groups(spec.get("also"), f"aspects.{name}.also"),
                frozenset(_words(spec.get("drops"), f"aspects.{name}.drops")),
            )
        )
    return tuple(aspects)
