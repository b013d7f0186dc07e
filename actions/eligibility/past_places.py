"""Where the person worked before ("在广东那边打了好多年工", "厂子在东莞"): their past, not the policy asked.

A returning founder tells their story with the province they worked in; the policy they ask about is Hunan's. The
clauses telling where they worked are left out before anything asks the service whether the message is about another
place's policy (its redirect names any other province it reads). A clause asking about that place's policy
("广东的返乡补贴多少") is kept, and is redirected as before.
"""

import re

CLAUSES = re.compile(r"[^，,。；;！!？?\s]+[，,。；;！!？?\s]*")
# Working somewhere: 打工/务工/上班, "打了N年工", "做了N年", "干了好些年", a factory there.
WORKED = re.compile(
    r"打工|务工|上班|打[了过][^，,。；;]{0,6}工|(?:做|干|待|呆|混|跑)了[^，,。；;]{0,5}(?:年|个月)|(?:做|干)过|"
    r"厂(?:子|里)?|工地|工厂|车间|流水线"
)
# Where: "在广东那边", "去浙江", "在外省", "厂子在东莞".
THERE = re.compile(r"在|去|到|跑|从")
# A clause that asks about the place's policy ("广东的返乡补贴有多少"): never left out.
ASKS_POLICY = re.compile(r"政策|补贴|补助|贷款|扶持|优惠|多少|能不能|可不可以|[吗么呢?？]")


def without_past_places(text: str) -> str:
    """``text`` without the clauses telling where the person worked before (their past, not the policy asked)."""
    kept = [
        clause
        for clause in CLAUSES.findall(text)
        if not (WORKED.search(clause) and THERE.search(clause) and not ASKS_POLICY.search(clause))
    ]
    return "".join(kept).strip() or text
