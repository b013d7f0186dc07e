"""The time expressions in an answer as JioNLP reads them, before any point is chosen.

Split from :mod:`actions.steps.dates` by concern: reading here, choosing the point and showing it back there.

Glue only where JioNLP needs it (each marked): full-width digits, a vague length's middle, "X前" as a span whose end
is meant.
"""

from __future__ import annotations

import contextlib
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

with contextlib.redirect_stdout(io.StringIO()):  # jionlp and jiojio print a banner on import
    import jionlp

__all__ = ["MONTHS_PER_YEAR", "Reader", "Reading", "jionlp", "read_jionlp"]

MONTHS_PER_YEAR = 12
DAYS_PER_MONTH = 30


@dataclass(frozen=True)
class Reading:
    """One time expression as a parser read it, before any choice of point.

    Attributes:
        text: The words it was read from (``两年前``).
        first: First day of the period, for a period; ``None`` for a duration.
        last: Last day of the period, for a period; ``None`` for a duration.
        months: Length in months, for a duration (``一年半`` → 18); ``None`` for a period.
        blur: The parser marked it approximate (``去年下半年``, ``两年多``).
        ago: A period reached by counting back from today (``两年前``, ``半年前``): its end is today minus
            that much, its start a guess of the parser's.
    """

    text: str
    first: date | None = None
    last: date | None = None
    months: float | None = None
    blur: bool = False
    ago: bool = False


Reader = Callable[[str, date], list[Reading]]


def read_jionlp(text: str, today: date) -> list[Reading]:
    """The time expressions JioNLP's extractor finds in ``text``, relative to ``today``.

    Args:
        text: The user's answer.
        today: The day relative words (去年, 上个月) count from.

    Returns:
        Readings in the order they appear; empty when the text holds no time.
    """
    # Glue: JioNLP misreads full-width digits (２０２１年 → year 21); NFKC turns them into ASCII digits.
    normal = unicodedata.normalize("NFKC", text)
    base = {"year": today.year, "month": today.month, "day": today.day}
    found = jionlp.ner.extract_time(normal, time_base=base, with_parsing=True)
    return [r for r in (_from_jionlp(entity) for entity in found) if r is not None]


def _from_jionlp(entity: dict[str, Any]) -> Reading | None:
    detail = entity["detail"]
    blur = detail.get("definition") == "blur"
    if detail["type"] == "time_delta":
        # Glue: a vague length (大半年) comes as a range of two lengths; its middle is the estimate.
        ranges = detail["time"] if isinstance(detail["time"], list) else [detail["time"]]
        months = sum(_months(parts) for parts in ranges) / len(ranges)
        return Reading(entity["text"], months=months, blur=blur or len(ranges) > 1)
    if detail["type"] not in ("time_point", "time_span"):
        return None  # periodic times (每月) and the like answer neither question
    try:
        first, last = (datetime.strptime(t, "%Y-%m-%d %H:%M:%S").date() for t in detail["time"])
    except (TypeError, ValueError):
        return None  # open spans ("inf") and the like
    # Glue: JioNLP reads 半年前 as the span 2025-12…2026-06 whose end is today minus half a year.
    ago = str(entity["text"]).endswith("前")
    return Reading(entity["text"], first=first, last=last, blur=blur, ago=ago)


def _months(parts: dict[str, float]) -> float:
    """A length JioNLP parsed (``{"year": 1.5}``) in months."""
    return (
        parts.get("year", 0) * MONTHS_PER_YEAR
        + parts.get("month", 0)
        + (parts.get("day", 0) + parts.get("week", 0) * 7) / DAYS_PER_MONTH
    )
