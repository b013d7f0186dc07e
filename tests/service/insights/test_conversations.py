"""Conversations per day and channel, read from a Rasa tracker store (SQLite file and PostgreSQL), read-only."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError

from bundle_service.core.errors import InvalidInput
from bundle_service.insights.conversations import conversation_figures
from bundle_service.insights.period import period_of
from bundle_service.insights.tracker import TrackerStore
from devtools.scratch_postgres import scratch_database
from tests.service.conftest import PG_ADMIN_URL
from tests.service.insights.tracker_fixture import drop_tracker, write_tracker

TZ = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 9, 28)
DAY1, DAY2 = date(2026, 9, 20), date(2026, 9, 21)

TURNS = [
    ("web:a", datetime(2026, 9, 20, 9, 0, tzinfo=TZ), "rest"),
    ("web:a", datetime(2026, 9, 20, 9, 1, tzinfo=TZ), "rest"),  # same conversation, same day: counted once
    ("wechat:o1", datetime(2026, 9, 20, 23, 30, tzinfo=TZ), "miniprogram"),  # 15:30 UTC: still the 20th locally
    ("wechat:o1", datetime(2026, 9, 21, 0, 10, tzinfo=TZ), "miniprogram"),  # 16:10 UTC on the 20th: the 21st
    ("wechat:o1", datetime(2026, 9, 21, 8, 0, tzinfo=TZ), "wechat"),  # the same user through customer service
    ("hotline:20260921-abc", datetime(2026, 9, 21, 10, 0, tzinfo=TZ), "hotline"),
    ("web:a!", datetime(2026, 9, 20, 9, 2, tzinfo=TZ), "rest"),  # declined as out of scope
    ("web:b", datetime(2026, 9, 19, 23, 59, tzinfo=TZ), "rest"),  # before the period
    ("web:c", datetime(2026, 9, 22, 0, 0, tzinfo=TZ), "rest"),  # after it
]


@pytest.fixture(scope="module")
def postgres_tracker_url() -> Iterator[str]:
    """A database of its own on the test PostgreSQL server (like Rasa's, separate from the service's)."""
    with scratch_database(PG_ADMIN_URL, "tracker_test") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A tracker store holding ``TURNS`` on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tracker.db'}"
    else:
        url = request.getfixturevalue("postgres_tracker_url")
    write_tracker(url, TURNS)
    yield url
    drop_tracker(url)


def test_default_period_is_the_last_30_days_and_bad_ranges_are_refused_in_chinese() -> None:
    period = period_of(None, None, TODAY, TZ)
    assert (period.start, period.end, len(period.days())) == (date(2026, 8, 30), TODAY, 30)
    with pytest.raises(InvalidInput, match="开始日期不能晚于结束日期"):
        period_of(DAY2, DAY1, TODAY, TZ)
    with pytest.raises(InvalidInput, match="最长366天"):
        period_of(date(2025, 1, 1), TODAY, TODAY, TZ)


def test_conversations_per_local_day_and_channel(tracker_url: str) -> None:
    figures = conversation_figures(TrackerStore(tracker_url), period_of(DAY1, DAY2, TODAY, TZ))
    assert figures.available and figures.days == [DAY1, DAY2]
    channels = {series.code: series for series in figures.channels}
    assert [c.label for c in figures.channels] == ["网页", "小程序/H5", "微信客服消息", "热线", "其他"]
    assert channels["rest"].per_day == [1, 0]
    assert channels["miniprogram"].per_day == [1, 1]
    assert channels["wechat"].per_day == [0, 1]
    assert channels["hotline"].per_day == [0, 1]
    assert {c.code: c.total for c in figures.channels} == {
        "rest": 1,
        "miniprogram": 1,
        "wechat": 1,
        "hotline": 1,
        "other": 0,
    }
    assert channels["rest"].messages == 3 and channels["miniprogram"].messages == 2
    assert figures.declined == 1


def test_a_missing_tracker_file_is_reported_and_never_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    figures = conversation_figures(TrackerStore(f"sqlite:///{path}"), period_of(DAY1, DAY2, TODAY, TZ))
    assert not figures.available and "会话记录库不存在" in (figures.reason or "")
    assert all(series.per_day == [0, 0] and series.total == 0 for series in figures.channels)
    assert not path.exists()
    unconfigured = conversation_figures(TrackerStore(None), period_of(DAY1, DAY2, TODAY, TZ))
    assert not unconfigured.available and "BUNDLE_TRACKER_DB_URL" in (unconfigured.reason or "")


def test_the_tracker_is_opened_read_only(tracker_url: str) -> None:
    store = TrackerStore(tracker_url)
    assert len(list(store.user_turns(datetime(2026, 1, 1, tzinfo=TZ), datetime(2027, 1, 1, tzinfo=TZ)))) == len(TURNS)
    with store._engine_or_fail().connect() as connection, pytest.raises(DBAPIError, match="read.?only"):
        connection.exec_driver_sql("DELETE FROM events")
    store.dispose()
    writer = create_engine(tracker_url)
    with writer.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM events").scalar() == 2 * len(TURNS)
    writer.dispose()
