"""The premises' address in a message, with its city and county.

Part of the labelled extractor (:mod:`actions.application.form_labels`): the part of a message with place markers
and a road, number, village or group, without the lead-in before it ("店在", "地址是") or the request after it. Said
in pieces it is put together: the city and county said before a comma ("我在邵阳市大祥区，红旗路9号"); dictated in
one run after other fields ("项目…个体户…永州市…1号执照也要办") it starts at the first place and ends at its number.
"""

from __future__ import annotations

import re

from actions.application.form_address_cues import (
    ADDRESS_DETAIL,
    ADDRESS_LABELLED,
    ADDRESS_LEAD_IN,
    ADDRESS_MARKERS,
    ADDRESS_NUMBERED,
    ADDRESS_PLAN_AFTER,
    ADDRESS_PLAN_BEFORE,
    ADDRESS_PREFIX,
    CLAUSE_AFTER_ADDRESS,
    CLAUSE_ANYWHERE,
    COUNTY_TOWN_PLACE,
    HOME,
    NOT_A_PLACE,
    PLACES,
    RURAL_PLACE,
)
from actions.application.form_cues import segments
from actions.application.form_zones import zone_in
from nlu_components.gazetteer import load_gazetteer

# A part that says what the business does ("项目是做社区团购", "搞农村电商"): no address, whatever place word it holds.
PLAN_SAID = re.compile(r"^(?:项目(?:就)?(?:是|为)?|我?(?:想|要|打算|准备)?)(?:做|搞|卖)(?!在)")


def read_address(text: str) -> str | None:
    """The part of a message that is an address: place markers and a road, number, village or group."""
    parts = [piece for part in segments(text) for piece in LONG_NUMBER.split(part)]  # "…手机139…在醴陵市…8号"
    if (match := ADDRESS_LABELLED.search(text)) and ADDRESS_MARKERS.search(match.group("value")):
        after = segments(text[match.end() :])
        return _with_street_after(address_only(match.group("value")), after[0] if after else "")
    for index, said in enumerate(parts):
        part = _with_places_before(_from_first_place(said), parts[index - 1] if index else "")
        placed = ADDRESS_MARKERS.search(part) or _names_a_place(part)
        town_only = not has_detail(part) and bool(TOWN.search(part)) and bool(ADDRESS_LEAD_IN.search(part))
        if not (placed and (has_detail(part) or town_only)):
            continue
        if HOME.match(part) or PLAN_SAID.match(said):
            continue  # where someone lives is not where the business is; "项目是做社区团购" is a plan
        value = address_only(part)
        if len(value) >= 5 and (has_detail(value) or (town_only and TOWN.fullmatch(value))):
            return _with_street_after(value, parts[index + 1] if index + 1 < len(parts) else "")
    return None


def has_detail(address: str) -> bool:
    """An address down to a road, number, village or group, or a Hunan village place after its town.

    "…灰山港镇李家冲", "…网岭镇罗家湾" (no house number: the village place is the detail), and a county-level place
    with its town and a few characters said as the whole address ("平江县三市镇南江").
    """
    if ADDRESS_DETAIL.search(address) or RURAL_PLACE.search(address):
        return True
    place = COUNTY_TOWN_PLACE.fullmatch(address.strip(" ，,。"))
    return place is not None and not NOT_A_PLACE.search(place.group("place"))


def rural_without_number(address: str) -> bool:
    """An address taken from its village place alone, with no road or number: shown back for the user to confirm."""
    return not ADDRESS_DETAIL.search(address) and has_detail(address)


def _with_street_after(value: str, after: str) -> str:
    """An address that names only places, with the street and number said right after a comma.

    "店在岳阳市岳阳楼区，巴陵中路15号" → 岳阳市岳阳楼区巴陵中路15号 (the street part names no city or county).
    """
    if not after or not PLACES_ONLY.fullmatch(value) or not ADDRESS_NUMBERED.search(after) or places_in_address(after):
        return value
    street = address_only(after)
    return value + street if street and ADDRESS_DETAIL.search(street) else value


# Labels of other fields dictated before an address in one run ("项目山里客栈个体户旅馆业永州市…"): no part of it.
LABELS_BEFORE_PLACE = re.compile(r"项目|个体|公司|合作社|行业|执照|营业")
# Words that end a dictated address after its number ("…梅湾路1号执照也要办"): the next request starts.
REQUEST_AFTER_NUMBER = re.compile(r"执照|营业|登记|补贴|培训|担保|也要|还要|一起|顺便|要办|想办")
# A part that only names places ("我在邵阳市大祥区"): the city and county said before the street.
PLACES_ONLY = re.compile(
    r"(?:湖南省?)?(?:[\u4e00-\u9fff]{2,9}?(?:市|自治州|州))?(?:[\u4e00-\u9fff]{1,5}?(?:区|县|市))?"
    r"(?:[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))?"
)


def _from_first_place(part: str) -> str:
    """A dictated run from its first place on when labels of other fields come before it."""
    place = first_region(part)
    return part[place:] if place and LABELS_BEFORE_PLACE.search(part[:place]) else part


def first_region(run: str) -> int | None:
    """Where the first Hunan place the gazetteer knows starts in ``run`` (``None`` when it names none)."""
    starts = [span.start for span in load_gazetteer().find(run) if span.entity == "region"]
    return min(starts) if starts else None


def _with_places_before(part: str, before: str) -> str:
    """A street and number with the city and county said just before them, before a comma, when it names none.

    "我在邵阳市大祥区，红旗路街道城南路9号开了个烧烤店": the second part read as "邵阳市大祥区红旗路街道城南路9号…".
    """
    if not before or not ADDRESS_NUMBERED.search(part) or places_in_address(part):
        return part
    places = address_only(before)
    return places + part if places and PLACES_ONLY.fullmatch(places) and places_in_address(places) else part


# A place down to its town in a plan ("想在衡阳市衡阳县西渡镇开个…"): county and town at least, with no road or number.
TOWN = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:县|区|市)[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)")


# A run of digits as long as a phone or ID number ends the part of a message an address can be in.
LONG_NUMBER = re.compile(r"\d{7,}[Xx]?")


def address_only(said: str) -> str:
    """The address alone, without its lead-in or what was said after it in the same breath.

    "店在芙蓉区五一大道88号我想贷款十万" → 芙蓉区五一大道88号; "铺面在岳麓区麓山路12号" → 岳麓区麓山路12号.
    """
    value = ADDRESS_PREFIX.sub("", _without_plan(said), count=1).strip()
    value = _after_lead_in(value)
    end = len(value)
    numbered = ADDRESS_NUMBERED.search(value)
    if numbered and (clause := CLAUSE_AFTER_ADDRESS.search(value, numbered.end())):
        end = clause.start()
    if numbered and (request := REQUEST_AFTER_NUMBER.search(value, numbered.end())):
        end = min(end, request.start())
    if clause := CLAUSE_ANYWHERE.search(value, 2, end):
        end = clause.start()
    return value[:end].strip(" ，,。的")


def _after_lead_in(value: str) -> str:
    """The address without words said before it in the same breath: "我叫李明店面在长沙市…" → 长沙市….

    It starts after the last lead-in (在, 位于, 地址是 …) that comes before its first place name.
    """
    place = ADDRESS_MARKERS.search(value)
    if place is None:
        return value
    leads = [m for m in ADDRESS_LEAD_IN.finditer(value, 0, place.start())]
    return value[leads[-1].end() :] if leads else value


def _without_plan(address: str) -> str:
    """An address without the plan around it: "我在长沙市…8号开店" → 长沙市…8号.

    Only a plan after the first place name ends it: in "开个米粉店…行业是餐饮店在衡阳市…88号" (dictated without
    punctuation) the plan comes first and the address is still there.
    """
    value = ADDRESS_PLAN_BEFORE.sub("", address, count=1)
    place = ADDRESS_MARKERS.search(value)
    start = place.start() if place else 0
    return (value[:start] + ADDRESS_PLAN_AFTER.sub("", value[start:])).strip()


def _names_a_place(part: str) -> bool:
    """A Hunan place the gazetteer knows ("邵阳大祥城南路8号" names 邵阳 without 市)."""
    return any(span.entity == "region" for span in load_gazetteer().find(part))


def places_in_address(address: str) -> list[str]:
    """The prefecture (市州) and county (县市区) of an address, city first: 醴陵市来龙门街道… → 株洲市, 醴陵市.

    Hunan's places come from the NLU gazetteer (``nlu_data/gazetteer/region.yml``, one owner of the facts): a
    county-level name gives its prefecture even when the address does not write it (攸县…, 湘西州吉首市…); a development
    or high-tech zone the gazetteer lists stands for the county (长沙市经开区… → 长沙市, 长沙经济技术开发区). An
    address naming no known place falls back to what its form says (…市…区).
    """
    regions = [str(span.value) for span in load_gazetteer().find(address) if span.entity == "region"]
    parents = load_gazetteer().parents
    county: str | None = next((name for name in reversed(regions) if name in parents), None)
    city = parents[county] if county else (regions[0] if regions else None)
    if county is None and (zone := zone_in(address, city)):
        city, county = zone.city, zone.name  # "株洲市高新区…": the zone answers 县市区 (decision D1)
    if city or county:
        return [name for name in (city, county) if name]
    match = PLACES.match(address)
    return [name for name in (match.group("city"), match.group("county")) if name] if match else []
