"""Dispatch of an application to its departments: one task each, with its clock started at receipt."""

from datetime import datetime

from bundle_service.applications.catalog import load_departments, load_items
from bundle_service.models import DepartmentTask, TaskStatusChange
from bundle_service.progress.states import TaskStatus
from bundle_service.progress.working_days import WorkingCalendar


def build_tasks(
    items: list[str], received_at: datetime, received_on: datetime, calendar: WorkingCalendar, actor: str
) -> list[DepartmentTask]:
    """One task per department involved, in catalogue order.

    Args:
        items: Item codes of the application.
        received_at: Instant the departments receive the form (UTC).
        received_on: The same instant in the service's time zone (its date starts the clock).
        calendar: Working-day calendar.
        actor: Who dispatched, for the first history entry.

    Returns:
        Unsaved tasks with status 已受理, time limit (the longest of the department's chosen items) and due date.
    """
    catalogue = load_items()
    tasks = []
    for department in load_departments().values():
        chosen = [code for code in department.items if code in items]
        if not chosen:
            continue
        limit = max(catalogue[code].time_limit_days for code in chosen)
        due = calendar.add_working_days(received_on.date(), limit)
        task = DepartmentTask(
            department_code=department.code,
            items=chosen,
            status=TaskStatus.RECEIVED.value,
            received_at=received_at,
            time_limit_days=limit,
            due_date=due.day,
            due_date_estimated=due.estimated,
            due_date_note=due.note,
            updated_at=received_at,
        )
        task.history.append(
            TaskStatusChange(from_status=None, to_status=TaskStatus.RECEIVED.value, actor=actor, at=received_at)
        )
        tasks.append(task)
    return tasks
