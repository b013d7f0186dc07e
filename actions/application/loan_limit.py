"""A loan amount or term over the limit: the service's reason names the limit; the reply offers to take it.

The service owns the limits (an individual 20万 and 3 years, a partnership 10% more per partner, an enterprise
300万) and says the one that applies ("个人创业担保贷款最高20万元（200000元），您填写的是50万元…"); the form adds how
to apply for the limit instead, so the user is never left with a refusal alone. "按最高的来", "就按上限", "期限拉满"
take the limit itself: the form asks the service for it (:func:`the_limit`) rather than knowing it.
"""

import re
from typing import Any

from actions.application.form_money import bare_term

LIMIT = re.compile(r"最高(?P<limit>\d+(?:\.\d+)?万)元")
# The limit in the service's reasons: "最高20万元（200000元）", "期限最长3年（36个月）".
AMOUNT_LIMIT = re.compile(r"最高[\d.]+万元（(?P<yuan>\d+)元）")
TERM_LIMIT = re.compile(r"最长\d+年（(?P<months>\d+)个月）")
# Stands for "the highest allowed" until the service says what that is for this borrower.
CAP = "最高"
# Over any limit: what the service is asked so that its reason names the limit.
PROBES = {"loan_amount": "99999万", "loan_term_months": "9999个月"}
# Asking for the limit instead of a figure ("按最高额度来", "就按上限", "贷满", "最长的期限", "能贷多少就贷多少").
WANTS_CAP = re.compile(
    r"按?(?:最高|上限|封顶|顶格|最多|最大|最长)(?:的|额度|金额|年限|期限|那个|来|吧|就行|好了)|(?:就|那就)?按(?:最高|上限|顶格|最多|最长)"
    r"|(?:贷|借|拉)满|顶格|能贷多少(?:就)?贷多少|能借多少(?:就)?借多少|能贷多久(?:就)?贷多久"
)
TERM_WORDS = re.compile(r"最长|年限|期限|多久|几年|时间")


def with_offer(problem: str) -> str:
    """``problem`` followed by how to take the limit when it is an amount over the limit; else ``problem``.

    Args:
        problem: The service's reason for refusing a loan amount.

    Returns:
        The reason, and for an amount over the limit "按最高额度申请的话回复“20万”…".
    """
    match = LIMIT.search(problem)
    if match is None or "您填写的是" not in problem:
        return problem
    return f"{problem}按最高额度申请的话回复“{match['limit']}”，也可以说一个少一点的金额，例如“15万”。"


def cap_asked(text: str, requested: Any) -> str | None:
    """The loan field whose limit the message asks for ("按最高额度来" → ``loan_amount``), or ``None``.

    "最长/期限/年限" name the term; otherwise the field asked, or the amount.

    Args:
        text: The message.
        requested: The step asked.
    """
    if not WANTS_CAP.search(text) or re.search(r"吗|？|\?|是多少|有多少|多少钱", text):
        return None  # "最高能贷多少？" asks the limit; it does not take it
    if TERM_WORDS.search(text) or (requested == "loan_term_months" and not re.search(r"额度|金额|万", text)):
        return "loan_term_months"
    return "loan_amount"


def the_limit(field: str, problem: str | None) -> str | None:
    """The limit a service's reason names for ``field`` ("…最高20万元（200000元）…" → "200000"), or ``None``."""
    pattern = AMOUNT_LIMIT if field == "loan_amount" else TERM_LIMIT
    match = pattern.search(problem or "")
    return match.group(1) if match else None


LIMITED = ("loan_amount", "loan_term_months")


def limits_asked(text: str, values: dict[str, Any], requested: Any, loan_chosen: bool) -> dict[str, Any]:
    """The loan's limits the message takes ("按最高额度来" → the amount's :data:`CAP`), and a term said beside them.

    Args:
        text: The message.
        values: The values read from it so far.
        requested: The step asked.
        loan_chosen: The loan is among the items.

    Returns:
        Slot → :data:`CAP` for the limit taken, and ``loan_term_months`` for "按最高额度来，3年".
    """
    implied: dict[str, Any] = {}
    capped = cap_asked(text, requested) if loan_chosen or requested in LIMITED else None
    if capped and capped not in values:
        implied[capped] = CAP  # the limit, asked of the service when validated
    amount_said = "loan_amount" in values or "loan_amount" in implied
    if amount_said and "loan_term_months" not in values and (term := bare_term(text)):
        implied["loan_term_months"] = term
    return implied
