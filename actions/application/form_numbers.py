"""Numbers in a message for the application: ID, phone and bank account, after their cue or plain from their form.

Part of the labelled extractor (:mod:`actions.application.form_labels`). Of two mobile numbers the applicant's own
is taken, never one said as somebody else's.
"""

from __future__ import annotations

import re
from typing import Any

from actions.application.form_cues import (
    BANK_CUED,
    BARE_ID,
    BARE_PHONE,
    ID_CUED,
    OWN_BEFORE,
    PHONE_CUED,
    SOMEONE_ELSES_BEFORE,
)


def own_phone(text: str) -> str | None:
    """Of two or more mobile numbers, the applicant's: never one said as somebody else's; the last said as their own.

    "我老公电话是13907318826，不过留我自己的15807324470" → the second; ``None`` with fewer than two numbers.
    """
    said = list(BARE_PHONE.finditer(text))
    if len(said) < 2:
        return None
    theirs = [m for m in said if not SOMEONE_ELSES_BEFORE.search(text[max(0, m.start() - 12) : m.start()])]
    own = [m for m in theirs if OWN_BEFORE.search(text[max(0, m.start() - 12) : m.start()])]
    chosen = own or theirs
    return chosen[-1 if own else 0].group(0) if chosen else None


def read_numbers(text: str, values: dict[str, Any], bare_numbers: bool) -> None:
    """ID, phone and bank account after their cue, and numbers plain from their form the NLU did not tag."""
    if phone := own_phone(text):
        values["phone"] = phone  # of two numbers the person's own, whatever the NLU tagged first
    if "id_number" not in values and (match := ID_CUED.search(text)):
        values["id_number"] = re.sub(r"[\s-]", "", match.group("value"))
    if "phone" not in values and (match := PHONE_CUED.search(text)):
        values["phone"] = re.sub(r"[\s-]", "", match.group("value"))
    if match := BANK_CUED.search(text):
        values["bank_account"] = re.sub(r"[\s-]", "", match.group("value"))
    if bare_numbers:  # numbers the NLU did not tag (never while the bank account, which may have 18 digits, is asked)
        account = values.get("bank_account")
        if "id_number" not in values and (match := BARE_ID.search(text)) and match.group(0) != account:
            values["id_number"] = match.group(0).upper()
        if "phone" not in values and (match := BARE_PHONE.search(text)):
            values["phone"] = match.group(0)
