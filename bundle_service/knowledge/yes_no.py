"""A yes/no verdict opening an answer, shown only to a question it answers (``knowledge_base/yes_no.yml``).

Many FAQs answer a yes/no question and open with the verdict ("能。", "有，", "不用。"). Found for a question that
asks how many, what or how ("一个身份证能开几家个体户" drew "能。个体工商户…"; "省级孵化基地有几个" "有，全省有8个"),
the verdict asserts an answer to a question the user did not ask. The verdict is kept for a yes/no question
("…吗", "能不能…") and for one asking nothing else ("那刑满释放人员呢"); otherwise the answer starts after it.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FILE_NAME = "yes_no.yml"
LISTS = ("openers", "asks", "other")
_OPENER_END = "。，,；;！!"
_A_NOT_A = re.compile(r"(\w)[不没]\1")  # 能不能, 有没有, 要不要


@dataclass(frozen=True)
class YesNo:
    """The verdict words answers open with, the words of a yes/no question, and of a question asking more."""

    openers: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    other: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> "YesNo":
        """Read the file (missing: every opener is shown).

        Raises:
            ValueError: ``openers``, ``asks`` or ``other`` is not a list of words.
        """
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {key: [] for key in LISTS}
        if not isinstance(data, dict) or not all(isinstance(data.get(key), list) for key in LISTS):
            raise ValueError(f"{path}: expected the lists `openers`, `asks` and `other`")
        openers, asks, other = (tuple(str(w) for w in data[key] if str(w)) for key in LISTS)
        return cls(tuple(sorted(openers, key=len, reverse=True)), asks, other)

    def asks_yes_no(self, question: str) -> bool:
        """Whether ``question`` is a yes/no question ("…吗", "能不能…")."""
        return any(word in question for word in self.asks) or bool(_A_NOT_A.search(question))

    def shown(self, answer: str, question: str) -> str:
        """``answer`` without its yes/no opener when ``question`` asks something else and no yes/no."""
        if not question or self.asks_yes_no(question) or not any(word in question for word in self.other):
            return answer
        opener = next((w for w in self.openers if answer.startswith(w) and answer[len(w) : len(w) + 1]), "")
        if not opener or answer[len(opener)] not in _OPENER_END:
            return answer
        rest = answer[len(opener) + 1 :].lstrip()
        return rest or answer
