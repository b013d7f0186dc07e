"""The business in a message: the project's name, its industry and the premises' address (with city and county).

Part of the labelled extractor (:mod:`actions.form_labels`): each value is taken after its cue (项目叫, 行业, 地址)
or in a form that is plainly that field (…店, …业, an address with place markers), never from position alone.
"""

from __future__ import annotations

import re
from typing import Any

from actions.form_cues import (
    ADDRESS_DETAIL,
    ADDRESS_LABELLED,
    ADDRESS_MARKERS,
    ADDRESS_PREFIX,
    BUSINESS_TYPE_WORDS,
    HOME,
    INDUSTRY_LABELLED,
    INDUSTRY_LIKE,
    INDUSTRY_SEGMENT,
    NOT_INDUSTRY,
    PLACES,
    PROJECT_FOUNDED,
    PROJECT_LABELLED,
    PROJECT_OPENED,
    PROJECT_SUFFIX,
    SHOP_NAMED,
    segments,
)
from nlu_components.gazetteer import load_gazetteer


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
