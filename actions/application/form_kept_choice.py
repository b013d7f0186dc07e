"""Of two values of one choice field in a message, the one the user keeps ("不做个体户了，还是合作社").

Part of :mod:`actions.application.form_values` (split from it by concern): a value negated or given up before it
("不搞合作社", "我不是退役军人") or after it ("个体户不弄了") is not the one meant; the other is.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.application.form_cues import GIVEN_UP_AFTER
from actions.eligibility.negation import NEGATION_BEFORE

# Words giving a choice up right before it ("不做个体户了", "不搞合作社"): not the one kept.
GIVEN_UP_BEFORE = re.compile(r"(?:不做|不办|不搞|不弄|不要|不想做|不想办|不开|不注册|不选|不用|不当)(?:那个|这个|成)?$")


def kept_choice(text: str, tracker: Tracker, slot: str) -> str | None:
    """Of two values of one choice field, the one not negated or given up ("身份应是残疾人那类，刚才说的失业不对")."""
    spans = [
        (int(e["start"]), int(e["end"]), str(e["value"]))
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == slot and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
    ]
    starts = {start for start, _, _ in spans}
    kept = [
        value
        for start, end, value in spans
        if not NEGATION_BEFORE.search(text[:start].rstrip("，, 也都还"))
        and not GIVEN_UP_BEFORE.search(text[:start])
        and not _given_up_after(text, end, starts)
    ]
    return kept[-1] if kept and len(kept) < len(spans) else None


def _given_up_after(text: str, end: int, starts: set[int]) -> bool:
    """The value ending at ``end`` is given up by the words after it ("个体户不弄了"), not set against another value.

    In "是合作社而不是个体户" the 不是 after 合作社 negates 个体户, the value it leads to: 合作社 is kept.
    """
    match = GIVEN_UP_AFTER.match(text[end:])
    if match is None:
        return False
    lead = re.match(r"[，,\s]*(?:是|那个|那种)?", text[end + match.end() :])
    return end + match.end() + (lead.end() if lead else 0) not in starts
