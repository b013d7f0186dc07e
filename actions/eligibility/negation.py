"""A group of people the person says they are not ("也不是困难户", "既没下岗也不是退役军人", "没当过兵").

Read by :mod:`actions.eligibility.situation` (the category) and by the forms (a category denied is no answer).
"""

import re
from typing import Any

# Words denying a group just before it ("也不是困难户", "不算失业的", "并非退役军人"): that group is not the person's.
NEGATION_BEFORE = re.compile(r"(?:不是|不算|并非|不属于|算不上|没登记|没有登记)(?:什么|啥|一个|个|那种|那个)?$")


# A negation over a list ("既不是退役军人也不是下岗的", "不是大学生、农民工或者残疾人"): every group named after it,
# up to the end of its clause, is not the person's. "没/没有" negates only what follows at once ("没下岗", "没当过兵").
NEGATES_LIST = re.compile(r"不是|不算|并非|不属于|算不上")
NEGATES_NEXT = re.compile(r"(?:从来|从|还|也|既)?(?:没有|没|未曾|不曾|未)(?:什么|啥)?")
# What may stand between 没 and the group it denies ("没当过兵", "没有登记失业"); "没想到退役后…" denies nothing.
BETWEEN_NEGATION = re.compile(r"(?:当过|当|做过|干过|是|被|参加过|办过|登记过)?")
SCOPE_ENDS = re.compile(r"[，,。；;！!？?]|但|可是|而是|只是|就是|我是|本人是")


def negated_at(text: str, start: int) -> bool:
    """Whether a group named at ``start`` is denied ("也不是困难户", "既没下岗也不是退役军人"; see NEGATES_LIST)."""
    if NEGATION_BEFORE.search(text[:start].rstrip("，, 也都还")):
        return True
    for match in NEGATES_LIST.finditer(text, 0, start):
        end = SCOPE_ENDS.search(text, match.end())
        if match.end() <= start < (end.start() if end else len(text)):
            return True
    return any(
        m.end() <= start and BETWEEN_NEGATION.fullmatch(text[m.end() : start])
        for m in NEGATES_NEXT.finditer(text, 0, start)
    )


def not_negated(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entities without a category said after a negation ("我也不是困难户" names no category)."""
    return [
        e
        for e in entities
        if e.get("entity") != "person_category"
        or not isinstance(e.get("start"), int)
        or not negated_at(text, e["start"])
    ]
