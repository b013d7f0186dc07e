"""Corrections in a message for the application: a labelled field changed, a part of a filled value corrected.

"手机号填错了，是…", "行业不对哈，不算美容，改成美甲服务" change a field by its label;
"区填错了，应该是开福区不是芙蓉区" and "不是王是汪，三点水那个" correct one part of the address or the name. Used by
:func:`actions.application.form_values.read_values`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from actions.application.form_address import PLACES_ONLY, address_only, places_in_address
from actions.application.form_business import project_answered
from actions.application.form_cues import CHANGE_CUE, CORRECTION, CORRECTION_LABELS, CORRECTION_SLOTS
from actions.application.form_guard import account_digits, plausible_name
from actions.application.form_name_fixes import name_corrected
from actions.steps import dates


def labelled_correction(text: str) -> tuple[str, str, int] | None:
    """The label, new value and where the change starts, if the message changes a labelled field.

    "手机号填错了，是…", or a label further back before its change cue ("行业不对哈，不算美容，改成美甲服务": the
    nearest label before 改成 names the field).
    """
    if match := CORRECTION.search(text):
        return match.group("label"), match.group("value"), match.start()
    for cue in CHANGE_CUE.finditer(text):
        labels = list(CORRECTION_LABELS.finditer(text, 0, cue.start()))
        if labels and labels[-1].group(0) in CORRECTION_SLOTS:
            return labels[-1].group(0), cue.group("value"), labels[-1].start()
    return None


def parts_corrected(text: str, values: dict[str, Any], slots: dict[str, Any]) -> None:
    """One part of a filled value corrected: a district, a road or a number of the address, one character of the name.

    A new address naming no city or county is merged into the old one (:func:`merged_address`): the places and the
    parts not corrected stay.
    """
    if (tail := tail_corrected(text, slots)) and tail[0] not in values:
        values[tail[0]] = tail[1]  # "手机后两位是63不是36": those digits of the number on file replaced
    address = slots.get("premises_address")
    if address and (said := values.get("premises_address")):
        values["premises_address"] = merged_address(str(address), str(said))  # "地址不对，是康富路68号"
    if address and "premises_address" not in values and (moved := part_corrected(text, str(address))):
        values["premises_address"] = moved  # "区填错了，应该是开福区不是芙蓉区": that part of the address replaced
    said = values.get("applicant_name")
    if said and plausible_name(str(said)):
        return  # "名字错了，是明天的明，叫王晓明": the whole name said wins over the character explained
    if (name := slots.get("applicant_name")) and (fixed := name_corrected(text, str(name))):
        values["applicant_name"] = fixed  # "不是王是汪，三点水那个", "名字是耳东陈的陈": one character changed


# The last digits of a number corrected: "后两位是63不是36", "最后四位错了，应该是5821", "尾号不是36是63".
TAIL = r"(?:最后|最末|后|末|尾)(?P<n>[1-6一两二三四五六])位(?:数字|数|号码)?|尾(?:号|数)"
NEW_DIGITS = r"(?P<new>\d{1,5}[\dXx])"
TAIL_CORRECTED = (
    re.compile(rf"(?:{TAIL})[^\d，,。；;]{{0,3}}?不是\s*(?P<old>\d{{1,6}})[，,\s]*(?:而|应该|应)?是\s*{NEW_DIGITS}"),
    re.compile(
        rf"(?:{TAIL})[^\d，,。；;]{{0,6}}?(?:(?<!不)是|应该是|应是|应为|改成|改为|换成|为)[:：\s]*{NEW_DIGITS}"
        r"(?:[，,\s]*(?:而)?不是\s*(?P<old>\d{1,6}))?"
    ),
    re.compile(
        rf"(?:{TAIL})[^\d]{{0,8}}?(?:错了|不对|搞反了|弄反了|打反了|反了)[，,。\s]*(?:应该是|应是|是|改成|改为)?[:：\s]*{NEW_DIGITS}"
    ),
)
DIGIT_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
NUMBER_LABELS = (("id_number", re.compile(r"身份证|证件号")), ("phone", re.compile(r"手机|电话|联系方式|号码")))


def tail_corrected(text: str, slots: dict[str, Any]) -> tuple[str, str] | None:
    """The phone or ID number on file with its last digits replaced ("手机后两位是63不是36"), or ``None``.

    The field is the one the message names (手机/电话, 身份证), else the phone, else the ID number on file. When the
    message says what the wrong digits were, they must be the number's tail; the count of digits said must match.
    """
    match = next((m for pattern in TAIL_CORRECTED if (m := pattern.search(text))), None)
    if match is None:
        return None
    new, old = match.group("new").upper(), match.groupdict().get("old")
    count = match.group("n")
    if count and (DIGIT_COUNT.get(count) or int(count)) != len(new):
        return None
    named = [slot for slot, words in NUMBER_LABELS if words.search(text[: match.start()])]
    candidates = named[:1] or [slot for slot in ("phone", "id_number") if slots.get(slot)]
    for slot in candidates:
        stored = str(slots.get(slot) or "")
        if len(stored) > len(new) and (old is None or stored.endswith(old)) and not stored.endswith(new):
            return slot, stored[: -len(new)] + new
    return None


# One part of a value corrected: "应该是开福区不是芙蓉区", "不是芙蓉区，是开福区", "雨花区改成天心区".
PART_CORRECTED = (
    re.compile(
        r"(?:应该是|应为|是)(?P<new>[\u4e00-\u9fff0-9]{2,12}?)[，,\s]*(?:而)?不是(?P<old>[\u4e00-\u9fff0-9]{2,12})"
    ),
    re.compile(r"不是(?P<old>[\u4e00-\u9fff0-9]{2,12}?)[，,\s]*(?:而|应该|应)?是(?P<new>[\u4e00-\u9fff0-9]{2,12})"),
    re.compile(r"(?P<old>[\u4e00-\u9fff0-9]{2,12}?)(?:改成|改为|换成)(?P<new>[\u4e00-\u9fff0-9]{2,12})"),
)


def part_corrected(text: str, current: str) -> str | None:
    """``current`` with the part the message corrects replaced, or ``None`` when it names no part of it."""
    for pattern in PART_CORRECTED:
        for match in pattern.finditer(text):
            old, new = match.group("old"), match.group("new")
            for start in range(len(old)):  # "地址里的雨花区改成天心区": the part of ``old`` that is in the value
                if len(old) - start >= 2 and old[start:] in current and old[start:] != new:
                    return current.replace(old[start:], new, 1)
    return None


# A road of an address, up to its kind ("康富路", "五一大道", "解放西街"), and a house number said alone ("68号").
ROAD = re.compile(r"^[\u4e00-\u9fff0-9]{1,10}?(?:大道|大街|路|街|巷|弄)")
HOUSE_NUMBER = re.compile(r"^[0-9一二三四五六七八九十百零]+号")
OLD_NUMBER = re.compile(r"[0-9一二三四五六七八九十百零]+号")


def merged_address(old: str, new: str) -> str:
    """A corrected address that names no city or county, merged into the old one; else the new one as said.

    "益阳市赫山区康富路18号" corrected by "康富路68号" (its road again, or only "68号") → 益阳市赫山区康富路68号; by
    another road ("金山路9号") → 益阳市赫山区金山路9号: the places said before stay, the tail is replaced.
    """
    if not old or new == old or places_in_address(new):
        return new
    if (road := ROAD.match(new)) and (at := old.find(road.group(0))) > 0:
        return old[:at] + new  # the same road: from the road on
    if HOUSE_NUMBER.match(new) and (number := OLD_NUMBER.search(old)):
        return old[: number.start()] + new  # "门牌号错了，是68号": the number on the same road
    places = PLACES_ONLY.match(old)
    return old[: places.end()] + new if places and places.end() and places_in_address(old[: places.end()]) else new


def cleaned(slot: str, value: str) -> Any:
    """A corrected value without what was said after it: an address alone, a project's name alone, a date read."""
    if slot == "premises_address":
        return address_only(value) or value  # "地址不对，应该是…19号我再确认下"
    if slot == "project_name":
        return project_answered(value, cued=True)
    if slot == "bank_account":
        return account_digits(value) or value  # "账号改成工商银行 6222 …": the digits alone
    if slot == "graduation_year" and (year := dates.graduation_year(value, date.today())):
        return year.year  # "毕业年份写错了，是前年"
    if slot == "business_started_on" and (start := dates.business_start(value, date.today())) and start.started_on:
        return start.started_on.isoformat()  # "成立日期改成2024年5月"
    return value
