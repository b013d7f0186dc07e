"""The date case table (``date_cases.yml``) through ``actions.steps.dates``, with the table's fixed today."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.steps import dates
from actions.steps.dates import Reading, business_start, graduation_year

TABLE = yaml.safe_load((Path(__file__).parent / "date_cases.yml").read_text(encoding="utf-8"))
TODAY: date = TABLE["today"]
CASES: list[dict[str, Any]] = TABLE["cases"]


def _id(case: dict[str, Any]) -> str:
    return f"{case['field']}-{case['kind']}-{case['text']}"


@pytest.mark.parametrize("case", [c for c in CASES if c["field"] == "graduation"], ids=_id)
def test_graduation_year(case: dict[str, Any]) -> None:
    answer = graduation_year(case["text"], TODAY)
    if case["expect"] is None:
        assert answer is None
        return
    assert answer is not None
    assert answer.year == case["expect"]
    if "shown" in case:
        assert answer.shown == case["shown"]


@pytest.mark.parametrize("case", [c for c in CASES if c["field"] == "start"], ids=_id)
def test_business_start(case: dict[str, Any]) -> None:
    answer = business_start(case["text"], TODAY)
    if case["expect"] is None:
        assert answer is None
        return
    assert answer is not None
    assert answer.value == case["expect"]
    assert answer.not_yet == (case["expect"] == "not_yet")
    assert answer.approximate == bool(case.get("approx"))
    if "shown" in case:
        assert answer.shown == case["shown"]


def test_the_table_covers_every_kind_of_answer() -> None:
    kinds = {(c["field"], c["kind"]) for c in CASES}
    for field in ("graduation", "start"):
        for kind in ("absolute", "numerals", "fullwidth", "relative", "duration", "voice", "not_date"):
            assert (field, kind) in kinds
    assert ("start", "not_yet") in kinds
    assert len(CASES) >= 40


def test_the_library_does_the_parsing_not_the_glue() -> None:
    """Without a parser no date is found at all: no hand-written date pattern hides behind the library."""

    def blind(_text: str, _today: date) -> list[Reading]:
        return []

    for case in CASES:
        if case["expect"] in (None, "not_yet"):
            continue
        read = graduation_year if case["field"] == "graduation" else business_start
        assert read(case["text"], TODAY, reader=blind) is None, case["text"]


def test_jionlp_reads_what_no_pattern_would(monkeypatch: pytest.MonkeyPatch) -> None:
    """前年六月份 and 二〇二〇年十月 are read by JioNLP's extractor, called with the given today."""
    calls: list[tuple[str, Any]] = []
    extract = dates.jionlp.ner.extract_time

    def spy(text: str, **kwargs: Any) -> Any:
        calls.append((text, kwargs["time_base"]))
        return extract(text, **kwargs)

    monkeypatch.setattr(dates.jionlp.ner, "extract_time", spy)
    start = business_start("前年六月份开的", date(2030, 3, 1))
    assert start is not None
    assert start.value == "2028-06"
    year = graduation_year("二〇二〇年十月", date(2030, 3, 1))
    assert year is not None
    assert year.year == 2020
    assert calls == [
        ("前年六月份开的", {"year": 2030, "month": 3, "day": 1}),
        ("二〇二〇年十月", {"year": 2030, "month": 3, "day": 1}),
    ]


def test_relative_answers_follow_today_not_the_clock() -> None:
    answer = graduation_year("去年毕业的", date(2031, 1, 2))
    assert answer is not None
    assert answer.shown == "去年毕业的 → 2030年毕业"
    start = business_start("开了一年半", date(2031, 1, 2))
    assert start is not None
    assert (start.started_on, start.text) == (date(2029, 7, 1), "约2029年7月成立")


def test_a_start_after_today_is_not_yet() -> None:
    answer = business_start("2027年3月", TODAY)
    assert answer is not None
    assert answer.not_yet
    assert answer.text == "尚未成立"
