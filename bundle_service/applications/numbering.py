"""Application numbers: ``CY`` + yyyymmdd (the service's time zone) + 6-digit daily sequence."""

import re
from datetime import date

from sqlalchemy import Engine

from bundle_service.core.errors import ServiceError
from bundle_service.crud.counters import next_value

NUMBER_PATTERN = re.compile(r"^CY\d{14}$")
MAX_PER_DAY = 999_999


class NumbersExhausted(ServiceError):
    """The day's 6-digit sequence is used up (503)."""

    status_code = 503
    default_code = "numbers_exhausted"


def format_number(day: date, sequence: int) -> str:
    """``CY20261008000042`` for the 42nd application of 8 October 2026."""
    return f"CY{day:%Y%m%d}{sequence:06d}"


def allocate_number(engine: Engine, day: date) -> str:
    """Hand out the next number of ``day``; unique across threads and worker processes.

    Raises:
        NumbersExhausted: after 999999 numbers in one day.
    """
    sequence = next_value(engine, f"{day:%Y%m%d}")
    if sequence > MAX_PER_DAY:
        raise NumbersExhausted("今日申请编号已用完，请明天再提交。")
    return format_number(day, sequence)
