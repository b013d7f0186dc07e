"""Development and high-tech zones as the 县市区 of premises (docs/decisions.md: a development zone answers 县市区).

People in a 经开区 or 高新区 name the zone, not the county it lies in: "株洲市高新区黄河路18号" answers 县市区 with
株洲高新技术产业开发区, and the form does not ask again. The zones are listed per prefecture in the region gazetteer
(``development_zones`` of ``nlu_data/gazetteer/region.yml``, the one owner), each with the district it lies in. A
zone not listed there ("衡阳市白沙洲工业园区…") is asked about once, offering the prefecture's districts; an answer
that names none then keeps the zone as said.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml

from nlu_components.gazetteer import DEFAULT_DIRECTORY, load_gazetteer

REGION_FILE = DEFAULT_DIRECTORY / "region.yml"
# The words that end a zone's name ("白沙洲工业园区", "九华经开区"), for a zone the gazetteer does not list: each ends
# in 区, as the service wants of a 县市区.
ZONE_WORD = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|经开区|高新区|开发区|新区"
    r"|工业园区|产业园区|工业集中区)"
)
# An answer at the county step that names a county-level place itself ("天心区", "就在岳麓区").
COUNTY_SAID = re.compile(r"[\u4e00-\u9fff]{1,8}(?:区|县|市)")


@dataclass(frozen=True)
class Zone:
    """A development or high-tech zone of one prefecture.

    Attributes:
        name: Its full name, the value the form takes for 县市区.
        city: The prefecture it belongs to.
        host: The district or county it lies in.
        said: The words naming it in an address of its prefecture.
    """

    name: str
    city: str
    host: str
    said: tuple[str, ...]


@functools.cache
def zones() -> tuple[Zone, ...]:
    """Every zone of the region gazetteer, prefecture by prefecture."""
    data: dict[str, Any] = yaml.safe_load(REGION_FILE.read_text(encoding="utf-8")) or {}
    return tuple(
        Zone(str(entry["name"]), str(city), str(entry["host"]), tuple(str(word) for word in entry.get("said") or ()))
        for city, listed in (data.get("development_zones") or {}).items()
        for entry in listed or ()
    )


def zone_in(address: str, city: str | None) -> Zone | None:
    """The listed zone an address names (the longest word found), in ``city`` when it is known.

    "长沙市经开区…" → 长沙经济技术开发区; "长沙望城经开区…" → 望城经济技术开发区. Without a city only a word no other
    prefecture's zone uses names a zone ("湘江新区…").
    """
    found = [
        (len(word), zone)
        for zone in zones()
        if city in (None, zone.city)
        for word in (zone.name, *zone.said)
        if word in address
    ]
    if city is None:
        found = [(size, zone) for size, zone in found if _unique(zone, address)]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _unique(zone: Zone, address: str) -> bool:
    words = [word for word in (zone.name, *zone.said) if word in address]
    return not any(other.city != zone.city and set(words) & {other.name, *other.said} for other in zones())


def unknown_zone(address: str | None, city: str | None) -> str | None:
    """The zone an address names when the gazetteer does not list it ("白沙洲工业园区"), else ``None``."""
    if not address or zone_in(address, city) is not None or (match := ZONE_WORD.search(address)) is None:
        return None
    regions = [span for span in load_gazetteer().find(address) if span.entity == "region"]
    start = max([span.end for span in regions if span.end <= match.end()] + [match.start()])
    said = address[start : match.end()]
    return said if len(said) >= 3 else None


def districts(city: str | None) -> list[str]:
    """The prefecture's county-level divisions, districts first (what an unknown zone may lie in)."""
    counties = [county for county, parent in load_gazetteer().parents.items() if parent == city]
    return sorted(counties, key=lambda name: not name.endswith("区"))


def zone_question(slots: dict[str, Any]) -> tuple[str, list[str]] | None:
    """The county step's question when the address names an unlisted zone: the text and the districts offered."""
    city = slots.get("city")
    zone = unknown_zone(slots.get("premises_address"), city)
    if zone is None or not city:
        return None
    offered = districts(str(city))[:4]
    text = (
        f"您的经营场所在{zone}。请问它属于{city}哪个区县？例如{'、'.join(offered)}。"
        f"不清楚的话回复“不清楚”，就按“{zone}”填写。"
    )
    return text, offered


def zone_answer(text: str, slots: dict[str, Any]) -> str | None:
    """At the county step asked about an unlisted zone, an answer naming no county keeps the zone as said.

    The step is asked once: "不清楚" or "就是那个园区" fills 县市区 with the zone ("白沙洲工业园区"); "石鼓区" is
    read as usual (``None`` here).
    """
    zone = unknown_zone(slots.get("premises_address"), slots.get("city"))
    if zone is None or COUNTY_SAID.search(text.replace(zone, "")):
        return None
    return zone
