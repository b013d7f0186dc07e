"""The question itself: what is searched once relay and announcement words and traditional characters are gone.

Hotline staff type the caller's question with who asks it in front ("来电人问营业执照拿到以后税务那边要不要另外
跑", "她想知道…"); users announce theirs ("我想问一下…"). Those words say nothing about the topic, but they move the
dense score of every source by 0.02–0.03: the same question got three titles relayed and its answer directly
without them. A question typed in traditional characters ("創業擔保貸款") matched the simplified knowledge base
worse still (a menu instead of the answer). :func:`question_of` is the one place that makes the question plain, so
every path to the search (the bot, the hotline console's assist, hit testing, the API) searches the same text. The
words are data (``knowledge_base/relayed.yml``); the dialect words are the NLU's too (:mod:`contract.dialect`).
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc
import yaml

from bundle_service.knowledge.text import normalize
from contract.dialect import in_questions
from contract.numerals import in_digits

FILE_NAME = "relayed.yml"
# A relay opens the message or a clause; what follows it must still be a question (at least this many characters).
MIN_LEFT = 2
_CLAUSE_START = r"(?:^|(?<=[，,。；;：:！!？?\s]))"


@cache
def _t2s() -> opencc.OpenCC:
    """The traditional-to-simplified converter (built once per process)."""
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified characters ("創業擔保貸款" → "创业担保贷款"); simplified text is unchanged."""
    return str(_t2s().convert(text))


def _alternatives(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first (so 来电人 wins over 来)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Relays:
    """The pattern of relay and announcement words (``relayed.yml``); empty: nothing is dropped.

    ``same_words``: a word users say and the knowledge base's word for it (``same_words`` of the file: 费率 →
    缴费比例, 么子 → 什么), longest first; the question is searched in the knowledge base's words. Before them,
    the Hunan dialect words that ask or deny (好多 → 多少 after 有/要/拿…, not in "好多人"; 冇得 → 没有), read by
    :func:`contract.dialect.in_questions`, the words the NLU reads too.
    """

    pattern: re.Pattern[str] | None = None
    same_words: tuple[tuple[str, str], ...] = ()
    same_thing: re.Pattern[str] | None = None  # "A和B是一回事吗": the question is what A is

    @classmethod
    def load(cls, path: Path) -> "Relays":
        """Read the file (missing: no relay words).

        Raises:
            ValueError: A list of the file is missing or empty.
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lists = {}
        for key in ("askers", "adverbs", "modals", "verbs", "openers"):
            words = data.get(key) if isinstance(data, dict) else None
            if not isinstance(words, list) or not words:
                raise ValueError(f"{path}: expected a non-empty list `{key}`")
            lists[key] = [str(w) for w in words if str(w)]
        relay = (
            f"(?<!其)(?:{_alternatives(lists['askers'])})(?:{_alternatives(lists['adverbs'])})?"
            f"(?:{_alternatives(lists['modals'])})?(?:{_alternatives(lists['verbs'])})(?:一下|下)?"
        )
        opener = f"(?:{_alternatives(lists['openers'])})"
        same = data.get("same_words") or {}
        if not isinstance(same, dict):
            raise ValueError(f"{path}: expected `same_words: {{word: the knowledge base's word}}`")
        pairs = tuple(sorted(((str(k), str(v)) for k, v in same.items() if str(k)), key=lambda p: -len(p[0])))
        endings = [str(w) for w in data.get("same_thing") or [] if str(w)]
        same_thing = re.compile(f"^(?P<a>.{{2,12}}?)(?:和|跟|与|同)(?P<b>.{{2,12}}?)(?:{_alternatives(endings)})")
        # not "我问题…", "他了解了": the asking verb ends the relay, no noun or aspect follows it
        pattern = re.compile(f"{_CLAUSE_START}(?:{relay}|{opener})(?![题了过])[：:，,\\s]*")
        return cls(pattern, pairs, same_thing if endings else None)

    def what_is(self, text: str) -> str:
        """The question "A和B是一回事吗" as "A是什么" (``same_thing`` endings of the file); others unchanged."""
        match = self.same_thing.match(text) if self.same_thing is not None else None
        return f"{match.group('a')}是什么" if match else text

    def plain_words(self, text: str) -> str:
        """``text`` in the knowledge base's words (the dialect's words, then ``same_words``: "费率" → "缴费比例")."""
        text = in_questions(text)
        for said, ours in self.same_words:
            if said in text and ours not in text:
                text = text.replace(said, ours)
        return text

    def dropped(self, text: str) -> str:
        """``text`` without its relay and announcement words, unless nothing of a question would be left."""
        if self.pattern is None:
            return text
        plain = self.pattern.sub("", text)
        return plain if len(plain.strip("，,。？?！! ")) >= MIN_LEFT else text


def question_of(query: str, relays: Relays) -> str:
    """The question to search: normalised, simplified, in the knowledge base's words, relay words dropped.

    NFKC-normalised and lower-cased (:func:`text.normalize`), traditional characters simplified, numerals before a
    unit in digits as the knowledge base writes its figures ("贷壹拾伍万" → "贷15万", :mod:`contract.numerals`), the
    users' words for the knowledge base's (``same_words``), relay and announcement words dropped.
    """
    return relays.dropped(relays.plain_words(in_digits(simplified(normalize(query)))))
