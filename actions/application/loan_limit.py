"""A loan amount or term over the limit: the service's reason names the limit; the reply offers to take it.

The service owns the limits (an individual 20万 and 3 years, a partnership 10% more per partner, an enterprise
300万) and says the one that applies ("个人创业担保贷款最高20万元（200000元），您填写的是50万元…"); the form adds how
to apply for the limit instead, so the user is never left with a refusal alone. "按最高的来", "就按上限", "期限拉满"
take the limit itself: the form asks the service for it (:func:`the_limit`) rather than knowing it.
"""

import functools
import re
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker

from actions.application.form_money import bare_term
from contract.labels import CHOICE_LABELS

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
    # the term as long as allowed ("越长越好", "尽量长点", "能多长就多长", "时间拉到最长")
    r"|越长越好|尽量长|尽可能长|能多长(?:就)?多长|能借多久(?:就)?借多久|(?:拉|放|定)到最长|(?:要|选|就)最长的?"
)
TERM_WORDS = re.compile(r"最长|年限|期限|多久|几年|时间|越长|尽量长|尽可能长|多长")


# The first over-limit reply's offer: said once, a second over-limit amount gets :func:`second_refusal`.
OFFER = "按最高额度申请的话回复“{limit}”，也可以说一个少一点的金额，例如“15万”。"
OFFERED = OFFER.split("“", 1)[0]
# The service's policy (the one owner of the limits): read for the limits of the borrowers not asked about.
POLICY_FILE = Path(__file__).resolve().parents[2] / "bundle_service" / "data" / "policy.yml"


def with_offer(problem: str, tracker: Tracker | None = None) -> str:
    """``problem`` followed by how to take the limit when it is an amount over the limit; else ``problem``.

    The second over-limit amount of a form is not answered with the same words (decision D4 of the twelfth
    analysis): :func:`second_refusal` names the person's and the small enterprise's limits and offers a person.

    Args:
        problem: The service's reason for refusing a loan amount.
        tracker: The conversation, to tell a second over-limit amount (without it, every one is a first).

    Returns:
        The reason, and for an amount over the limit "按最高额度申请的话回复“20万”…".
    """
    match = LIMIT.search(problem)
    if match is None or "您填写的是" not in problem:
        return problem
    if tracker is not None and offered_before(tracker):
        return second_refusal(problem)
    return problem + OFFER.format(limit=match["limit"])


def offered_before(tracker: Tracker) -> bool:
    """Whether this form already answered an amount over the limit (its offer is among the bot's replies)."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") is None:
            return False  # an earlier form ended: its refusals do not count
        if event.get("event") == "bot" and OFFERED in str(event.get("text") or ""):
            return True
    return False


def second_refusal(problem: str) -> str:
    """A second amount over the limit: both limits (the person's and the small enterprise's) and a person offered."""
    limits = borrower_limits()
    match = LIMIT.search(problem)
    said = "，".join(f"{who}最高{amount}" for who, amount in limits) or (match[0] if match else "有上限")
    return (
        f"这个金额还是超过了上限：创业担保贷款{said}。请说一个不超过上限的金额，例如“20万”；"
        "情况特殊、想问清楚的话，可以说“转人工”，由工作人员帮您看看。"
    )


@functools.cache
def borrower_limits() -> tuple[tuple[str, str], ...]:
    """The person's and the small/micro enterprise's loan limits from the service's policy file (empty without it)."""
    try:
        policy = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))["guaranteed_loan"]
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return ()
    names = CHOICE_LABELS["loan_borrower"]
    return tuple(
        (names[code], f"{int(policy[code]['max_amount_yuan']) // 10000}万元")
        for code in ("individual", "enterprise")
        if code in policy
    )


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
