"""The kind of borrower said earlier goes with a question about the loan's limit that names none.

"我开的是小微企业，想办担保贷款" then "能贷多少" asks the small enterprise's limit (300万元, 2 years), not a
person's 20万元: the knowledge base hears only the question, so the enterprise said in the conversation (the form's
business type or borrower, or the words of an earlier message) is put in front of it ("小微企业能贷多少").
"""

import re
from typing import Any

from rasa_sdk import Tracker

from actions.knowledge.subject_switch import SMALL_ENTERPRISE, WHO

LOAN = "guaranteed_loan"
ENTERPRISE = "enterprise"
# What a loan's limit or term is asked with ("能贷多少", "额度", "最长几年").
LIMIT_ASKED = re.compile(r"多少|额度|上限|最高|最多|最长|几年|期限|几万|多大")
LOAN_NAMED = re.compile(r"贷|借")
# An enterprise said as the borrower ("我们是小微企业", "以公司名义", "开的有限公司"), not a person's own business.
ENTERPRISE_WORDS = re.compile(r"小微企业|微型企业|小型企业|有限公司|公司|企业")
PERSON_WORDS = re.compile(r"个体工商户|个体户|个体|个人|我自己|一个人|合伙")
SLOTS = ("loan_borrower", "business_type")


def with_borrower(tracker: Tracker, query: str, item: str | None) -> str:
    """``query`` with the small enterprise in front when the conversation's borrower is one; else ``query``.

    Only for a question about the loan's limit or term ("能贷多少", "贷款最长几年") that names no kind of borrower.
    """
    about_loan = item == LOAN or bool(LOAN_NAMED.search(query))
    if not (about_loan and LIMIT_ASKED.search(query)) or WHO.search(query) or not enterprise_said(tracker):
        return query
    return f"{SMALL_ENTERPRISE}{query}"


def enterprise_said(tracker: Tracker) -> bool:
    """Whether the borrower of this conversation is an enterprise: the form's choice, else the latest words of one."""
    chosen = next((value for slot in SLOTS if (value := tracker.get_slot(slot)) is not None), None)
    if chosen is not None:  # the borrower chosen in the form, else the business type
        return chosen == ENTERPRISE
    for event in reversed(_user_events(tracker)[:-1]):
        text = str((event.get("parse_data") or {}).get("text") or event.get("text") or "")
        enterprise, person = ENTERPRISE_WORDS.search(text), PERSON_WORDS.search(text)
        if enterprise or person:
            return enterprise is not None and (person is None or enterprise.start() > person.start())
    return False


def _user_events(tracker: Tracker) -> list[dict[str, Any]]:
    return [event for event in tracker.events if event.get("event") == "user"]
