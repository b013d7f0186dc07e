"""Working days, due dates and lights: 2026 holidays from chinese-calendar, 2027 estimated until an admin loads it."""

from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient

from bundle_service.core.clock import FixedClock
from bundle_service.progress.states import Light, TaskStatus, traffic_light
from bundle_service.progress.working_days import WorkingCalendar, YearSchedule, library_knows

from ..callers import owner
from ..conftest import ADMIN_TOKEN, TZ
from ..factories import WANG_FANG

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
CALENDAR = WorkingCalendar()
# Assumed 2027 schedule for the tests (New Year 1–3 January off, no make-up day).
SCHEDULE_2027 = {"holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workdays": [], "source": "测试用2027年安排"}


def test_national_day_2026_is_skipped() -> None:
    assert not CALENDAR.is_working_day(date(2026, 10, 1))
    assert not CALENDAR.is_working_day(date(2026, 10, 7))
    assert CALENDAR.add_working_days(date(2026, 9, 30), 1).day == date(2026, 10, 8)
    assert CALENDAR.add_working_days(date(2026, 9, 28), 3).day == date(2026, 10, 8)


def test_make_up_saturday_10_october_2026_counts() -> None:
    assert date(2026, 10, 10).weekday() == 5
    assert CALENDAR.is_working_day(date(2026, 10, 10))
    due = CALENDAR.add_working_days(date(2026, 9, 28), 5)
    assert due.day == date(2026, 10, 10)
    assert not due.estimated and due.note is None


def test_make_up_sunday_before_mid_autumn_counts() -> None:
    assert CALENDAR.add_working_days(date(2026, 9, 18), 1).day == date(2026, 9, 20)
    assert CALENDAR.add_working_days(date(2026, 9, 24), 1).day == date(2026, 9, 28)  # 25–27 Mid-autumn


def test_receipt_on_a_holiday_starts_counting_after_it() -> None:
    assert CALENDAR.add_working_days(date(2026, 10, 3), 1).day == date(2026, 10, 8)


def test_twenty_days_from_december_2026_end_in_2027_estimated() -> None:
    assert library_knows(2026) and not library_knows(2027)
    due = CALENDAR.add_working_days(date(2026, 12, 15), 20)
    assert due.day == date(2027, 1, 12)  # weekends only for 2027: 1 January counted as a working day
    assert due.estimated
    assert due.note is not None and "2027年" in due.note and "估算" in due.note


def test_admin_schedule_replaces_the_estimate() -> None:
    schedule = YearSchedule(2027, frozenset(date(2027, 1, d) for d in (1, 2, 3)), frozenset())
    due = WorkingCalendar({2027: schedule}).add_working_days(date(2026, 12, 15), 20)
    assert due.day == date(2027, 1, 13)
    assert not due.estimated and due.note is None


@pytest.mark.parametrize("year", [1990, 2027, 2100])
def test_unknown_years_never_raise(year: int) -> None:
    due = CALENDAR.add_working_days(date(year, 6, 1), 10)
    assert due.estimated
    assert CALENDAR.working_days_after(date(year, 6, 1), due.day) == 10


@pytest.mark.parametrize(
    ("today", "light"),
    [
        (date(2026, 9, 28), Light.GREEN),  # 3 working days left
        (date(2026, 9, 29), Light.GREEN),  # 2 left
        (date(2026, 9, 30), Light.YELLOW),  # 1 left (holidays in between)
        (date(2026, 10, 5), Light.YELLOW),
        (date(2026, 10, 8), Light.YELLOW),  # due today
        (date(2026, 10, 9), Light.RED),
    ],
)
def test_traffic_light(today: date, light: Light) -> None:
    assert traffic_light(TaskStatus.REVIEWING, date(2026, 10, 8), today, CALENDAR) is light


def test_finished_and_refused_tasks_have_no_light() -> None:
    for status in (TaskStatus.FINISHED, TaskStatus.REFUSED):
        assert traffic_light(status, date(2026, 10, 8), date(2026, 12, 1), CALENDAR) is None
    assert traffic_light(TaskStatus.NEEDS_MATERIAL, date(2026, 10, 8), date(2026, 12, 1), CALENDAR) is Light.RED


def test_due_date_endpoint(app_client: TestClient) -> None:
    body = app_client.get("/api/v1/working-days/due-date", params={"start": "2026-09-28", "days": 5}).json()
    assert body == {
        "start": "2026-09-28",
        "working_days": 5,
        "due_date": "2026-10-10",
        "due_date_estimated": False,
        "due_date_note": None,
    }
    body = app_client.get("/api/v1/working-days/due-date", params={"start": "2026-12-15", "days": 20}).json()
    assert body["due_date"] == "2027-01-12" and body["due_date_estimated"] is True


def test_calendar_admin_needs_the_token(app_client: TestClient) -> None:
    assert app_client.put("/api/v1/admin/calendar/2027", json=SCHEDULE_2027).status_code == 401
    wrong = app_client.put("/api/v1/admin/calendar/2027", json=SCHEDULE_2027, headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "invalid_admin_token"


def test_calendar_schedule_is_validated(app_client: TestClient) -> None:
    bad = {"holidays": ["2026-12-31", "2027-02-10"], "workdays": ["2027-02-10", "2027-02-08"]}
    response = app_client.put("/api/v1/admin/calendar/2027", json=bad, headers=ADMIN)
    assert response.status_code == 422
    codes = {(e["field"], e["code"]) for e in response.json()["errors"]}
    assert codes == {
        ("holidays", "date_outside_year"),
        ("workdays", "date_in_both"),
        ("workdays", "workday_not_weekend"),
    }


def test_calendar_year_origin(app_client: TestClient) -> None:
    assert app_client.get("/api/v1/admin/calendar/2026", headers=ADMIN).json()["origin"] == "chinese_calendar"
    assert app_client.get("/api/v1/admin/calendar/2027", headers=ADMIN).json()["origin"] == "weekends_only"
    loaded = app_client.put("/api/v1/admin/calendar/2027", json=SCHEDULE_2027, headers=ADMIN).json()
    assert loaded["origin"] == "admin"
    assert loaded["holidays"] == SCHEDULE_2027["holidays"]
    assert app_client.get("/api/v1/admin/calendar/2027", headers=ADMIN).json()["source"] == "测试用2027年安排"


def test_december_task_is_estimated_until_2027_is_loaded(app_client: TestClient, clock: FixedClock) -> None:
    clock.instant = datetime(2026, 12, 15, 9, 0, tzinfo=TZ)
    form = {
        "applicant_name": "王芳",
        "id_number": WANG_FANG,
        "phone": "13900000002",
        "project_name": "芳姐米粉店",
        "industry": "餐饮",
        "premises_address": "长沙市芙蓉区五一大道100号",
        "city": "长沙市",
        "county": "芙蓉区",
        "items": ["startup_subsidy"],
        "bank_account": "6222020200112233445",
    }
    # Her category and licence come from her shared records: she files as herself, real-name authenticated.
    filed = app_client.post("/api/v1/applications", json=form, headers=owner(WANG_FANG))
    assert filed.status_code == 201, filed.text
    task = filed.json()["departments"][0]
    assert (task["time_limit_days"], task["due_date"], task["due_date_estimated"]) == (20, "2027-01-12", True)
    assert "2027年" in task["due_date_note"]

    loaded = app_client.put("/api/v1/admin/calendar/2027", json=SCHEDULE_2027, headers=ADMIN)
    assert loaded.json()["recomputed_tasks"] == 1
    number = filed.json()["number"]
    task = app_client.post(f"/api/v1/applications/{number}/progress", json={"id_last6": WANG_FANG[-6:]}).json()[
        "departments"
    ][0]
    assert (task["due_date"], task["due_date_estimated"], task["due_date_note"]) == ("2027-01-13", False, None)
