"""One message of the eligibility check read against the whole profile: the answer asked for, other facts, commands.

The check asks one profile field at a time, but people answer the way they talk: "开了一年半了，第一次创业" while
the category is asked, "不对，我是退役军人" at the last step, "是2020年毕业的" when asked whether it is their first
start-up. Facts said with their cue (…毕业, 开了…, 第一次, a category) go to the field they belong to, whichever
field is asked (:func:`actions.eligibility.situation.read`); only a message that states no such fact is read loosely as
the answer to the asked field ("2022", "两年", "是"), so a "是" before another fact never answers a yes/no question.
"上一步" and "重新填" are commands.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actions.application.form_cues import UNIVERSITY_GRADUATE
from actions.application.form_guard import BACK, RESTART
from actions.eligibility import negation, situation
from actions.steps import dates
from contract.labels import CHOICE_LABELS, FIELD_LABELS

PROFILE_SLOTS = {
    "person_category": "elig_person_category",
    "other_category": "elig_other_category",
    "graduation_year": "elig_graduation_year",
    "business_started_on": "elig_business_started_on",
    "first_time_founder": "elig_first_time_founder",
}
NO_BUSINESS = "none"
YES = re.compile(r"^(?:是|是的|对|对的|嗯|没错|第一次|头一次|首次)")
NO = re.compile(r"^(?:不是|否|没有|不|第二次)|以前.*(?:创过|开过|办过)")
LABELS = {slot: FIELD_LABELS[name] for name, slot in PROFILE_SLOTS.items()}  # the form's labels (contract)


@dataclass
class ProfileTurn:
    """What one message says for the eligibility check.

    Attributes:
        answer: The raw answer to the field asked, or ``None``.
        others: Other profile slots the message states (slot → raw value), e.g. a correction.
        shown: How dates in words were read (``去年毕业 → 2025年毕业``).
        command: ``back`` or ``restart``.
    """

    answer: Any = None
    others: dict[str, Any] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)
    command: str | None = None


def _year(text: str, shown: list[str]) -> int | None:
    year = dates.graduation_year(text, date.today())
    if year is not None:
        shown.append(year.shown)
    return year.year if year else None


def _start(text: str, intent: str, shown: list[str]) -> str | None:
    start = dates.business_start(text, date.today())
    if start is None:
        return NO_BUSINESS if intent == "deny" else None
    shown.append(start.shown)
    return NO_BUSINESS if start.started_on is None else start.started_on.isoformat()


def _first_time(text: str, intent: str) -> bool | None:
    said = situation.first_time(text)
    if said is None and intent in ("affirm", "deny"):
        said = intent == "affirm"
    if said is None and YES.search(text):
        said = True
    if said is None and NO.search(text):
        said = False
    return said


# Steps whose answer has words of its own (a group named or described, "都不是"), safe to read next to other facts.
CUED_BY_WORDS = frozenset({"elig_person_category", "elig_other_category"})


def loose_answer(slot: str, text: str, intent: str, entities: list[dict[str, Any]], shown: list[str]) -> Any:
    """The message as a whole read as the answer to ``slot`` ("2022", "两年", "是"), or ``None``."""
    readers: dict[str, Callable[[], Any]] = {
        "elig_person_category": lambda: situation.category(entities, text),
        "elig_other_category": lambda: NO_BUSINESS if situation.NONE_OF_THEM.search(text) else None,
        "elig_graduation_year": lambda: _year(text, shown),
        "elig_business_started_on": lambda: _start(text, intent, shown),
        "elig_first_time_founder": lambda: _first_time(text, intent),
    }
    reader = readers.get(slot)
    return reader() if reader else None


def stated_facts(text: str, entities: list[dict[str, Any]], today: date) -> tuple[dict[str, Any], list[str]]:
    """Profile slots the message states with their cue, and how dates were read.

    The category counts only when named (an entity, or a graduation from a university: 大学毕业, 本科毕业),
    never inferred from a bare graduation year; "都不是" answers whichever category question is asked, so it is
    left to :func:`loose_answer`.
    """
    said = situation.read(text, entities, today)
    facts: dict[str, Any] = {}
    if (category := situation.category(entities, "")) is not None:
        facts["elig_person_category"] = category
    elif UNIVERSITY_GRADUATE.search(text):
        facts["elig_person_category"] = "college_graduate"  # "我去年大学毕业"
    if "other_category" in said.profile:
        facts["elig_other_category"] = said.profile["other_category"]  # "脱贫户": not asked which group again
    if "graduation_year" in said.profile:
        facts["elig_graduation_year"] = said.profile["graduation_year"]
    if "business_started_on" in said.profile:
        facts["elig_business_started_on"] = said.profile["business_started_on"]
    elif said.profile.get("has_licence") is False:
        facts["elig_business_started_on"] = NO_BUSINESS
    if "first_time_founder" in said.profile:
        facts["elig_first_time_founder"] = said.profile["first_time_founder"]
    return facts, said.shown


def earlier_facts(events: list[dict[str, Any]], today: date) -> tuple[dict[str, Any], list[str]]:
    """Profile facts the user stated earlier in this conversation, before the message now being read.

    "我去年大学毕业，在家待着" said as a greeting is not asked again when the check starts two turns later. Only
    facts said with their cue count (a named or described category, …毕业, 开了…, 第一次); a later message wins.

    Args:
        events: The conversation's events (the tracker's), oldest first.
        today: The day relative dates count from.

    Returns:
        Profile slot → raw value, and how dates were read.
    """
    starts = [i for i, e in enumerate(events) if e.get("event") == "action" and e.get("name") == "action_session_start"]
    session = events[starts[-1] :] if starts else events
    user = [e for e in session if e.get("event") == "user"][:-1]  # the latest message is read by the caller
    facts: dict[str, Any] = {}
    shown: list[str] = []
    for event in user:
        parse = event.get("parse_data") or {}
        text = str(parse.get("text") or event.get("text") or "")  # as the NLU read it: its entities' offsets fit
        entities = list(parse.get("entities") or [])
        said, read = stated_facts(text, entities, today)
        if "elig_person_category" not in said and (described := situation.described_category(text)):
            said["elig_person_category"] = described
        facts.update(said)
        shown += read
    return facts, shown


def remembered(kept: dict[str, Any], shown: list[str]) -> list[str]:
    """How facts kept from earlier messages are shown back: the category's label, dates as read, a first start-up."""
    kept = {slot: value for slot, value in kept.items() if value not in (None, NO_BUSINESS)}
    said = [*shown] if "elig_graduation_year" in kept or "elig_business_started_on" in kept else []
    if category := kept.get("elig_person_category"):
        said.insert(0, CHOICE_LABELS["person_category"].get(str(category), str(category)))
    if kept.get("elig_first_time_founder") is not None:
        said.append("首次创业" if kept["elig_first_time_founder"] else "不是首次创业")
    return said


def read_turn(
    text: str, intent: str, entities: list[dict[str, Any]], requested: str, today: date | None = None
) -> ProfileTurn:
    """Read one message of the eligibility check while ``requested`` is asked.

    Args:
        text: The message.
        intent: Its intent.
        entities: Its entities.
        requested: The profile slot asked.
        today: The day relative dates count from.

    Returns:
        The answer to ``requested`` (if any), the other facts stated, and how dates were read.
    """
    if BACK.search(text):
        return ProfileTurn(command="back")
    if RESTART.search(text):
        return ProfileTurn(command="restart")
    entities = situation.group_entities(text, negation.not_negated(text, entities))  # not "什么叫…", "也不是…"
    facts, shown = stated_facts(text, entities, today or date.today())
    situation.asked_groups_dropped(text, entities, facts, ("elig_person_category", "elig_other_category", ""))
    if requested in CUED_BY_WORDS:
        text = situation.stated_part(text)  # the group is read from what is stated, not from a question
    if requested in facts:
        answer = facts.pop(requested)
        return ProfileTurn(answer=answer, others=facts, shown=shown)
    if facts:  # other facts with their cues: the asked field is not guessed from the rest of the message, except
        # a group read from its own words ("都不是，就普通人，店还没开" answers the category too)
        answer = loose_answer(requested, text, intent, entities, []) if requested in CUED_BY_WORDS else None
        return ProfileTurn(answer=answer, others=facts, shown=shown)
    loose: list[str] = []
    answer = loose_answer(requested, text, intent, entities, loose)
    return ProfileTurn(answer=answer, shown=loose)


def previous_step(requested: str | None, slots: dict[str, Any]) -> str | None:
    """The profile slot answered last before ``requested`` (what "上一步" asks again)."""
    order = list(PROFILE_SLOTS.values())
    end = order.index(requested) if requested in order else len(order)
    answered = [slot for slot in order[:end] if slots.get(slot) is not None]
    return answered[-1] if answered else None
