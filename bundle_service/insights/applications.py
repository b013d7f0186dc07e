"""Applications per department with their traffic lights.

Each application gives one task per department; a department's row counts the tasks it received in the period:
finished (已办结), refused (不予受理), and the open ones by light. The light is the progress wing's rule
(:func:`~bundle_service.progress.states.traffic_light`), computed for today, never restated here.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.applications.catalog import load_departments
from bundle_service.crud.calendar import load_calendar
from bundle_service.insights.period import Period
from bundle_service.models import DepartmentTask
from bundle_service.progress.states import Light, TaskStatus, traffic_light


@dataclass
class DepartmentFigures:
    """One department's tasks received in the period.

    Attributes:
        code: Department code.
        name: Chinese name.
        received: Tasks received.
        green: Open tasks with a green light today.
        yellow: Open tasks with ≤ 1 working day left.
        red: Open tasks past their due date.
        finished: Tasks finished (已办结).
        refused: Tasks refused (不予受理).
    """

    code: str
    name: str
    received: int = 0
    green: int = 0
    yellow: int = 0
    red: int = 0
    finished: int = 0
    refused: int = 0


def department_figures(session: Session, period: Period, today: date) -> list[DepartmentFigures]:
    """Every department of the catalogue (in its order), with its tasks received in ``period``."""
    rows = {code: DepartmentFigures(code, department.name) for code, department in load_departments().items()}
    calendar = load_calendar(session)
    tasks = session.execute(
        select(DepartmentTask.department_code, DepartmentTask.status, DepartmentTask.due_date).where(
            DepartmentTask.received_at >= period.since, DepartmentTask.received_at < period.until
        )
    )
    for code, raw_status, due in tasks:
        row = rows.setdefault(code, DepartmentFigures(code, code))
        status = TaskStatus(raw_status)
        row.received += 1
        if status is TaskStatus.FINISHED:
            row.finished += 1
        elif status is TaskStatus.REFUSED:
            row.refused += 1
        else:
            light = traffic_light(status, due, today, calendar)
            row.green += light is Light.GREEN
            row.yellow += light is Light.YELLOW
            row.red += light is Light.RED
    return list(rows.values())
