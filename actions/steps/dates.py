"""Dates and durations in answers (去年毕业, 开了一年半, 还没注册) → a graduation year or a business start date.

JioNLP's time extractor does the parsing (``docs/decisions.md``, "Dates in answers", has the measurement that
chose it). This module is the glue it lacks: full-width digits, "not yet" words, the point picked from a
range, and the Chinese text shown back. The reading itself is :mod:`actions.steps.date_reading`. The case table is
``tests/actions/date_cases.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from actions.steps.date_reading import MONTHS_PER_YEAR, Reader, Reading, jionlp, read_jionlp

__all__ = ["Reader", "Reading", "business_start", "graduation_year", "jionlp", "read_jionlp"]

Precision = Literal["year", "month", "day"]
MAX_MONTHS_AGO = 100 * MONTHS_PER_YEAR  # a longer "ago" is digits of something else (an ID, a phone), not a date
# Glue: words saying the business does not exist yet. JioNLP reads times only, not negation or intent.
NOT_YET = re.compile(
    r"还没|还未|尚未|没有|没(?:注册|开|办)|未(?:注册|开业|成立|办)|准备|打算|计划|(?:想|要|将)(?:开|办|注册|成立)"
    r"|(?:还在|正在|在)(?:办(?!公)|装修|筹备|弄|找|选|走流程|审批|审核)|筹备中|装修中|(?:没|还没)下来"
)
# "以前没开过店": never before, which says nothing about whether the business now planned or running is registered.
NEVER_BEFORE = re.compile(r"(?:没|没有|从没|从来没|未|从未|不曾)(?:有)?(?:开|办|注册|创|做|干|搞)过")
# Trailing punctuation dropped from the user's words when they are shown back.
TRAILING = " \t\r\n。．.，,！!？?～~、；;"


# "现在开了半年": the moment of speaking, never a business's start when a duration is said with it.
SPEAKING_NOW = re.compile(r"现在|如今|目前|眼下|当前|此刻|这会儿?")


@dataclass(frozen=True)
class YearAnswer:
    """A graduation year read from an answer.

    Attributes:
        year: The year (``2025``); may be after this year (明年毕业): the service's rules decide.
        said: The user's words, as shown back.
    """

    year: int
    said: str

    @property
    def text(self) -> str:
        """The value in Chinese: ``2025年毕业``."""
        return f"{self.year}年毕业"

    @property
    def shown(self) -> str:
        """The user's words and what they were taken to mean: ``去年毕业的 → 2025年毕业``."""
        return f"{self.said} → {self.text}"


@dataclass(frozen=True)
class StartAnswer:
    """When the business was registered, read from an answer.

    Attributes:
        started_on: First day of the period meant (``2025-06-01`` for 约2025年6月); ``None`` when not yet.
        precision: How much of ``started_on`` the user gave; ``None`` when not yet.
        approximate: The date is an estimate (a duration, 年底, 下半年, 两年前).
        said: The user's words, as shown back.
        months: Whole months the business has run by today (for a year alone: whole years × 12); ``None`` when
            not yet.
    """

    started_on: date | None
    precision: Precision | None
    approximate: bool
    said: str
    months: int | None = None

    @property
    def not_yet(self) -> bool:
        """The business is not registered yet (还没注册, 准备下个月开)."""
        return self.started_on is None

    @property
    def value(self) -> str:
        """``not_yet``, or the date to the precision given: ``2018``, ``2025-06``, ``2023-05-01``."""
        if self.started_on is None:
            return "not_yet"
        return self.started_on.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision or "day"]]

    @property
    def text(self) -> str:
        """The value in Chinese: ``约2025年6月成立``, ``2018年成立``, ``尚未成立``."""
        day = self.started_on
        if day is None:
            return "尚未成立"
        words = {"year": f"{day.year}年", "month": f"{day.year}年{day.month}月"}.get(
            self.precision or "day", f"{day.year}年{day.month}月{day.day}日"
        )
        return f"{'约' if self.approximate else ''}{words}成立"

    @property
    def age(self) -> str:
        """How long the business has run, as the rules count it: ``（已经营约1年6个月）``; empty when not yet."""
        if self.months is None:
            return ""
        years, months = divmod(self.months, MONTHS_PER_YEAR)
        if self.precision == "year":
            return f"（已经营约{years}年）" if years else "（今年成立，经营不满1年）"
        if not years:
            return f"（已经营约{months}个月）" if months else "（经营不满1个月）"
        return f"（已经营约{years}年{f'{months}个月' if months else ''}）"

    @property
    def described(self) -> str:
        """The value with how long the business has run: ``约2025年6月成立（已经营约1年6个月）``."""
        return self.text + self.age

    @property
    def shown(self) -> str:
        """The user's words and what they were taken to mean: ``开了一年半 → 约2025年6月成立（已经营约1年6个月）``."""
        return f"{self.said} → {self.described}"


def graduation_year(text: str, today: date, reader: Reader = read_jionlp) -> YearAnswer | None:
    """The graduation year in an answer (去年毕业的, 一九年, 毕业三年了, ２０２３年).

    A range gives its year (``2021年7月`` → 2021); a duration counts back from today (毕业三年了 → 2023).

    Args:
        text: The user's answer.
        today: The day relative words count from.
        reader: The parser; JioNLP unless a measurement substitutes another.

    Returns:
        The year, or ``None`` when the answer holds no date (不知道, 都不是, 还没有).
    """
    readings = reader(text, today)
    if not readings or not _plausible(reading := _preferred(readings)):
        return None
    point = _point(reading, today)
    return YearAnswer(point.year, _said(text))


def business_start(text: str, today: date, reader: Reader = read_jionlp) -> StartAnswer | None:
    """The business's start date in an answer (18年开的店, 开了一年半, 上个月, 还没注册).

    Documented points: a calendar period gives its first day (去年下半年 → 2025-07-01, 18年 → 2018-01-01);
    "X ago" and durations give today minus X, to the month (半年前 / 开了半年 → 2026-06-01 when today is in
    2026-12). A date after today, or words such as 还没 / 准备 / 打算, mean the business does not exist yet;
    "以前没开过" (never before) says nothing about it.

    Args:
        text: The user's answer.
        today: The day relative words count from.
        reader: The parser; JioNLP unless a measurement substitutes another.

    Returns:
        The start date with its precision, a "not yet" answer, or ``None`` when the answer holds no date
        (不知道, 都不是).
    """
    said = _said(text)
    if NEVER_BEFORE.search(text):
        return None
    if NOT_YET.search(text):
        return StartAnswer(None, None, approximate=False, said=said)
    readings = reader(text, today)
    if not readings:
        return None
    reading = _preferred(readings)
    if not _plausible(reading):
        return None
    day = _point(reading, today)
    if day > today:
        return StartAnswer(None, None, approximate=False, said=said)
    precision, approximate = _precision(reading)
    if precision == "month":
        day = day.replace(day=1)
    return StartAnswer(day, precision, approximate, said, _months_run(day, precision, today))


def _months_run(start: date, precision: Precision, today: date) -> int:
    """Whole months from ``start`` to ``today``; for a year alone, whole years (2023 in 2026 → 36 months)."""
    if precision == "year":
        return (today.year - start.year) * MONTHS_PER_YEAR
    return (today.year - start.year) * MONTHS_PER_YEAR + today.month - start.month - (today.day < start.day)


def _preferred(readings: list[Reading]) -> Reading:
    """A calendar period over a duration (店开了两年 去年才办的执照 → 去年), else the first mentioned.

    "现在" / "目前" is when the user speaks: with a duration besides ("现在开了个店半年了") the duration decides.
    """
    dated = [r for r in readings if not SPEAKING_NOW.fullmatch(r.text)] or readings
    return next((r for r in dated if r.first is not None), dated[0])


def _plausible(reading: Reading) -> bool:
    """Whether a duration is one a person could mean (not 15万3年, a loan's sum and term, read as years ago)."""
    return reading.months is None or 0 <= reading.months <= MAX_MONTHS_AGO


def _point(reading: Reading, today: date) -> date:
    """The documented point of a reading (see ``business_start``)."""
    if reading.months is not None:
        return _months_before(today, reading.months)
    if reading.ago and reading.last is not None:
        return reading.last
    assert reading.first is not None  # a reading is a duration or a period
    return reading.first


def _precision(reading: Reading) -> tuple[Precision, bool]:
    """How precise a start date is, and whether it is an estimate."""
    first, last = reading.first, reading.last
    if reading.months is not None or reading.ago or first is None or last is None:
        return "month", True
    if first == last:
        return "day", reading.blur
    if first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
        return "year", reading.blur
    month_end = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if first.day == 1 and last == month_end:
        return "month", reading.blur
    return "month", True  # a span of several months (下半年, 年底): its first month, as an estimate


def _months_before(today: date, months: float) -> date:
    index = today.year * MONTHS_PER_YEAR + today.month - 1 - round(months)
    return date(index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1, 1)


def _said(text: str) -> str:
    return text.strip().rstrip(TRAILING) or text.strip()
