"""Benchmark: Chinese date parsers on the case table ``tests/actions/date_cases.yml``.

Every candidate runs behind the same glue (``actions.steps.dates``: full-width digits, "not yet" words, the point
picked from a range), so the table measures the parsing itself. Candidates that are not installed are skipped:
only JioNLP is in ``requirements/rasa.lock``; ``dateparser`` and ``ChineseTimeNLP`` were installed by hand
for the measurement in ``docs/decisions.md``. Prints one Markdown table: accuracy per kind and ms per call.

Time per call is each answer's first parse (JioNLP caches what it has seen), after one warm-up call.

Usage: ``.venv-rasa/bin/python scripts/bench_dates.py``
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import functools
import importlib
import io
import time
import unicodedata
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

with contextlib.redirect_stdout(io.StringIO()):  # jionlp and jiojio print a banner on import
    import jionlp

from actions.steps import dates
from actions.steps.dates import Reader, Reading, business_start, graduation_year

TABLE = Path(__file__).resolve().parents[1] / "tests" / "actions" / "date_cases.yml"
KINDS = ("absolute", "numerals", "fullwidth", "relative", "duration", "voice", "not_yet", "not_date")


def jionlp_parse_time(text: str, today: date) -> list[Reading]:
    """JioNLP's ``parse_time`` on the whole answer (it expects a time string, not a sentence)."""
    base = {"year": today.year, "month": today.month, "day": today.day}
    normal = unicodedata.normalize("NFKC", text)
    try:
        result = jionlp.parse_time(normal, time_base=base)
    except ValueError:
        return []
    reading = dates._from_jionlp({"text": normal, "detail": result})
    return [reading] if reading else []


def cn2an_then_jionlp(text: str, today: date) -> list[Reading]:
    """``cn2an`` turns Chinese numerals into digits first, then JioNLP's extractor."""
    cn2an = importlib.import_module("cn2an")
    normal = unicodedata.normalize("NFKC", text)
    with contextlib.suppress(Exception):
        normal = cn2an.transform(normal, "cn2an")
    return dates.read_jionlp(normal, today)


def dateparser_search(text: str, today: date) -> list[Reading]:
    """``dateparser.search.search_dates`` with ``zh``; the period (year/month/day) from ``DateDataParser``."""
    search_dates = importlib.import_module("dateparser.search").search_dates
    date_data_parser = importlib.import_module("dateparser.date").DateDataParser
    settings: dict[str, Any] = {"RELATIVE_BASE": datetime(today.year, today.month, today.day, 12)}
    normal = unicodedata.normalize("NFKC", text)
    readings = []
    for words, when in search_dates(normal, languages=["zh"], settings=settings) or []:
        period = date_data_parser(languages=["zh"], settings=settings).get_date_data(words).period or "day"
        day = when.date()
        if period == "year":
            first, last = date(day.year, 1, 1), date(day.year, 12, 31)
        elif period == "month":
            end = calendar.monthrange(day.year, day.month)[1]
            first, last = day.replace(day=1), day.replace(day=end)
        else:
            first = last = day
        readings.append(Reading(words, first=first, last=last))
    return readings


@functools.cache
def _time_normalizer() -> Any:
    importlib.import_module("loguru").logger.disable("ChineseTimeNLP")
    return importlib.import_module("ChineseTimeNLP").TimeNormalizer(isPreferFuture=False)


def chinese_time_nlp(text: str, today: date) -> list[Reading]:
    """``ChineseTimeNLP.TimeNormalizer`` (a port of Time-NLP); timestamps carry no precision, read as days."""
    base = importlib.import_module("arrow").get(datetime(today.year, today.month, today.day, 12), "Asia/Shanghai")
    result = _time_normalizer().parse(unicodedata.normalize("NFKC", text), base)
    if result.get("type") == "timedelta":
        parts = result["timedelta"]
        return [Reading(text, months=parts["year"] * 12 + parts["month"] + parts["day"] / 30)]
    if result.get("type") == "timestamp":
        day = datetime.strptime(result["timestamp"], "%Y-%m-%d %H:%M:%S").date()
        return [Reading(text, first=day, last=day)]
    if result.get("type") == "timespan":
        first, last = (datetime.strptime(t, "%Y-%m-%d %H:%M:%S").date() for t in result["timespan"])
        return [Reading(text, first=first, last=last)]
    return []


CANDIDATES: dict[str, tuple[str, Reader]] = {
    "JioNLP extract_time": ("jionlp", dates.read_jionlp),
    "JioNLP parse_time": ("jionlp", jionlp_parse_time),
    "cn2an + JioNLP": ("cn2an", cn2an_then_jionlp),
    "dateparser search_dates (zh)": ("dateparser", dateparser_search),
    "ChineseTimeNLP": ("ChineseTimeNLP", chinese_time_nlp),
}


def correct(case: dict[str, Any], today: date, reader: Reader) -> bool:
    """Whether the glue over ``reader`` gives the case's expected value (as ``tests/actions/test_dates.py``)."""
    try:
        if case["field"] == "graduation":
            year = graduation_year(case["text"], today, reader=reader)
            return bool((year.year if year else None) == case["expect"])
        start = business_start(case["text"], today, reader=reader)
    except Exception:  # a crash in a candidate is a wrong answer
        return False
    if start is None:
        return case["expect"] is None
    return start.value == case["expect"] and start.approximate == bool(case.get("approx"))


def main() -> None:
    """Run every installed candidate over the table and print the Markdown table."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    table = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    today, cases = table["today"], table["cases"]
    print(f"{len(cases)} cases, today {today}, JioNLP {jionlp.__version__}")
    print("| candidate | all | graduation | start | " + " | ".join(KINDS) + " | ms/call |")
    print("|---" * (len(KINDS) + 5) + "|")
    for name, (module, reader) in CANDIDATES.items():
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"| {name} | not installed |")
            continue
        with contextlib.redirect_stdout(io.StringIO()):
            reader("去年", today)  # warm-up: lazy loading is not a call's cost
        started = time.perf_counter()
        for case in cases:
            with contextlib.suppress(Exception):
                reader(case["text"], today)
        per_call = (time.perf_counter() - started) * 1000 / len(cases)
        hits: dict[str, list[bool]] = defaultdict(list)
        for case in cases:
            ok = correct(case, today, reader)
            for key in ("all", case["field"], case["kind"]):
                hits[key].append(ok)
        cells = [f"{sum(hits[k])}/{len(hits[k])}" for k in ("all", "graduation", "start", *KINDS)]
        print(f"| {name} | " + " | ".join(cells) + f" | {per_call:.1f} |")


if __name__ == "__main__":
    main()
