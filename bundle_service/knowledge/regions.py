"""Region hierarchy for the region filter: 湖南省 → its prefectures → their counties (from the NLU gazetteer)."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROVINCE = "湖南省"
PROVINCE_ALIASES = ("湖南", "湖南省", "全省", "省级")


@dataclass(frozen=True)
class Regions:
    """Every known region name or alias → the official names of that region and the regions containing it.

    A document for 湖南省 applies to a question about 浏阳: the filter of 浏阳 accepts 浏阳市, 长沙市 and 湖南省.
    """

    ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_gazetteer(cls, path: Path) -> "Regions":
        """Read ``nlu_data/gazetteer/region.yml`` (a missing file gives a province-only hierarchy)."""
        table: dict[str, tuple[str, ...]] = {alias: (PROVINCE,) for alias in PROVINCE_ALIASES}
        if not path.is_file():
            return cls(table)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for prefecture in data.get("prefectures", []):
            chain = (prefecture["name"], PROVINCE)
            for alias in [prefecture["name"], *prefecture.get("aliases", [])]:
                table[alias] = chain
            for county in prefecture.get("counties", []):
                entry = county if isinstance(county, dict) else {"name": county}
                county_chain = (entry["name"], *chain)
                for alias in [entry["name"], *entry.get("aliases", [])]:
                    table.setdefault(alias, county_chain)
        return cls(table)

    def accepted(self, region: str) -> list[str]:
        """Region values of documents that apply to ``region``.

        An unknown name (the NLU's guess: "县城", "我们村", a misspelt county) accepts itself and the province:
        the knowledge base states Hunan's policy, which applies everywhere in Hunan, and a place outside Hunan
        is refused before any search (:mod:`elsewhere`). Filtering Hunan out for a name the gazetteer lacks
        answered nothing at all.
        """
        region = region.strip()
        return list(self.ancestors.get(region, (region, PROVINCE)))

    def canonical(self, region: str) -> str:
        """Official name of ``region`` (itself when unknown)."""
        return self.accepted(region)[0]
