"""Where the person worked before ("在广东那边打了好多年工", "厂子在东莞"): their past, not the policy asked.

A returning founder tells their story with the province they worked in; the policy they ask about is Hunan's. The
clauses telling where they worked are left out before anything asks the service whether the message is about another
place's policy (its redirect names any other province it reads). A clause asking about that place's policy
("广东的返乡补贴多少") is kept, and is redirected as before.
"""

import re

CLAUSES = re.compile(r"[^，,。；;！!？?\s]+[，,。；;！!？?\s]*")
# Working somewhere: 打工/务工/上班, "打了N年工", "上了N年班", "做了N年", "干了好些年", a factory there.
WORKED = re.compile(
    r"打工|务工|上班|打[了过][^，,。；;]{0,6}工|上[了过][^，,。；;]{0,6}班|(?:做|干|待|呆|混|跑)了[^，,。；;]{0,5}(?:年|个月)|"
    r"(?:做|干)过|"
    r"厂(?:子|里)?|工地|工厂|车间|流水线"
)
# Where: "在广东那边", "去浙江", "在外省", "厂子在东莞".
THERE = re.compile(r"在|去|到|跑|从")
# A clause that asks about the place's policy ("广东的返乡补贴有多少"): never left out.
ASKS_POLICY = re.compile(r"政策|补贴|补助|贷款|扶持|优惠|多少|能不能|可不可以|[吗么呢?？]")


# Where the person worked, inside a clause that goes on to ask ("在广东打了十几年工今年回来了…有么子政策", dictated
# without punctuation): the place and the work, up to the work's words.
PAST_SPAN = re.compile(
    r"(?:在|去|到)[^，,。；;！!？?\s]{1,10}?"
    r"(?:打工|务工|上班|打[了过][^，,。；;\s]{0,6}?工|上[了过][^，,。；;\s]{0,6}?班|(?:做|干|待|呆|混)了[^，,。；;\s]{0,5}?年)"
)


def tells_past_place(clause: str) -> bool:
    """Whether a clause tells where the person worked ("在广东打了几年工"): their story, not a question about it."""
    return bool(WORKED.search(clause) and THERE.search(clause) and not ASKS_POLICY.search(clause))


def without_past_places(text: str) -> str:
    """``text`` without where the person worked before (their past, not the policy asked): its clauses, or its words."""
    kept = [PAST_SPAN.sub("", clause) for clause in CLAUSES.findall(text) if not tells_past_place(clause)]
    return "".join(kept).strip() or text
