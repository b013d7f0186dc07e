"""Who borrows, asked once when a company's founder gives a figure only a person's loan allows (D1, 14th analysis).

bundle.md gives a person's loan (20万, 3 years) and a small/micro enterprise's (300万, 2 years) but not that the
founder of a company must borrow as the company. The service takes the enterprise as the borrower when the business
type is 企业 and no borrower is said (``bundle_service.applications.loan_fields.borrower_of``), so "20万，3年" was
refused as over the enterprise's term. When the figure fits the person's limits and not the enterprise's, the form
keeps it and asks once "以个人名义还是以企业名义贷款？" with both limits (read from the service's policy file); the
answer settles it (an enterprise then hears the enterprise's limit from the service, as before).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml
from rasa_sdk import Tracker

from actions.application.loan_limit import LIMITED, POLICY_FILE
from contract.labels import CHOICE_LABELS

NAMES = CHOICE_LABELS["loan_borrower"]
ASKED_KEY = "以个人名义还是以企业名义贷款"
BUTTONS = [{"title": "以个人名义", "payload": "个人名义"}, {"title": "以企业名义", "payload": "企业名义"}]
# The answer in words: "我自己贷", "以公司名义", "合伙的", the person's own label.
BORROWER_WORDS = (
    ("partnership", re.compile(r"合伙|几个人一起|组织起来")),
    ("enterprise", re.compile(r"企业|公司")),
    ("individual", re.compile(r"个人|自己|本人|我的名义|我个人|以我")),
)


@functools.cache
def question() -> str:
    """The question with the person's and the small enterprise's limits from the service's policy file."""
    try:
        policy = yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))["guaranteed_loan"]
        limits = "；".join(
            f"{NAMES[code]}最高{int(policy[code]['max_amount_yuan']) // 10000}万、"
            f"最长{int(policy[code]['max_term_months']) // 12}年"
            for code in ("individual", "enterprise")
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        limits = "个人和小微企业的额度、期限不同"
    return f"{ASKED_KEY}？{limits}。请回复“{NAMES['individual']}”或“企业”。"


def borrower_said(text: str) -> str | None:
    """The borrower an answer names ("以个人名义" → ``individual``), or ``None``."""
    said = [code for code, pattern in BORROWER_WORDS if pattern.search(text)]
    return said[0] if len(said) == 1 else None


def asked_before(tracker: Tracker) -> bool:
    """Whether this form asked who borrows already (it is asked once)."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") is None:
            return False  # an earlier form ended
        if event.get("event") == "bot" and ASKED_KEY in str(event.get("text") or ""):
            return True
    return False


def ask_due(slot: str, slots: dict[str, Any], tracker: Tracker) -> bool:
    """A refused loan figure of a company's founder who said no borrower, not asked yet: ask before refusing.

    The caller checks that the figure fits a person's loan.
    """
    company = slots.get("business_type") == "enterprise" and not slots.get("loan_borrower")
    return slot in LIMITED and company and not asked_before(tracker)


def asked_this_turn(tracker: Tracker) -> bool:
    """Whether who borrows was asked since the user's latest message (the step's plain question then is not)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and ASKED_KEY in str(event.get("text") or ""):
            return True
    return False
