"""The gazetteer: entity aliases from ``nlu_data/gazetteer/*.yml`` and their matching.

Each file is named after its entity. ``values`` maps a normalised value to the
aliases matched anywhere in a message; ``context_aliases`` are accepted only
when normalising a span a model already tagged; ``guard_words`` are phrases in
which no alias is taken; an alias followed by one of ``not_followed_by`` is
not taken either (韶山 in 韶山中路); ``typo_tolerant: true`` lets a tagged span one
character off an alias (创业代款) normalise to that alias's value. ``region.yml`` lists prefectures with their counties
instead of ``values``: every full name is matched, and each county knows its
prefecture.
"""

import functools
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from nlu_components.spans import Span, select_longest, sole_value

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "nlu_data" / "gazetteer"

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
# Shorter aliases are too close to unrelated words for a one-character typo.
_TYPO_MIN_LENGTH = 3


class GazetteerError(ValueError):
    """A gazetteer file is malformed or contradicts another one."""


@dataclass
class EntityAliases:
    """The content of one gazetteer file."""

    entity: str
    values: dict[str, list[str]]
    context_aliases: dict[str, list[str]] = field(default_factory=dict)
    guard_words: list[str] = field(default_factory=list)
    parents: dict[str, str] = field(default_factory=dict)
    not_followed_by: list[str] = field(default_factory=list)
    typo_tolerant: bool = False


class _Entry(NamedTuple):
    entity: str
    value: str


class _Candidate(NamedTuple):
    start: int
    end: int
    entry: _Entry | None  # None for a guard word


def _fold(text: str) -> str:
    """Lower-cases ASCII letters only, so offsets stay those of the text."""
    return text.translate(_ASCII_LOWER)


def _strings(items: Any) -> list[str]:
    return [str(item) for item in items or []]


def _value_lists(data: Any) -> dict[str, list[str]]:
    return {str(value): _strings(aliases) for value, aliases in (data or {}).items()}


def _region_values(data: dict[str, Any], parents: dict[str, str]) -> dict[str, list[str]]:
    excluded = set(data.get("excluded_short_forms") or {})
    values: dict[str, list[str]] = {}
    for prefecture in data["prefectures"]:
        name = str(prefecture["name"])
        values[name] = [name, *_strings(prefecture.get("aliases"))]
        for county in prefecture["counties"]:
            county_name = str(county["name"] if isinstance(county, dict) else county)
            aliases = _strings(county.get("aliases")) if isinstance(county, dict) else []
            clashes = excluded.intersection(aliases)
            if clashes:
                raise GazetteerError(f"{county_name} uses excluded short forms {clashes}")
            values[county_name] = [county_name, *aliases]
            parents[county_name] = name
    return values


def read_entity_file(path: Path) -> EntityAliases:
    """Reads one gazetteer file.

    Args:
        path: A ``<entity>.yml`` file.

    Returns:
        Its aliases, named after the file.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    parents: dict[str, str] = {}
    values = _region_values(data, parents) if "prefectures" in data else _value_lists(data.get("values"))
    return EntityAliases(
        entity=path.stem,
        values=values,
        context_aliases=_value_lists(data.get("context_aliases")),
        guard_words=_strings(data.get("guard_words")),
        parents=parents,
        not_followed_by=_strings(data.get("not_followed_by")),
        typo_tolerant=bool(data.get("typo_tolerant")),
    )


class Gazetteer:
    """An alias index over all entity files."""

    def __init__(self, sources: list[EntityAliases]) -> None:
        """Indexes the given entity files.

        Args:
            sources: The entity files, as read by ``read_entity_file``.

        Raises:
            GazetteerError: An alias belongs to two values, holds white space,
                or is also a guard word.
        """
        self.sources: tuple[EntityAliases, ...] = tuple(sources)
        self.parents: Mapping[str, str] = {
            county: prefecture for source in sources for county, prefecture in source.parents.items()
        }
        owners = _claim_all(sources)
        self._by_entity: dict[str, dict[str, str]] = {
            source.entity: {_fold(value): value for value in source.values} for source in sources
        }
        for key, entry in owners.items():
            self._by_entity[entry.entity][key] = entry.value
        self._matchable: dict[str, _Entry | None] = {
            _fold(alias): _Entry(source.entity, value)
            for source in sources
            for value, aliases in source.values.items()
            for alias in aliases
        }
        for source in sources:
            for word in source.guard_words:
                if _fold(word) in owners:
                    raise GazetteerError(f"guard word {word!r} is also an alias")
                self._matchable[_fold(word)] = None
        self._lengths = sorted({len(key) for key in self._matchable}, reverse=True)
        self._not_followed_by = {source.entity: tuple(source.not_followed_by) for source in sources}
        self._one_off = {
            source.entity: _one_off_index(self._by_entity[source.entity]) for source in sources if source.typo_tolerant
        }

    def find(self, text: str) -> list[Span]:
        """Finds the longest non-overlapping aliases in a text.

        An alias that starts or ends with a Latin letter or digit must not
        continue a longer Latin word or number (SYB, not SYBX). Nothing is
        taken from inside a guard word, nor an alias followed by one of its
        entity's ``not_followed_by`` words.

        Args:
            text: The message text.

        Returns:
            Spans with the entity, its normalised value and offsets, sorted by start.
        """
        folded = _fold(text)
        candidates = []
        for start in range(len(folded)):
            for length in self._lengths:
                end = start + length
                key = folded[start:end]
                if end <= len(folded) and key in self._matchable and _stands_alone(folded, start, end):
                    entry = self._matchable[key]
                    if entry is None or not folded.startswith(self._not_followed_by[entry.entity], end):
                        candidates.append(_Candidate(start, end, entry))
        return [
            Span(c.entry.entity, c.entry.value, c.start, c.end)
            for c in select_longest(candidates)
            if c.entry is not None
        ]

    def normalise(self, entity: str, raw: str) -> str | None:
        """Maps a raw string of the given entity type to its normalised value.

        The string may be a normalised value already, an alias, a context
        alias, a longer text holding aliases of exactly one value or, for a
        typo-tolerant entity, one character off the aliases of exactly one value.

        Args:
            entity: The entity type, e.g. "region".
            raw: The text or value to normalise, e.g. "浏阳".

        Returns:
            The normalised value (e.g. "浏阳市"), or None.
        """
        table = self._by_entity.get(entity)
        if table is None:
            return None
        key = _fold(raw.strip())
        return table.get(key) or sole_value(self.find(raw), entity) or self._one_off_value(entity, key)

    def _one_off_value(self, entity: str, key: str) -> str | None:
        index = self._one_off.get(entity)
        if index is None or len(key) < _TYPO_MIN_LENGTH:
            return None
        values = set().union(*(index.get(masked, set()) for masked in _masked(key)))
        return values.pop() if len(values) == 1 else None


def _claim_all(sources: list[EntityAliases]) -> dict[str, _Entry]:
    """Maps every alias and context alias to its owner, checking each has one."""
    owners: dict[str, _Entry] = {}
    for source in sources:
        unknown = set(source.context_aliases) - set(source.values)
        if unknown:
            raise GazetteerError(f"context aliases of unknown {source.entity} values {unknown}")
        for value, aliases in [*source.values.items(), *source.context_aliases.items()]:
            entry = _Entry(source.entity, value)
            for alias in aliases:
                if not alias or any(c.isspace() for c in alias):
                    raise GazetteerError(f"alias {alias!r} of {entry} is empty or holds white space")
                owner = owners.setdefault(_fold(alias), entry)
                if owner != entry:
                    raise GazetteerError(f"alias {alias!r} belongs to both {owner} and {entry}")
    return owners


def _one_off_index(table: dict[str, str]) -> dict[str, set[str]]:
    """Maps each key of a lookup table, one character masked, to the values."""
    index: dict[str, set[str]] = {}
    for key, value in table.items():
        if len(key) >= _TYPO_MIN_LENGTH:
            for masked in _masked(key):
                index.setdefault(masked, set()).add(value)
    return index


def _masked(key: str) -> list[str]:
    """The key with each character in turn replaced by a wildcard."""
    return [f"{key[:i]}\0{key[i + 1 :]}" for i in range(len(key))]


def _stands_alone(folded: str, start: int, end: int) -> bool:
    before = start > 0 and folded[start] in _ASCII_ALNUM and folded[start - 1] in _ASCII_ALNUM
    after = end < len(folded) and folded[end - 1] in _ASCII_ALNUM and folded[end] in _ASCII_ALNUM
    return not (before or after)


@functools.cache
def load_gazetteer(directory: Path = DEFAULT_DIRECTORY) -> Gazetteer:
    """Reads every ``*.yml`` file of a gazetteer directory once.

    Args:
        directory: The directory, ``nlu_data/gazetteer`` by default.

    Returns:
        The indexed gazetteer, shared by all callers.
    """
    return Gazetteer([read_entity_file(path) for path in sorted(directory.glob("*.yml"))])
