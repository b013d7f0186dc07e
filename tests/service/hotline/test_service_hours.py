"""Service hours: staff answer in the data file's periods on working days; otherwise the user is told when."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from bundle_service.core.clock import FixedClock
from bundle_service.hotline.hours import load_hours, parse_hours
from bundle_service.progress.working_days import WorkingCalendar
from tests.service.hotline.appeal_fixtures import *  # noqa: F403  (fixtures)
from tests.service.hotline.appeal_fixtures import GATEWAY

TZ = ZoneInfo("Asia/Shanghai")


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize(
    ("now", "open_now", "next_open", "said"),
    [
        (_at(9, 28, 10), True, None, "工作人员在线"),
        (_at(9, 28, 12, 30), False, _at(9, 28, 13, 30), "今天13:30"),
        (_at(9, 25, 18), False, _at(9, 28, 9), "9月28日（周一）9:00"),  # Friday evening → Monday
        (_at(9, 30, 18), False, _at(10, 8, 9), "10月8日（周四）9:00"),  # the National Day holiday
        (_at(10, 10, 9, 30), True, None, "工作人员在线"),  # the make-up Saturday is a working day
    ],
)
def test_open_or_when_staff_answer_next(now: datetime, open_now: bool, next_open: datetime | None, said: str) -> None:
    answer = load_hours().answer(now, TZ, WorkingCalendar())
    assert answer.open_now is open_now
    assert answer.next_open_at == next_open
    assert said in answer.message


def test_a_malformed_file_is_refused() -> None:
    with pytest.raises(ValueError, match="periods"):
        parse_hours({"periods": []})
    with pytest.raises(ValueError, match="end after"):
        parse_hours({"periods": [{"start": "12:00", "end": "09:00"}]})


def test_the_api_and_the_handoff_answer_say_when_staff_answer(client: TestClient, clock: FixedClock) -> None:
    clock.instant = _at(9, 26, 11)  # Saturday
    hours = client.get("/api/v1/service-hours").json()
    assert hours["open_now"] is False and "9月28日（周一）9:00" in hours["message"]
    assert hours["hours"] == "工作日 9:00–12:00、13:30–17:30"
    queued = client.post(
        "/api/v1/handoffs", json={"conversation_id": "web:late", "reason": "asked_person"}, headers=GATEWAY
    )
    assert queued.json()["service_hours"]["message"] == hours["message"]
