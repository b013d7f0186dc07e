"""Benefits and schemes a question names that are not among the bundle's items ("稳岗补贴", "房租补贴").

"稳岗补贴能领多少钱" scores the start-up subsidy's amount and the out-of-scope example "稳岗补贴怎么申请" alike
(a few thousandths apart either way): the embedding hears "补贴能领多少钱", not which subsidy. Where the two score
alike, the scheme the question names decides (:func:`ranking.decide`): a scheme of ours is answered, another one
is declined by name. A scheme is named by a head word (补贴, 贷款, 保险 …) and the two characters before it, unless
those make one of the items' names (the NLU's gazetteer: 创业补贴, 担保贷款, 养老保险), end with a word that asks or
points (能领补贴, 申请贷款, 这个补贴), or describe our own items (开店补贴, 个人贷款): data in
``knowledge_base/other_schemes.yml``.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

FILE_NAME = "other_schemes.yml"
QUALIFIER_CHARS = 2  # what decides whether a scheme is named
LONGEST_NAME = 4  # the name said is the longest run of such characters before the head word ("电动车补贴")
# right after a bank's name: its own loan ("网商银行的贷款", "建行那个贷款"), not one through it ("农行能办担保贷款")
# ... unless the guaranteed loan is named: "邮储银行的贷款是不是创业担保贷款" asks about ours, lent by that bank
OUR_LOAN = re.compile(r"担保|创业贷|贴息贷")
BUNDLE = "一件事"
BUNDLE_QUOTES = re.compile(r"[“”\"'‘’「」《》]")
BANK_OWN_LOAN = re.compile(r"(?:家|的|那|这|那个|这个|那款|这款|的那个|的那款|出的|推的|里的)?(?:贷款|贷)")


def _is_han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= c <= "\u9fff" for c in text)


@dataclass(frozen=True)
class OtherSchemes:
    """Head words of benefits, what before them names no scheme, and the items' names (aliases)."""

    heads: tuple[str, ...] = ()
    not_last: frozenset[str] = frozenset()
    ours: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # other schemes named in full, longest first ("求职创业补贴")
    departments: tuple[tuple[tuple[str, ...], str], ...] = ()  # (words of a scheme's name, who answers for it)
    default_department: str = "负责它的部门"
    banks: tuple[str, ...] = ()  # banks' names, longest first ("建设银行", "建行")
    bank_loans: tuple[str, ...] = ()  # kinds of a bank's own loan ("快贷", "信用贷")
    bundles: tuple[str, ...] = ()  # other "一件事" bundles by what comes before 一件事 ("注销", "企业开办")

    @classmethod
    def load(cls, path: Path, aliases: tuple[str, ...] = ()) -> "OtherSchemes":
        """Read the file (missing: no scheme is ever named); ``aliases`` are the items' names.

        Raises:
            ValueError: The file lacks the lists ``heads``, ``not_last`` and ``ours``, or ``listed`` is no list.
        """
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lists = [data.get(key) if isinstance(data, dict) else None for key in ("heads", "not_last", "ours")]
        if not all(isinstance(value, list) for value in lists):
            raise ValueError(f"{path}: expected the lists `heads`, `not_last` and `ours`")
        heads, not_last, ours = ([str(v) for v in value or []] for value in lists)
        listed = data.get("listed") or []
        if not isinstance(listed, list):
            raise ValueError(f"{path}: `listed` must be a list of scheme names")
        names = tuple(sorted({str(v).strip() for v in listed if str(v).strip()}, key=len, reverse=True))
        who = data.get("departments") or {}
        rules = who.get("by_words") if isinstance(who, dict) else None
        if not isinstance(rules, list) or not all(
            isinstance(r, dict) and r.get("words") and r.get("who") for r in rules
        ):
            raise ValueError(f"{path}: expected `departments: {{by_words: [{{words: [...], who: ...}}]}}`")
        departments = tuple((tuple(str(w) for w in r["words"]), str(r["who"])) for r in rules)
        default = str(who.get("default") or cls.default_department)
        banks, bank_loans, bundles = (
            _longest_first(data.get(key), path, key) for key in ("banks", "bank_loans", "bundles")
        )
        return cls(
            tuple(heads),
            frozenset(not_last),
            frozenset(ours),
            aliases,
            names,
            departments,
            default,
            banks,
            bank_loans,
            bundles,
        )

    def listed(self, text: str) -> str:
        """The scheme ``text`` names in full: one of the file's ``listed`` names ("吸纳就业补贴"), else ``""``.

        A bank named with one of its own kinds of loan ("建行的快贷最高能贷多少") names that bank's product
        ("建行快贷"), and so does a bank right before 贷/贷款, with or without 的/那个 between ("网商银行的贷款好批吗":
        网商银行贷款, never the online merchants of 网商); a bank alone ("农行能办担保贷款吗") names none.
        """
        if name := next((name for name in self.names if name in text), ""):
            return name
        if bundle := self.other_bundle(text):
            return bundle
        bank = next((bank for bank in self.banks if bank in text), "")
        if not bank:
            return ""
        after = text[text.find(bank) + len(bank) :]
        if loan := next((loan for loan in self.bank_loans if loan in after), ""):
            return f"{bank}{loan}"
        own = BANK_OWN_LOAN.match(after) and not OUR_LOAN.search(text)
        return f"{bank}贷款" if own else ""

    def other_bundle(self, text: str) -> str:
        """Another "一件事" bundle ``text`` names ("注销一件事在哪办" → 注销一件事), else ``""``.

        The province runs many bundles; ours is the personal entrepreneurship one. A question about another one
        ("企业开办一件事要几天") is declined by name, never answered with our bundle's entry points, days or items.
        Quotes around 一件事 are the same name ("注销“一件事”").
        """
        plain = BUNDLE_QUOTES.sub("", text)
        return next((f"{name}{BUNDLE}" for name in self.bundles if f"{name}{BUNDLE}" in plain), "")

    def department(self, scheme: str) -> str:
        """Who answers for ``scheme``: the first ``departments`` rule a word of which its name holds, else the default.

        "农机购置补贴" is the farm department's, "网捷贷" its bank's, "稳岗补贴" the human-resources department's.
        """
        return next(
            (who for words, who in self.departments if any(w in scheme for w in words)), self.default_department
        )

    def named(self, text: str) -> str:
        """The first scheme ``text`` names that is none of the items ("稳岗补贴"), else ``""``."""
        return self.listed(text) or _named(self, text)

    def __hash__(self) -> int:
        """Hashable for the cache (the tables never change after loading)."""
        return id(self)


def _longest_first(value: object, path: Path, key: str) -> tuple[str, ...]:
    """The names of the list ``key`` (none when missing), longest first so that 建设银行 wins over 建行."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{path}: `{key}` must be a list of names")
    return tuple(sorted({str(v).strip() for v in value if str(v).strip()}, key=len, reverse=True))


@lru_cache(maxsize=8192)
def _named(table: OtherSchemes, text: str) -> str:
    for head in table.heads:
        start = text.find(head)
        while start >= 0:
            before = text[max(0, start - QUALIFIER_CHARS) : start]
            name = before + head
            if (
                len(before) == QUALIFIER_CHARS
                and _is_han(before)
                and before[-1] not in table.not_last
                and before not in table.ours
                and not any(name in alias or alias.endswith(name) for alias in table.aliases)
            ):
                at = start - QUALIFIER_CHARS
                while (
                    at > max(0, start - LONGEST_NAME) and _is_han(text[at - 1]) and text[at - 1] not in table.not_last
                ):
                    at -= 1  # the whole name said ("电动车补贴")
                return text[at:start] + head
            start = text.find(head, start + 1)
    return ""
