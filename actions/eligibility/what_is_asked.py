"""Which items a message about the person's situation asks about, and whether it asks for every item.

"当过兵，想开个洗车店，执照还没办，我都能享受哪些" asks about every item: the licence is a fact ("执照还没办"), not
what is asked. "出国读完书回来，想开个工作室，贷款能贷多少？补贴能领吗？" asks about the loan too: borrowing, in
this domain, is the guaranteed loan, whether the NLU tagged the word or not. Read by the eligibility router, the
own-case answer and :mod:`actions.eligibility.situation_questions`.
"""

import re
from typing import Any

from actions.conversation import question_shape

# "能享受哪些", "有啥政策": what the person can get, every item.
# "有没有什么照顾", "有没有扶持", "啥优惠": a benefit of any kind, asked about without naming one.
BENEFIT = r"政策|扶持|帮扶|支持|优惠|照顾|福利|好处|帮助|待遇"
WHAT_CAN_I_GET = re.compile(
    r"哪些|哪几|什么政策|什么扶持|啥政策|啥扶持|能享受|可以享受|匹配|有啥|有什么|都有啥|能办啥|能办什么|能办哪"
    rf"|有没有(?:什么|啥|哪些)?(?:{BENEFIT})|(?:什么|啥)(?:{BENEFIT})"
)
# "有没有什么照顾", "能享受什么": what support there is, in words that ask for benefits (not "要带哪些材料").
WHAT_FITS = re.compile(
    rf"(?:有没有|有无|有啥|有什么|有哪些|哪些|什么|啥)(?:的)?(?:{BENEFIT}|补助|补贴)|能享受|可以享受"
)
# The person speaks of themselves ("我退伍三年了"); a category described rather than named is theirs too.
SELF = re.compile(r"我|本人|咱|自己")
# Words before an item that make it a fact about the person ("还没领执照", "已经办了营业执照"), not what is asked.
HAD = re.compile(
    r"(?:还?没有?|已经?|刚|早就?)(?:办|领|拿|注册|申请|开|考)?(?:了|过|好|到)?(?:任何|什么|啥)?$"
    r"|(?:办|领|拿|注册|考)(?:了|过|好|到)$|有了?$"
)
# Words after an item that make it a fact ("执照还没办", "执照还没有", "营业执照已经办好了"); not a bare "没有" ending
# a question ("有什么补贴没有").
DONE_VERB = r"(?:办|弄|领|拿|注册|申请|开|考|搞)"
HAD_AFTER = re.compile(
    rf"^(?:也|都)?(?:(?:还没有?|还未|没有?|未|已经?|早就?){DONE_VERB}|还没有?(?=[，,。；;]|$))"
    r"(?:了|过|好|到|下来){0,2}(?:呢|的)?(?:[，,。；;]|$)"
)
# Borrowing asked in a question ("贷款能贷多少", "能借多少钱"); not 借鉴/借口/借助, not a housing or car loan.
BORROWING = re.compile(r"贷|借(?!鉴|口|助|用)")
OTHER_LOANS = re.compile(r"房贷|车贷|助学贷|网贷|经营贷|信用贷|欠|还(?:没|清|完|款|钱|贷)")
LOAN = "guaranteed_loan"
CLAUSES = re.compile(r"[，,。；;！!？?\s]+")


def _a_fact(text: str, entity: dict[str, Any], asking_all: bool) -> bool:
    """An item said as a fact about the person ("还没领执照", "执照还没办"), while every item is asked about."""
    start, end = entity.get("start"), entity.get("end")
    if not (asking_all and isinstance(start, int) and isinstance(end, int)):
        return False
    return bool(HAD.search(text[:start]) or HAD_AFTER.search(text[end:]))


def borrowing_asked(text: str) -> bool:
    """Whether a question clause of ``text`` asks about borrowing ("贷款能贷多少"; not "房贷还没还完，能领补贴吗")."""
    return any(
        BORROWING.search(clause) and not OTHER_LOANS.search(clause) and question_shape.is_question(clause)
        for clause in CLAUSES.split(text)
        if clause
    )


def items_asked(text: str, entities: list[dict[str, Any]]) -> list[str]:
    """The items a message names, each once, in order; asking what all can be had, not those said as a fact.

    The loan is asked when a question clause borrows ("贷款能贷多少？补贴能领吗？": both), tagged or not.
    """
    asking_all = bool(WHAT_CAN_I_GET.search(text))
    named = [
        (int(e.get("start") or 0), str(e["value"]))
        for e in entities
        if e.get("entity") == "item" and not _a_fact(text, e, asking_all)
    ]
    codes = [code for _, code in sorted(named)]
    if LOAN not in codes and borrowing_asked(text):
        at = BORROWING.search(text)
        codes.insert(sum(1 for start, _ in sorted(named) if at and start < at.start()), LOAN)
    return list(dict.fromkeys(codes))
