"""How an eligibility verdict reads: one line per item, a mark and a word for it, then the service's reason.

The word is there for people who do not see the mark: a hotline agent reading the reply aloud, voice output, a
screen reader. Both the full check (:mod:`actions.eligibility.eligibility`) and the answer about one or two named items
(:mod:`actions.eligibility.item_eligibility`) write their lines here.
"""

from __future__ import annotations

from typing import Any

NEEDS_MORE = "还需要知道"  # the service's reason while only information is missing
QUALIFIES, RULED_OUT, UNDECIDED = "✅", "❌", "❔"
# The word said after the item's name, unless the reason already starts with a verdict of its own ("符合条件").
WORDS = {QUALIFIES: "可以申请", RULED_OUT: "暂不符合", UNDECIDED: "还不能确定"}
SAYS_ITSELF = ("符合", "不符合", "暂不", "可以", NEEDS_MORE)
NONE_OF_THE_GROUPS = "none"  # the rarer groups' step answered "都不是" (the form's value, never the service's)
NOT_LISTED = "只面向政策列明的人员类别，您说都不属于，暂不符合。"


def for_the_service(profile: dict[str, Any]) -> dict[str, Any]:
    """The profile as the service takes it: "none of the rarer groups" states nothing (the service knows no such)."""
    return {
        field: value
        for field, value in profile.items()
        if not (field == "other_category" and value == NONE_OF_THE_GROUPS)
    }


def none_listed(entries: list[dict[str, Any]], profile: dict[str, Any]) -> list[dict[str, Any]]:
    """The service's verdicts with "none of the groups" taken as said: what still needs a group is not met.

    The service, told nothing about the rarer groups, answers "还需要知道…"; the person said they are in none of them
    ("都不是", "就普通人"), so the item is ruled out with that reason, never asked about again.
    """
    if profile.get("other_category") != NONE_OF_THE_GROUPS:
        return entries
    return [
        {**entry, "reason": NOT_LISTED}
        if not entry["qualifies"] and "other_category" in (entry.get("missing") or [])
        else entry
        for entry in entries
    ]


def mark_of(entry: dict[str, Any]) -> str:
    """✅ qualifies, ❔ only information is missing, ❌ ruled out."""
    if entry["qualifies"]:
        return QUALIFIES
    return UNDECIDED if str(entry["reason"]).startswith(NEEDS_MORE) else RULED_OUT


def verdict_lines(assessments: list[dict[str, Any]]) -> list[str]:
    """One line per item: mark, name, the verdict in words, the reason ("❌ 创业补贴申领：暂不符合。经营…")."""
    lines = []
    for entry in assessments:
        mark, reason = mark_of(entry), str(entry["reason"])
        said = reason if reason.startswith(SAYS_ITSELF) else f"{WORDS[mark]}。{reason}"
        lines.append(f"{mark} {entry['name']}：{said}")
    return lines
