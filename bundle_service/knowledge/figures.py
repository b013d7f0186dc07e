"""Questions asking for a figure the answering source does not state: a content gap, said honestly.

"刻章要多少钱" scored the entry saying a seal can be booked after registration; "孵化基地房租每平减多少" the entry
saying rent is reduced; "SYB要上几天课" the list of courses. Each is the nearest text, but none states the price,
the area or the days asked: the policy (``bundle.md``) gives no such figure. A question asking for a figure
(``asks`` in ``knowledge_base/figures.yml``) whose answer as shown states none (no digit, no counted Chinese
numeral, no "free": ``states``) is answered with what the policy does not say and who to ask, never with the
neighbouring rule (:func:`ranking.decide`).

Some figures have a kind (``kinds`` of the file): a course's length, when a loan is paid out, the current market
rate, the documents a place asks for. A figure of another kind does not answer them ("GYB一期上几天课" is not
answered by the 5 working days the sign-up takes): the answer must also say what the figure is of (its ``states``
words; ``figure: false`` for documents, which are named, not counted).

A kind is also an aspect the policy does not state at all (``figure: false``): tax on the subsidy, an invoice quota,
a prize, the housing fund, closing a registration, how a person is recognised as hard to employ. "创业补贴到手要扣
个税吗" scored who may apply ("能。…都可以申领5000元"): the answer must say the aspect (its ``states`` words), else
the reply names the point the policy does not state (``what``) and who to ask (``who``). A kind may need a word of
each of its ``also`` groups said too and none of its ``unless`` words ("交多少钱" asks the pension's yuan only with
养老 said).
"""

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

FILE_NAME = "figures.yml"
# A figure in an answer: digits, or a Chinese numeral counting something ("三年", "两个", "五千元").
FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+(?:个|天|年|月|元|块|次|倍|成|周|%|万)")


# 几 is "a few" in a statement: right after a verb of having or owing ("有几万块存款", "欠着几块钱", "花了几万块")
TOLD_BEFORE = re.compile(r"(?:[有欠剩存攒挣赚亏赔借贷投花][着了过]?|[着了过])$")


def _told(word: str, text: str) -> bool:
    """Whether every ``word`` (a 几-word) in ``text`` tells an amount the speaker has, owes or spent: no question."""
    if not word.startswith("几"):
        return False
    at = [i for i in range(len(text)) if text.startswith(word, i)]
    return all(TOLD_BEFORE.search(text[max(0, i - 2) : i]) for i in at)


@dataclass(frozen=True)
class Kind:
    """A kind of figure: the words asking it, the words an answer stating it says, whether a number is needed."""

    name: str
    asks: tuple[str, ...]
    states: tuple[str, ...]
    figure: bool = True
    also: tuple[tuple[str, ...], ...] = ()  # word groups the question says one word of each of, too
    unless: tuple[str, ...] = ()  # words of a question asking something else
    what: str = ""  # the point not stated, as the reply names it ("创业补贴要不要交税")
    who: str = ""  # who to ask about it ("当地税务部门")

    def asked_in(self, text: str) -> bool:
        """Whether the question ``text`` asks this kind of figure."""
        if any(word in text for word in self.unless):
            return False
        if not all(any(word in text for word in group) for group in self.also):
            return False
        return any(word in text for word in self.asks)

    def stated_in(self, text: str) -> bool:
        """Whether the answer ``text`` states this kind of figure."""
        return (not self.figure or bool(FIGURE.search(text))) and any(word in text for word in self.states)


def _words(value: Any) -> tuple[str, ...]:
    return tuple(str(w) for w in value or [] if str(w))


def _groups(value: Any) -> tuple[tuple[str, ...], ...]:
    """Word groups: a list of words is one group, a list of lists several."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return tuple(group for v in value if (group := _words(v)))
    return (group,) if (group := _words(value)) else ()


def _kinds(value: Any, path: Path) -> tuple[Kind, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(isinstance(v, dict) and v.get("asks") for v in value.values()):
        raise ValueError(f"{path}: expected `kinds: {{name: {{asks: [...], states: [...]}}}}`")
    return tuple(
        Kind(
            str(name),
            _words(spec["asks"]),
            _words(spec.get("states")),
            bool(spec.get("figure", True)),
            _groups(spec.get("also")),
            _words(spec.get("unless")),
            str(spec.get("what") or ""),
            str(spec.get("who") or ""),
        )
        for name, spec in value.items()
    )


@dataclass(frozen=True)
class Figures:
    """The words that ask for a figure, the words of an answer that state one without digits, and the kinds.

    ``asked``: narrowed to one question (:meth:`asked_in`): the kinds it asks and whether it asks a plain figure.
    """

    asks_words: tuple[str, ...] = ()
    states_words: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    plain: bool = True  # a plain figure is asked (not only a kind)

    @classmethod
    def load(cls, path: Path) -> "Figures":
        """Read the file (missing: no question asks for a figure).

        Raises:
            ValueError: The file lacks the lists ``asks`` and ``states``, or ``kinds`` is malformed.
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        asks, states = (data.get(key) if isinstance(data, dict) else None for key in ("asks", "states"))
        if not isinstance(asks, list) or not isinstance(states, list):
            raise ValueError(f"{path}: expected the lists `asks` and `states`")
        return cls(_words(asks), _words(states), _kinds(data.get("kinds"), path))

    def asks(self, text: str) -> bool:
        """Whether the question ``text`` asks for a figure (a price, days, an area, a kind of figure)."""
        asking = [word for word in self.asks_words if word in text]
        return any(not _told(word, text) for word in asking) or any(kind.asked_in(text) for kind in self.kinds)

    def asked_in(self, text: str) -> "Figures":
        """These figures narrowed to what the question ``text`` asks: its kinds, and a plain figure or not."""
        kinds = tuple(kind for kind in self.kinds if kind.asked_in(text))
        return replace(self, kinds=kinds, plain=self.plain and (not kinds or any(w in text for w in self.asks_words)))

    def kinds_only(self, text: str) -> "Figures | None":
        """The kinds ``text`` asks, no plain figure ("还欠着几万房贷…交不交税": 几万 is told), or None for none."""
        kinds = tuple(kind for kind in self.kinds if kind.asked_in(text))
        return replace(self, kinds=kinds, plain=False) if kinds else None

    @property
    def unstated(self) -> tuple[str, str]:
        """The point a reply names as not stated and who to ask: the first kind asked that says ("": none)."""
        kind = next((k for k in self.kinds if k.what), None)
        return (kind.what, kind.who) if kind else ("", "")

    def states(self, text: str) -> bool:
        """Whether the answer ``text`` states what is asked: a figure (or that it is free), and each kind asked."""
        plain = not self.plain or bool(FIGURE.search(text)) or any(word in text for word in self.states_words)
        return plain and all(kind.stated_in(text) for kind in self.kinds)
