"""Needs said in plain words ("缺钱周转", "想学点开店的本事"), read as the item of the bundle that meets them.

The patterns live in ``nlu_data/needs.yml`` (one owner); :class:`~nlu_components.domain_entity_extractor.
DomainEntityExtractor` adds what they find as ``item`` entities, beside the gazetteer's aliases.
"""

import functools
import re
from pathlib import Path

import yaml

from nlu_components.spans import Span, select_longest

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "nlu_data" / "needs.yml"


@functools.cache
def load_needs(path: Path = DEFAULT_FILE) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (item code, compiled pattern) pairs of the needs file, read once.

    Args:
        path: The YAML file with ``needs: {code: [pattern, …]}``.

    Returns:
        One pair per pattern, in the file's order.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        (str(code), re.compile(str(p))) for code, patterns in (data.get("needs") or {}).items() for p in patterns
    )


def find_needs(text: str, needs: tuple[tuple[str, re.Pattern[str]], ...] | None = None) -> list[Span]:
    """The items whose need the text states in plain words, as non-overlapping ``item`` spans.

    Args:
        text: The normalised message.
        needs: The patterns (default: :func:`load_needs`).

    Returns:
        Spans sorted by start, the longest kept where they overlap; adjacent spans of one item are one ("缺钱周转").
    """
    found = [
        Span("item", code, match.start(), match.end())
        for code, pattern in (needs if needs is not None else load_needs())
        for match in pattern.finditer(text)
        if match.end() > match.start()
    ]
    merged: list[Span] = []
    for span in select_longest(found):
        if merged and merged[-1].value == span.value and merged[-1].end == span.start:
            merged[-1] = merged[-1]._replace(end=span.end)
        else:
            merged.append(span)
    return merged
