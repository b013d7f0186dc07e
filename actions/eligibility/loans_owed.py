"""Business loans the person still owes, as a message says it: the loan's rule allows none but housing, car, study.

"经营贷还没还完" owes one; "房贷还在还" owes none that counts; "贷款早还清了" owes none. Read by
:func:`actions.eligibility.situation.read` for the profile and by the progress router for a credit statement.
"""

import re

# Loans still being repaid ("经营贷还没还完") or repaid ("贷款早还清了"): the loan's rule allows no other unpaid
# business loan but housing, car and student loans (bundle.md). Such a clause never says when a business started.
LOAN = re.compile(r"贷|借款|借的钱|欠银行")
UNPAID = re.compile(r"还没还|没还完|没还清|未还清|没结清|未结清|还在还|正在还|在还款|每月还|还欠|欠着|没还上|还没还上")
REPAID = re.compile(
    r"还清了|还完了|已还清|已经还清|已结清|结清了|还掉了|早还了|没有(?:其他|别的|任何)?(?:的)?(?:经营性?)?贷款"
)
EXEMPT_LOANS = re.compile(r"房贷|车贷|助学贷|房子的贷款|买车的贷款|学生贷")
BUSINESS_LOAN = re.compile(r"经营|生意|店|创业|网商贷|信用贷|周转|消费贷|公司")


def business_loans(clause: str) -> bool | None:
    """Whether a clause says the person still owes a business loan (True), owes none (False), or neither (``None``).

    A housing, car or student loan still being repaid does not count (the rule exempts them).
    """
    if not LOAN.search(clause):
        return None
    if REPAID.search(clause):
        return False
    if not UNPAID.search(clause):
        return None
    return not (EXEMPT_LOANS.search(clause) and not BUSINESS_LOAN.search(clause))


def loans_shown(clause: str, owes: bool) -> str:
    """How a loans clause was read, shown back ("房贷、车贷、助学贷款不算经营性贷款")."""
    if owes:
        return "有未还清的经营性贷款"
    return "房贷、车贷、助学贷款不算经营性贷款" if EXEMPT_LOANS.search(clause) else "没有未还清的经营性贷款"
