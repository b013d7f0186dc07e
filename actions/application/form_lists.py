"""The industry in a list of fields, said bare or glued to the others by voice.

"项目小周水电，个体户，水电安装，益阳市赫山区桃花仑路3号": 水电安装 has no cue and no industry word the bot knows, yet
in a list it is plainly the industry: the short part right after the project, or next to the business type (before
or after it), that holds no other value, no place and no cue; failing that, the one part of the list no field took
(:func:`actions.application.form_leftover.leftover_industry`). Dictated without separators ("项目山里客栈个体户旅馆业
永州市冷水滩区梅湾路1号") the run is first cut at its labels (项目, 个体户) and where the address starts, so the same
reading applies.
"""

from __future__ import annotations

import re
from typing import Any

from actions.application.form_address import first_region
from actions.application.form_address_cues import ADDRESS_MARKERS
from actions.application.form_cues import BUSINESS_TYPE_WORDS, INDUSTRY_LIKE, NOT_INDUSTRY, segments
from actions.application.form_leftover import bare_industry, leftover_industry
from actions.application.form_money import only_figure
from nlu_components.gazetteer import load_gazetteer

BORROWER = re.compile(r"个人|名义")
# Who the person is, said bare in a list (其他人员, 其他, 都不是): the category's answer, never an industry.
CATEGORY_ANSWER = re.compile(r"其[他它](?:人员|人|类|类别|类型|情况)?|都不是|以上都不是")

NAMING = re.compile(r"叫|名字|名称|店名|定为|定成|取名|起名|就用|吧$")
# Labels a dictated run is cut at: a project's label and an individual business (a company's or cooperative's
# name may end in 公司/合作社, so those are not cut).
PROJECT_GLUED = re.compile(r"(?<=[\u4e00-\u9fff])(?=项目)")
INDIVIDUAL_GLUED = re.compile(r"(个体工商户|个体户)")
GLUED_SHORTEST = 12  # a run this long holding a business type and a place is a dictated list


def unglued(text: str) -> str:
    """The message with a dictated run cut at its labels and where its address starts, parts joined by "，".

    "项目山里客栈个体户旅馆业永州市冷水滩区梅湾路1号" → "项目山里客栈，个体户，旅馆业，永州市冷水滩区梅湾路1号".
    A part shorter than a list, or naming no business type, is kept as said.
    """
    parts: list[str] = []
    for part in segments(text):
        if len(part) < GLUED_SHORTEST or not BUSINESS_TYPE_WORDS.search(part):
            parts.append(part)
            continue
        start = first_region(part)
        head, address = (part[:start], part[start:]) if start else (part, "")
        parts += segments(INDIVIDUAL_GLUED.sub(r"，\1，", PROJECT_GLUED.sub("，", head)))
        parts += [address] if address else []
    return "，".join(parts)


def industry_between(text: str, named: dict[str, Any]) -> str | None:
    """In a list of fields, the industry said bare: next to the project or the business type, or the one part left.

    "项目青山竹编，竹编工艺，个体户，…", "项目小周水电，个体户，水电安装，…": the part is taken only when it holds no
    other value, no place and no cue word; right after the business type it must also look like an industry (no
    person's name, no plan, no number).
    """
    parts = _without_type_glue(segments(unglued(text)))
    project = str(named.get("project_name") or "")
    read = [str(value) for value in named.values() if isinstance(value, str | int) and str(value)]
    after_project = [(i + 1, False) for i, part in enumerate(parts) if project and project in part]
    before_type = [(i - 1, False) for i, part in enumerate(parts) if BUSINESS_TYPE_WORDS.fullmatch(part)]
    after_type = [(i + 1, True) for i, part in enumerate(parts) if BUSINESS_TYPE_WORDS.fullmatch(part)]
    for index, strict in [*after_project, *before_type, *after_type]:
        if not 0 <= index < len(parts):
            continue
        part = parts[index]
        taken = any(str(value) in part for value in named.values() if isinstance(value, str))
        if taken or not INDUSTRY_LIKE.fullmatch(part) or NOT_INDUSTRY.search(part) or ADDRESS_MARKERS.search(part):
            continue
        if only_figure(part) or BORROWER.search(part):  # "十六万", "两年", "个人名义": the loan's, never an industry
            continue
        if _category_said(part):  # "…，叫甜心小站，其他人员": the person's category
            continue
        if strict and not bare_industry(part, read):
            continue
        if not NAMING.search(part):  # "名字定为铁牛修车" is no industry
            return re.sub(r"^(?:做|搞|干)|的$", "", part)
    return leftover_industry(parts, named)


def _category_said(part: str) -> bool:
    """The part names who the person is: a category the gazetteer reads in it whole, or 其他 / 都不是 said bare."""
    spans = load_gazetteer().find(part)
    whole = any(span.entity == "person_category" and span.end - span.start == len(part) for span in spans)
    return whole or bool(CATEGORY_ANSWER.fullmatch(part))


def _without_type_glue(parts: list[str]) -> list[str]:
    """Parts with an individual business glued to the next word by voice split off ("个体户水电安装")."""
    split: list[str] = []
    for part in parts:
        match = re.fullmatch(r"(个体工商户|个体户)(?P<rest>[\u4e00-\u9fff]{2,10})", part)
        split += [match.group(1), match.group("rest")] if match else [part]
    return split
