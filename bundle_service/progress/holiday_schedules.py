"""Loading a year's official holiday schedule, and moving the due dates it affects."""

from datetime import date, datetime

from sqlalchemy.orm import Session

from bundle_service.core.clock import Clock
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record
from bundle_service.crud.calendar import load_calendar, save_year
from bundle_service.progress.working_days import WorkingCalendar, YearSchedule

SATURDAY = 5


def check_schedule(year: int, holidays: list[date], workdays: list[date]) -> None:
    """Reject dates outside the year, dates in both lists and make-up working days that are not weekend days.

    Raises:
        InvalidInput: with field ``holidays`` or ``workdays`` and a precise code.
    """
    errors = []
    for name, days in (("holidays", holidays), ("workdays", workdays)):
        outside = [d.isoformat() for d in days if d.year != year]
        if outside:
            errors.append(FieldError(name, "date_outside_year", f"以下日期不在{year}年：{'、'.join(outside)}。"))
    both = sorted(set(holidays) & set(workdays))
    if both:
        text = "、".join(d.isoformat() for d in both)
        errors.append(FieldError("workdays", "date_in_both", f"同一天不能既是节假日又是调休工作日：{text}。"))
    weekdays = [d.isoformat() for d in workdays if d.weekday() < SATURDAY]
    if weekdays:
        text = "、".join(weekdays)
        errors.append(FieldError("workdays", "workday_not_weekend", f"调休上班日应为周六或周日：{text}。"))
    if errors:
        raise InvalidInput(errors)


def load_year(session: Session, schedule: YearSchedule, actor: str, clock: Clock) -> int:
    """Store the schedule and recompute the due dates of open tasks it may move.

    Args:
        session: Open session inside a transaction.
        schedule: The year's schedule.
        actor: Audit actor.
        clock: Clock of the service.

    Returns:
        Number of open tasks whose due date was recomputed.
    """
    now = clock.now()
    check_schedule(schedule.year, sorted(schedule.holidays), sorted(schedule.workdays))
    save_year(session, schedule, actor, now)
    session.flush()
    calendar: WorkingCalendar = load_calendar(session)
    since = datetime(schedule.year - 1, 1, 1, tzinfo=clock.tz)
    tasks = crud.open_tasks_received_since(session, since)
    for task in tasks:
        due = calendar.add_working_days(clock.local(task.received_at).date(), task.time_limit_days)
        task.due_date, task.due_date_estimated, task.due_date_note = due.day, due.estimated, due.note
    record(
        session,
        at=now,
        actor=actor,
        action="calendar.loaded",
        details={
            "year": schedule.year,
            "holidays": len(schedule.holidays),
            "workdays": len(schedule.workdays),
            "source": schedule.source,
            "recomputed_tasks": len(tasks),
        },
    )
    return len(tasks)
