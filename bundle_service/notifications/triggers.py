"""The events of an application that notify its applicant.

A department's status change and the whole bundle finishing (:func:`task_changed`, called by the workflow), and a
task's light turning yellow or red (found by the periodic :func:`check_lights`).
"""

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bundle_service.applications.catalog import load_departments, load_items
from bundle_service.core.clock import Clock
from bundle_service.core.config import get_settings
from bundle_service.crud.calendar import load_calendar
from bundle_service.models import Application, DepartmentTask
from bundle_service.notifications.outbox import Notice, enqueue, recipient_of
from bundle_service.progress.states import Light, OverallState, TaskStatus, traffic_light

CHANGE_EVENTS = {
    TaskStatus.REVIEWING: "task_accepted",
    TaskStatus.NEEDS_MATERIAL: "material_requested",
    TaskStatus.FINISHED: "task_finished",
    TaskStatus.REFUSED: "task_refused",
}
LIGHT_EVENTS = {Light.YELLOW: "task_yellow", Light.RED: "task_red"}
OPEN_STATUSES = [s.value for s in TaskStatus if not s.terminal]


def chinese_date(day: date) -> str:
    """``2026年9月28日``: how dates read in a message (WeChat's ``date`` field takes it too)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _task_values(task: DepartmentTask, today: date) -> dict[str, object]:
    catalogue = load_items()
    reason = task.reason or ""
    return {
        "number": task.application.number,
        "department": load_departments()[task.department_code].name,
        "items": "、".join(catalogue[code].name for code in task.items),
        "status": TaskStatus(task.status).label,
        "due_date": chinese_date(task.due_date),
        "reason": reason,
        "note": reason or "请在“我的申请”查看详情",
        "date": chinese_date(today),
    }


def _notice(event_key: str, kind: str, application: Application, values: Mapping[str, object]) -> Notice:
    return Notice(event_key, kind, recipient_of(application), values, application.id)


def task_changed(session: Session, task: DepartmentTask, change_id: int, closed_before: bool, now: datetime) -> None:
    """Enqueue what a department's status change tells the applicant, in the change's transaction.

    Args:
        session: The session of the change.
        task: The task after the change (its application loaded).
        change_id: Id of the history row of the change (names the event).
        closed_before: Whether the application was already closed before (the bundle finishes only once).
        now: When.
    """
    today = Clock(get_settings().timezone).local(now).date()
    kind = CHANGE_EVENTS.get(TaskStatus(task.status))
    application = task.application
    if kind is not None:
        values = _task_values(task, today)
        enqueue(session, _notice(f"task:{task.id}:change:{change_id}", kind, application, values), now)
    state = OverallState(application.state)
    if state.closed and not closed_before:
        values = {"number": application.number, "state": state.label, "date": chinese_date(today)}
        enqueue(session, _notice(f"application:{application.id}:closed", "bundle_finished", application, values), now)


def check_lights(session: Session, now: datetime, clock: Clock) -> int:
    """Enqueue a notice for every open task whose light is yellow or red (once per task, light and due date).

    Items with a one-working-day limit are yellow from the day they are filed; only their red light is told.

    Run periodically by the worker; a light seen again is the same event and stores nothing new.

    Returns:
        How many notification rows were new.
    """
    calendar = load_calendar(session)
    today = clock.local(now).date()
    query = (
        select(DepartmentTask)
        .where(DepartmentTask.status.in_(OPEN_STATUSES))
        .options(selectinload(DepartmentTask.application))
    )
    created = 0
    for task in session.scalars(query):
        light = traffic_light(TaskStatus(task.status), task.due_date, today, calendar)
        kind = LIGHT_EVENTS.get(light) if light is not None else None
        if kind is None or (light is Light.YELLOW and task.time_limit_days <= 1):
            continue  # a one-day item is yellow from the start: no news to tell
        key = f"task:{task.id}:light:{light.value if light else ''}:{task.due_date.isoformat()}"
        created += enqueue(session, _notice(key, kind, task.application, _task_values(task, today)), now)
    return created
