"""A sum written in yuan ("贷150000元行吗") searched as the policy states its limits, in 万 ("贷15万行吗").

The knowledge base's limits and its examples say 20万 and 300万; "150000元" matched neither and the question drew an
out-of-scope example. A round sum of ten thousands said with 元/块 or right after 贷/借 is written in 万 for the search.
Numbers that are not sums (an application number, a phone, an ID) carry no such unit and keep their digits.
"""

import re

TEN_THOUSAND = 10_000
# digits of a sum: with its unit after, or right after a verb of borrowing
SUM = re.compile(r"(?:(?<=贷)|(?<=借)|(?<=贷款))(?P<a>\d{5,9})(?:元|块钱|块)?|(?P<b>\d{5,9})(?:元|块钱|块)")


def in_wan(query: str) -> str:
    """``query`` with each round sum in yuan written in 万 ("贷150000元行吗" → "贷15万行吗")."""

    def wan(found: re.Match[str]) -> str:
        digits = found.group("a") or found.group("b")
        value = int(digits)
        return f"{value // TEN_THOUSAND}万" if value % TEN_THOUSAND == 0 else found.group()

    return SUM.sub(wan, query)
