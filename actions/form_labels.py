"""One labelled extractor: every application field a message names, wherever it is said.

A message like "我叫孙强，身份证…，手机…，返乡农民工，项目叫湘味米粉店，餐饮业，个体户，地址长沙市岳麓区…，贷15万3年"
names many fields at once. The NLU gives the ID, phone, items, category, business type, amount and regions as
entities; this module adds what only a label or cue marks (a name after 我叫/他叫/姓名, a project after 项目叫/开个…店,
an industry ending in 业, an address with place markers, a loan term, dates of graduation and registration). It is
used for the message that starts the form, for the user's earlier turns, and for every turn inside it. A value is
taken only when its cue is there: nothing is guessed from position, so nothing lands in a field the user did not mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import cn2an

from actions import dates, situation
from actions.form_cues import (
    ADDRESS_DETAIL,
    ADDRESS_LABELLED,
    ADDRESS_MARKERS,
    ADDRESS_PREFIX,
    AMOUNT_CUED,
    BARE_ID,
    BARE_PHONE,
    BUSINESS_TYPE_WORDS,
    ENTITY_SLOTS,
    GRADUATION,
    HOME,
    ID_CUED,
    INDUSTRY_LABELLED,
    INDUSTRY_LIKE,
    INDUSTRY_SEGMENT,
    LEADING_NAME,
    LOAN_WORDS,
    NAME,
    NAME_THIRD_PERSON,
    NOT_INDUSTRY,
    PHONE_CUED,
    PLACES,
    PROJECT_FOUNDED,
    PROJECT_LABELLED,
    PROJECT_OPENED,
    PROJECT_SUFFIX,
    SEPARATORS,
    SHOP_BEFORE,
    SHOP_NAMED,
    SHOP_WORDS,
    STARTED,
    SURNAME_GIVEN,
    SURNAME_THEN_NAME,
    TERM,
    THIRD_PERSON,
    TRADITIONAL,
)
from actions.form_guard import plausible_name
from nlu_components.gazetteer import load_gazetteer


@dataclass
class Labelled:
    """Every field a message names.

    Attributes:
        values: Slot → raw value (validated by the service later).
        shown: Slot → how a normalised value is shown back (``去年毕业的 → 2025年毕业``).
        not_yet_registered: The message says the business is not registered yet.
    """

    values: dict[str, Any] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    not_yet_registered: bool = False


def _entity_values(entities: list[dict[str, Any]], name: str) -> list[str]:
    return [str(e["value"]) for e in entities if e.get("entity") == name]


def segments(text: str) -> list[str]:
    """The message cut at punctuation, each part stripped."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def _surname_and_name(text: str) -> str | None:
    """A name said with its surname first: 姓王名建国, 姓王叫建国, 我姓王，叫王建国."""
    if match := SURNAME_THEN_NAME.search(text):
        return match.group("name")
    if match := SURNAME_GIVEN.search(text):
        return match.group("surname") + match.group("given")
    return None


def read_name(text: str, has_numbers: bool, third_person: bool = False) -> str | None:
    """A personal name said with a cue (我叫/姓X名Y), or leading a message that gives an ID or phone.

    Args:
        text: The message.
        has_numbers: The message also gives an ID number or a phone number.
        third_person: The conversation is a hotline call, where 他叫/她叫/来电人叫 name the applicant (the caller);
            anywhere else those cues name somebody else and nothing is read from them.
    """
    if said := _surname_and_name(text):
        return said
    patterns = (NAME, NAME_THIRD_PERSON) if third_person else (NAME,)
    for match in (m for pattern in patterns for m in pattern.finditer(text)):
        if _personal(match.group("name")) and not SHOP_BEFORE.search(text[: match.start()]):
            return match.group("name")
    if not third_person and THIRD_PERSON.search(text):
        return None  # "他叫王刚，身份证…" in a user's own chat: someone else's details, not a name to guess
    leading = LEADING_NAME.match(text) if has_numbers else None
    if leading is not None and plausible_name(leading.group("name")):
        return leading.group("name")
    if has_numbers:  # "帮来电人办理：黄大明，身份证…": a part that is only a name, near the start
        parts = [part.strip() for part in re.split(r"[，,。；;：:\s]+", text) if part.strip()]
        return next((part for part in parts[:4] if plausible_name(part)), None)
    return None


def _personal(name: str) -> bool:
    """A plausible personal name that is not a shop's (李记米粉, 王家小馆)."""
    return plausible_name(name) and not SHOP_WORDS.search(name)


def read_project(text: str) -> str | None:
    """A project name after 项目叫/店名/…店，名字叫, in 开个…店 or 成立…公司."""
    for pattern in (PROJECT_LABELLED, SHOP_NAMED, PROJECT_FOUNDED, PROJECT_OPENED):
        if match := pattern.search(text):
            return match.group("value")
    return None


def read_industry(text: str) -> str | None:
    """An industry after 行业 or a part like 餐饮业 / 零售."""
    if match := INDUSTRY_LABELLED.search(text):
        return match.group("value")
    for part in segments(text):
        if (match := INDUSTRY_SEGMENT.match(part)) and not NOT_INDUSTRY.search(match.group("value")):
            value = match.group("value")
            return value[:-2] if value.endswith("行业") else value
    return None


def read_address(text: str) -> str | None:
    """The part of a message that is an address: place markers and a road, number, village or group."""
    if (match := ADDRESS_LABELLED.search(text)) and ADDRESS_MARKERS.search(match.group("value")):
        return match.group("value")
    for part in segments(text):
        if re.search(r"\d{7,}", part) or not (ADDRESS_MARKERS.search(part) and ADDRESS_DETAIL.search(part)):
            continue
        if HOME.match(part):
            continue  # where someone lives is not where the business is
        value = ADDRESS_PREFIX.sub("", part, count=1).strip()
        if len(value) >= 5:
            return value
    return None


def places_in_address(address: str) -> list[str]:
    """The prefecture (市州) and county (县市区) of an address, city first: 醴陵市来龙门街道… → 株洲市, 醴陵市.

    Hunan's places come from the NLU gazetteer (``nlu_data/gazetteer/region.yml``, one owner of the facts): a
    county-level name gives its prefecture even when the address does not write it (攸县…, 湘西州吉首市…). An
    address naming no known place falls back to what its form says (…市…区).
    """
    regions = [str(span.value) for span in load_gazetteer().find(address) if span.entity == "region"]
    parents = load_gazetteer().parents
    county: str | None = next((name for name in reversed(regions) if name in parents), None)
    city = parents[county] if county else (regions[0] if regions else None)
    if city or county:
        return [name for name in (city, county) if name]
    match = PLACES.match(address)
    return [name for name in (match.group("city"), match.group("county")) if name] if match else []


def _number(word: str) -> int | None:
    try:
        return int(cn2an.cn2an(word, "smart"))
    except ValueError:
        return None


def read_term(text: str) -> int | None:
    """The loan term in months from 期限3年 / 贷三年 / 36个月 / 3年期."""
    match = TERM.search(text)
    if not match:
        return None
    number = _number(match.group("n") or match.group("n2") or match.group("n3"))
    unit = match.group("unit") or match.group("unit2") or match.group("unit3")
    if number is None:
        return None
    return number * 12 if unit == "年" else number


def read_dates(text: str, today: date, found: Labelled) -> None:
    """Graduation year (…毕业) and business start (开业/成立/开了…) through :mod:`actions.dates`."""
    graduated = next((part for part in segments(text) if GRADUATION.search(part)), None)
    if graduated and (year := dates.graduation_year(graduated, today)) is not None:
        found.values["graduation_year"] = year.year
        found.shown["graduation_year"] = year.shown
    started = next((part for part in segments(text) if STARTED.search(part) and not GRADUATION.search(part)), None)
    if started and (start := dates.business_start(started, today)):
        if start.not_yet:
            found.not_yet_registered = True
        elif start.started_on is not None:
            found.values["business_started_on"] = start.started_on.isoformat()
            found.shown["business_started_on"] = start.shown


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
    found = Labelled()
    text = simplified(text)
    for slot in ENTITY_SLOTS:
        if values := _entity_values(entities, slot):
            found.values[slot] = values[0]
    if "person_category" not in found.values and (described := situation.described_category(text)):
        found.values["person_category"] = described
    if "id_number" not in found.values and (match := ID_CUED.search(text)):
        found.values["id_number"] = re.sub(r"[\s-]", "", match.group("value"))
    if "phone" not in found.values and (match := PHONE_CUED.search(text)):
        found.values["phone"] = re.sub(r"[\s-]", "", match.group("value"))
    if bare_numbers:  # numbers the NLU did not tag (never while the bank account, which may have 18 digits, is asked)
        if "id_number" not in found.values and (match := BARE_ID.search(text)):
            found.values["id_number"] = match.group(0).upper()
        if "phone" not in found.values and (match := BARE_PHONE.search(text)):
            found.values["phone"] = match.group(0)
    has_numbers = "id_number" in found.values or "phone" in found.values
    has_numbers = has_numbers or bool(found.values) or bool(_entity_values(entities, "item"))  # a list of fields
    readers = (
        ("applicant_name", lambda: read_name(text, has_numbers, third_person)),
        ("project_name", lambda: read_project(text)),
        ("industry", lambda: read_industry(text)),
        ("premises_address", lambda: read_address(text)),
        ("loan_term_months", lambda: read_term(text)),
    )
    for slot, reader in readers:
        if (value := reader()) is not None:
            found.values[slot] = value
    amounts = _entity_values(entities, "amount") or read_amount(text)
    if amounts and (LOAN_WORDS.search(text) or "额度" in text or "金额" in text):
        found.values["loan_amount"] = amounts[0]
    if "industry" not in found.values and (industry := industry_between(text, found.values)):
        found.values["industry"] = industry
    read_dates(text, today or date.today(), found)
    return found


def simplified(text: str) -> str:
    """Traditional characters as simplified ones (張偉 → 张伟, 餐飲 → 餐饮); the rest unchanged."""
    converted = str(TRADITIONAL.convert(text))
    return converted if len(converted) == len(text) else text


def read_amount(text: str) -> list[str]:
    """A loan amount in 万 the NLU missed, e.g. glued to the term ("贷款12万3年" → 120000)."""
    match = AMOUNT_CUED.search(text)
    number = _number(match.group("n")) if match else None
    return [str(number * 10000)] if number else []


def industry_between(text: str, named: dict[str, Any]) -> str | None:
    """In a list of fields, the unlabelled part right after the project or right before the business type.

    "项目青山竹编，竹编工艺，个体户，…": 竹编工艺 is the industry. Only a short part of Chinese characters that
    holds no other value, no place and no cue word is taken.
    """
    parts = segments(text)
    project = str(named.get("project_name") or "")
    after_project = [i + 1 for i, part in enumerate(parts) if project and project in part]
    before_type = [i - 1 for i, part in enumerate(parts) if BUSINESS_TYPE_WORDS.fullmatch(part)]
    for index in [*after_project, *before_type]:
        if not 0 <= index < len(parts):
            continue
        part = parts[index]
        taken = any(str(value) in part or part in str(value) for value in named.values() if isinstance(value, str))
        if taken or not INDUSTRY_LIKE.fullmatch(part) or NOT_INDUSTRY.search(part) or ADDRESS_MARKERS.search(part):
            continue
        return part
    return None


def kind_of_free_text(value: str) -> str | None:
    """Which free-text field a bare answer plainly is: ``industry`` (餐饮, 零售业) or ``project_name`` (…米粉店)."""
    if (match := INDUSTRY_SEGMENT.match(value)) and not NOT_INDUSTRY.search(match.group("value")):
        return "industry"
    if re.fullmatch(rf"[\u4e00-\u9fffA-Za-z0-9]{{1,14}}{PROJECT_SUFFIX}", value):
        return "project_name"
    return None


def loan_named(text: str) -> bool:
    """The message asks for a loan in words (贷15万, 贷款, 借款) without naming the item."""
    return bool(LOAN_WORDS.search(text))
