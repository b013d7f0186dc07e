"""Working-day calendar: admins load a year's official schedule; anyone can compute a due date."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy.orm import Session

from bundle_service.api.callers import AdminDep
from bundle_service.api.deps import ServicesDep, SessionDep, TransactionDep, calendar_of
from bundle_service.crud.calendar import get_year
from bundle_service.progress.holiday_schedules import load_year
from bundle_service.progress.working_days import YearSchedule
from bundle_service.schemas.calendar import CalendarYearIn, CalendarYearOut, DueDateOut
from bundle_service.schemas.common import ErrorOut

router = APIRouter(tags=["calendar"])
FIRST_YEAR, LAST_YEAR = 2000, 2100
Year = Annotated[int, Path(ge=FIRST_YEAR, le=LAST_YEAR)]
FIRST_START, LAST_START = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 422: {"model": ErrorOut}}


def _year_out(session: Session, year: int, recomputed: int | None = None) -> CalendarYearOut:
    row = get_year(session, year)
    origin = calendar_of(session).source_of(year).value
    if row is None:
        return CalendarYearOut(year=year, origin=origin, holidays=[], workdays=[], source=None, loaded_at=None)
    return CalendarYearOut(
        year=year,
        origin=origin,
        holidays=[date.fromisoformat(d) for d in row.holidays],
        workdays=[date.fromisoformat(d) for d in row.workdays],
        source=row.source,
        loaded_at=row.loaded_at,
        recomputed_tasks=recomputed,
    )


@router.put("/admin/calendar/{year}", responses=ERRORS)
def put_year(
    year: Year, body: CalendarYearIn, actor: AdminDep, services: ServicesDep, session: TransactionDep
) -> CalendarYearOut:
    """Load (or replace) a year's statutory holidays and make-up working days; open tasks' due dates move.

    Raises:
        Unauthenticated: 401 without the admin token.
        InvalidInput: 422 for dates outside the year, in both lists, or make-up days that are not weekend days.
    """
    schedule = YearSchedule(year, frozenset(body.holidays), frozenset(body.workdays), body.source)
    recomputed = load_year(session, schedule, actor, services.clock)
    session.flush()
    return _year_out(session, year, recomputed)


@router.get("/admin/calendar/{year}", responses=ERRORS)
def read_year(year: Year, _actor: AdminDep, session: SessionDep) -> CalendarYearOut:
    """Where the year's working days come from (``admin``, ``chinese_calendar`` or ``weekends_only``)."""
    return _year_out(session, year)


@router.get("/working-days/due-date", responses={422: {"model": ErrorOut}})
def due_date(
    start: Annotated[date, Query(ge=FIRST_START, le=LAST_START)],
    days: Annotated[int, Query(ge=0, le=365)],
    session: SessionDep,
) -> DueDateOut:
    """The ``days``-th working day after ``start`` (the receipt day is not counted), flagged when estimated.

    ``start`` lies in 2000–2100 (the years a calendar can be loaded for); anything else is a 422.
    """
    due = calendar_of(session).add_working_days(start, days)
    return DueDateOut(
        start=start, working_days=days, due_date=due.day, due_date_estimated=due.estimated, due_date_note=due.note
    )
