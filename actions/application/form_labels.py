"""One labelled extractor: every application field a message names, wherever it is said.

A message like "我叫孙强，身份证…，手机…，返乡农民工，项目叫湘味米粉店，餐饮业，个体户，地址长沙市岳麓区…，贷15万3年"
names many fields at once. The NLU gives the ID, phone, items, category, business type, amount and regions as
entities; this module adds what only a label or cue marks (a name after 我叫/他叫/姓名, a project after 项目叫/开个…店,
an industry ending in 业, an address with place markers, a loan term, dates of graduation and registration). It is
used for the message that starts the form, for the user's earlier turns, and for every turn inside it. A value is
taken only when its cue is there: nothing is guessed from position, so nothing lands in a field the user did not mean.
The name is read by :mod:`actions.application.form_names`, the project, industry and address by
:mod:`actions.application.form_business`,
with the cue words of :mod:`actions.application.form_cues`; this module puts them together with the numbers and dates.
The text is normalised first (:mod:`actions.application.form_text`), and a project said bare in a list or glued to
another field is settled last (:mod:`actions.application.form_project_parts`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from actions.application.form_address import read_address, rural_without_number
from actions.application.form_business import read_industry, read_project
from actions.application.form_cues import (
    BORROWS_ALONE,
    COOPERATIVE_PLANNED,
    ENTERPRISE_PLANNED,
    ENTITY_SLOTS,
    FRESH_GRADUATE,
    GRADUATION,
    IDENTITY,
    INDIVIDUAL_BUSINESS,
    OTHER_FIELD_WORDS,
    PARTNERS,
    PARTNERSHIP,
    SELF_CORRECTION,
    STARTED,
    UNIVERSITY_GRADUATE,
    segments,
)
from actions.application.form_lists import industry_between
from actions.application.form_money import (
    bare_term,
    names_loan,
    number,
    read_amount,
    read_sum,
    read_term,
    without_vague,
)
from actions.application.form_name_cues import plain_pronouns
from actions.application.form_names import read_name
from actions.application.form_numbers import read_numbers
from actions.application.form_project_parts import bare_project, untangle
from actions.application.form_text import capitals, simplified, spoken_digits
from actions.eligibility import negation, situation
from actions.eligibility.first_start import first_time
from actions.steps import dates
from contract.english_words import latin_only
from contract.labels import CHOICE_LABELS

# A remark in brackets after a value ("柳青松（小名松子）"): no part of it.
ASIDE = re.compile(r"\s*[（(][^（）()]{0,15}[）)]")


@dataclass
class Labelled:
    """Every field a message names.

    Attributes:
        values: Slot → raw value (validated by the service later).
        shown: Slot → how a normalised value is shown back (``去年毕业的 → 2025年毕业``).
        not_yet_registered: The message says the business is not registered yet.
        implied: Slot → a value the message gives without its own cue (:func:`implied_by`): used where that field
            is still empty, never over a value said.
    """

    values: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    not_yet_registered: bool = False
    implied: dict[str, Any] = field(default_factory=dict)


def implied_by(values: dict[str, Any]) -> dict[str, Any]:
    """Values the given ones imply: a graduation year ("22年毕业的") with no category makes the person 高校毕业生.

    The one owner of the rule, for the message that starts the form and for every turn inside it (only a graduate's
    year is read as a graduation year, see :func:`actions.steps.dates.graduation_year`).
    """
    if "graduation_year" in values and not values.get("person_category"):
        return {"person_category": "college_graduate"}
    return {}


def _entity_values(entities: list[dict[str, Any]], name: str) -> list[str]:
    return [str(e["value"]) for e in entities if e.get("entity") == name]


def read_dates(text: str, today: date, found: Labelled) -> None:
    """Graduation year (…毕业) and business start (开业/成立/开了…) through :mod:`actions.steps.dates`."""
    # the first part saying when ("大学毕业生 2022年毕业": the category names no year)
    graduated = (dates.graduation_year(part, today) for part in segments(text) if GRADUATION.search(part))
    if (year := next((y for y in graduated if y is not None), None)) is not None:
        found.values["graduation_year"] = year.year
        found.shown["graduation_year"] = year.shown
    said = [part for part in segments(text) if STARTED.search(part) and not GRADUATION.search(part)]
    starts = [start for part in said if (start := dates.business_start(part, today)) is not None]
    # "开了一年半了，…2025年5月开的业": a date said beats one estimated from a duration (the first of each kind)
    if start := next((s for s in starts if s.started_on and not s.approximate), starts[0] if starts else None):
        if start.not_yet:
            found.not_yet_registered = True
        elif start.started_on is not None:
            found.values["business_started_on"] = start.started_on.isoformat()
            found.shown["business_started_on"] = start.shown


def read_partners(text: str) -> int | None:
    """How many people start the business together ("三个人合伙" → 3; "我们俩" → 2), the person included."""
    if not (match := PARTNERS.search(text)):
        return None
    said = next(g for g in match.groups() if g).rstrip("个")
    return 2 if said in ("俩", "两") else number(said)


def _read_partners(text: str, values: dict[str, Any]) -> None:
    """A partnership's loan ("我们三个人合伙开的"): the borrower and the number of partners; alone: the person."""
    if BORROWS_ALONE.search(text):
        values["loan_borrower"] = "individual"
    elif PARTNERSHIP.search(text):
        values["loan_borrower"] = "partnership"
        if (count := read_partners(text)) is not None:
            values["partner_count"] = count


def _read_loan(text: str, entities: list[dict[str, Any]], values: dict[str, Any]) -> None:
    """The loan's amount in a message that names the loan, and its term said bare in a list ("…，两年，…")."""
    amounts = _entity_values(entities, "amount") or read_amount(text)
    if amounts and (names_loan(text) or "金额" in text):
        values["loan_amount"] = amounts[0]
    loan = names_loan(text, bool(_entity_values(entities, "amount")))
    if loan and "loan_term_months" not in values and (term := bare_term(text)):
        values["loan_term_months"] = term  # "想借18万开个烧烤店，个人名义，两年": the term, said bare


def business_type_in_words(text: str) -> str | None:
    """The one kind of business a message plans (个体户, 有限公司, 合作社), if it names exactly one and negates none."""
    stated = situation.stated_part(text)  # "个体户和公司有什么区别" asks, chooses nothing
    kinds = [
        kind
        for kind, pattern in (
            ("individual_business", INDIVIDUAL_BUSINESS),
            ("enterprise", ENTERPRISE_PLANNED),
            ("cooperative", COOPERATIVE_PLANNED),
        )
        if pattern.search(stated)
    ]
    return kinds[0] if len(kinds) == 1 else None


def read_labelled(
    text: str,
    entities: list[dict[str, Any]],
    today: date | None = None,
    third_person: bool = False,
    bare_numbers: bool = True,
) -> Labelled:
    """Every field the message names with an entity or a cue.

    Args:
        text: The user's message.
        entities: The NLU's entities for it.
        today: The day relative dates count from (today by default).
        third_person: The conversation is a hotline call: 他叫/她叫/来电人叫 name the applicant (:func:`read_name`).
        bare_numbers: Read an untagged mobile or ID number from its form alone (not while the bank account is asked).

    Returns:
        The values found, and how dates are shown back.
    """
    found = _read(text, entities, today, third_person, bare_numbers)
    if (cut := said_again_at(text)) is None:
        return found
    # "我是高校毕业生 不对 我是退役军人": a field named on both sides of the cue takes the later value
    after = [
        {**e, "start": int(e["start"]) - cut, "end": int(e["end"]) - cut}
        for e in entities
        if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and int(e["start"]) >= cut
    ]
    later = _read(text[cut:], after, today, third_person, bare_numbers)
    if "loan_amount" in found.values and (said := read_sum(text[cut:])):
        later.values.setdefault("loan_amount", said)  # "贷15万，不对，20万"
    if "loan_term_months" in found.values and (term := bare_term(text[cut:])):
        later.values.setdefault("loan_term_months", term)  # "3年，说错了，两年"
    for slot, value in later.values.items():
        if slot in found.values and found.values[slot] != value:
            found.values[slot] = value
            found.shown.pop(slot, None)
            if slot in later.shown:
                found.shown[slot] = later.shown[slot]
    found.implied = implied_by(found.values)
    return found


def said_again_at(text: str) -> int | None:
    """Where the value meant starts after a value taken back in the same message ("…不对，我是退役军人"), or ``None``.

    Only a cue with something after it counts ("我是退役军人，不对" alone corrects nothing here).
    """
    cues = [m for m in SELF_CORRECTION.finditer(text) if text[m.end() :].strip(" ，,。.！!~～")]
    return cues[-1].end() if cues and cues[-1].start() > 0 else None


def _read(
    text: str, entities: list[dict[str, Any]], today: date | None, third_person: bool, bare_numbers: bool
) -> Labelled:
    """:func:`read_labelled` on one stretch of a message."""
    found = Labelled()
    entities = without_vague(text, negation.not_negated(text, entities))  # "我也不是困难户": no category
    text = spoken_digits(capitals(simplified(unicodedata.normalize("NFKC", text))))
    text = plain_pronouns(text)  # "俺叫…" as "我叫…"
    for slot in ENTITY_SLOTS:
        if values := _entity_values(entities, slot):
            found.values[slot] = values[0]
    _read_category(text, found)
    read_numbers(text, found.values, bare_numbers)
    has_numbers = "id_number" in found.values or "phone" in found.values
    has_numbers = has_numbers or bool(found.values) or bool(_entity_values(entities, "item"))  # a list of fields
    readers = (
        ("applicant_name", lambda: read_name(ASIDE.sub("", text), has_numbers, third_person)),  # 柳青松（小名松子）
        ("project_name", lambda: read_project(text)),
        ("industry", lambda: read_industry(text)),
        ("premises_address", lambda: read_address(text)),
        ("loan_term_months", lambda: read_term(text)),
    )
    for slot, reader in readers:
        if (value := reader()) is not None:
            found.values[slot] = value
    if rural_without_number(address := str(found.values.get("premises_address") or "")):
        found.shown["premises_address"] = f"经营场所地址：{address}（没有门牌号就按这个填，不对请直接说）"
    untangle(found.values, text)
    _read_loan(text, entities, found.values)
    bare_project(text, found.values)
    if latin_only(str(found.values.get("project_name", ""))):
        del found.values["project_name"]  # "Hello，name：…": a Latin-only word is never a project's name
    if "industry" not in found.values and (industry := industry_between(text, found.values)):
        found.values["industry"] = industry
        bare_project(text, found.values)  # "做推拿，小梅推拿，生活服务，个体户": the industry read, the name is left
    for slot in ("project_name", "industry"):
        if OTHER_FIELD_WORDS.search(str(found.values.get(slot, ""))):
            del found.values[slot]  # "期限三年" is the term, never an industry; "尽量长的期限" no project
    _read_partners(text, found.values)
    read_dates(text, today or date.today(), found)
    if (first := first_time(text, about_business=True)) is not None:
        found.values["first_time_founder"] = first  # "第一次创业", "以前没开过店": not asked again
    found.implied = implied_by(found.values)
    return found


def _read_category(text: str, found: Labelled) -> None:
    """The person's category said in words the NLU tags none for: described, a graduate, a plain person, a group."""
    if "person_category" not in found.values and (described := situation.described_category(text)):
        found.values["person_category"] = described
    if "person_category" not in found.values and (UNIVERSITY_GRADUATE.search(text) or _fresh_graduate(text)):
        found.values["person_category"] = "college_graduate"  # "她叫王丽，去年大学毕业", "今年刚毕业"
    if "person_category" not in found.values and situation.PLAIN_PERSON.search(text):
        found.values["person_category"] = "other"  # "…88号我就是普通老百姓没什么特殊身份"
    if "person_category" not in found.values and _bare_other_in_list(text):
        found.values["person_category"] = "other"  # "4301…，138…，其他，项目…": the list of fields answered in order
    group = situation.other_group(text)  # "脱贫户", "建档立卡的": a person's words; a shop ("项目是个网店") is not
    group = None if group == "online_merchant" and not IDENTITY.search(text) else group
    if found.values.get("person_category", "other") == "other" and group:
        found.values.update(person_category="other", other_category=group)  # "我是易地搬迁的脱贫人口"


def _fresh_graduate(text: str) -> bool:
    """A fresh graduate said without the school ("刚毕业", "应届生"), not negated ("我不是应届的")."""
    return any(not negation.negated_at(text, m.start()) for m in FRESH_GRADUATE.finditer(text))


# A part of a list that is only the category's "none of these" (其他, 都不是): the category, said bare.
OTHER_LABEL = CHOICE_LABELS["person_category"]["other"]
OTHER_SAID_BARE = re.compile(rf"{OTHER_LABEL}(?:人员)?|其它|(?:{situation.NONE_OF_THEM.pattern})")
LIST_PARTS = re.compile(r"[，,、；;。\s]+")


def _bare_other_in_list(text: str) -> bool:
    """A list of fields ("4301…，138…，其他，项目…") with one part that is only 其他/都不是/普通人."""
    parts = [part for part in LIST_PARTS.split(text) if part]
    return len(parts) > 1 and any(OTHER_SAID_BARE.fullmatch(part) for part in parts)
