"""Questions asking for a figure the answering source does not state: a content gap, said honestly.

"刻章要多少钱" scored the entry saying a seal can be booked after registration; "孵化基地房租每平减多少" the entry
saying rent is reduced; "SYB要上几天课" the list of courses. Each is the nearest text, but none states the price,
the area or the days asked: the policy (``bundle.md``) gives no such figure. A question asking for a figure
(``asks`` in ``knowledge_base/figures.yml``) whose answer as shown states none (no digit, no counted Chinese
numeral, no "free": ``states``) is answered with what the policy does not say and who to ask, never with the
neighbouring rule (:func:`ranking.decide`).
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FILE_NAME = "figures.yml"
# A figure in an answer: digits, or a Chinese numeral counting something ("三年", "两个", "五千元").
FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+(?:个|天|年|月|元|块|次|倍|成|周|%|万)")


@dataclass(frozen=True)
class Figures:
    """The words that ask for a figure, and the words of an answer that state one without digits."""

    asks_words: tuple[str, ...] = ()
    states_words: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> "Figures":
        """Read the file (missing: no question asks for a figure).

        Raises:
            ValueError: The file lacks the lists ``asks`` and ``states``.
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        asks, states = (data.get(key) if isinstance(data, dict) else None for key in ("asks", "states"))
        if not isinstance(asks, list) or not isinstance(states, list):
            raise ValueError(f"{path}: expected the lists `asks` and `states`")
        return cls(tuple(str(w) for w in asks if str(w)), tuple(str(w) for w in states if str(w)))

    def asks(self, text: str) -> bool:
        """Whether the question ``text`` asks for a figure (a price, days, an area)."""
        return any(word in text for word in self.asks_words)

    def states(self, text: str) -> bool:
        """Whether the answer ``text`` states a figure (or that it is free)."""
        return bool(FIGURE.search(text)) or any(word in text for word in self.states_words)
