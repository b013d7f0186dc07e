"""An item the question says it is not about ("创业补贴给多少钱，我不是问贷款"): neither searched nor filtered by.

Named beside the item asked, the loan's words drew the loan's amount as a second part of the answer, the one fact the
user had ruled out. A clause opening with a denial of asking (不是问, 不问, 不是说 …) that names an item and asks
no question of its own is taken out of the question, and a conversation item it names is dropped.
"不是说不用交材料吗" (a rhetorical question: isn't it said that …) ends as a question and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# "我不是问贷款", "不问补贴的事", "不是说培训", "别管贷款": a denial of asking and what it denies, to the clause's end.
DENIAL = re.compile(
    r"[，,。；;、\s]*(?:我|俺)?(?:并)?(?:不是问|不是要问|不是想问|不是在问|没问|没有问|不问|不想问|不想知道|不关心|不是说|"
    r"别管|不用管|先不管|先不说|别说)(?P<what>[^，,。？?！!；;]*)"
)
# A denied clause ending as a question is no denial but a question of its own ("不是说不用交材料吗").
ENDS_ASKING = re.compile(r"[吗嘛么呢]$")
QUESTION_MARKS = ("？", "?")


def unasked(text: str, items_of: Callable[[str], frozenset[str]]) -> tuple[str, frozenset[str]]:
    """``text`` without its clauses denying an item is asked, and the items those clauses name.

    Args:
        text: The normalised question.
        items_of: The item codes a text names (:meth:`combined.Combined.items`).

    Returns:
        The question as searched and the items it rules out (none: ``text`` unchanged).
    """
    ruled_out: set[str] = set()

    def drop(match: re.Match[str]) -> str:
        what = match.group("what")
        named = items_of(what)
        asking = ENDS_ASKING.search(what) or text[match.end() : match.end() + 1] in QUESTION_MARKS
        if not named or asking:
            return match.group(0)
        ruled_out.update(named)
        return ""

    kept = DENIAL.sub(drop, text).strip("，,。；;、 ")
    if not ruled_out or not kept:
        return text, frozenset()
    return kept, frozenset(ruled_out - items_of(kept))
