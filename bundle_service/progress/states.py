"""Task statuses, the application's overall state derived from them, and the traffic light.

Light choice: a finished (已办结) or refused (不予受理) task has no light (``None``): its clock has stopped.
A task waiting for material (需补正) keeps its light: the statutory clock is not paused in this model.
"""

from collections.abc import Iterable
from datetime import date
from enum import Enum

from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.progress.working_days import WorkingCalendar


class TaskStatus(str, Enum):
    """Status of a department task."""

    RECEIVED = "received"
    REVIEWING = "reviewing"
    NEEDS_MATERIAL = "needs_material"
    FINISHED = "finished"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        """Chinese label of the status."""
        return TASK_LABELS[self]

    @property
    def terminal(self) -> bool:
        """Whether the task is over (its clock has stopped)."""
        return self in (TaskStatus.FINISHED, TaskStatus.REFUSED)


TASK_LABELS = {
    TaskStatus.RECEIVED: "已受理",
    TaskStatus.REVIEWING: "审核中",
    TaskStatus.NEEDS_MATERIAL: "需补正",
    TaskStatus.FINISHED: "已办结",
    TaskStatus.REFUSED: "不予受理",
}


class OverallState(str, Enum):
    """State of a whole application, derived from its tasks."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    NEEDS_MATERIAL = "needs_material"
    FINISHED = "finished"
    PARTLY_FINISHED = "partly_finished"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        """Chinese label of the state."""
        return OVERALL_LABELS[self]

    @property
    def closed(self) -> bool:
        """Whether every task is over (the application can be rated)."""
        return self in (OverallState.FINISHED, OverallState.PARTLY_FINISHED, OverallState.REFUSED)


OVERALL_LABELS = {
    OverallState.RECEIVED: "已受理",
    OverallState.IN_PROGRESS: "办理中",
    OverallState.NEEDS_MATERIAL: "需补正",
    OverallState.FINISHED: "已办结",
    OverallState.PARTLY_FINISHED: "部分办结",
    OverallState.REFUSED: "不予受理",
}


class Light(str, Enum):
    """Traffic light of an open task."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


def overall_state(statuses: Iterable[TaskStatus]) -> OverallState:
    """Derive the application's state from its tasks' statuses.

    Any task waiting for material → 需补正; else any open task → 已受理 (none started) or 办理中;
    all over → 已办结, 不予受理, or 部分办结 when some were refused and some finished.
    """
    current = list(statuses)
    if TaskStatus.NEEDS_MATERIAL in current:
        return OverallState.NEEDS_MATERIAL
    open_tasks = [s for s in current if not s.terminal]
    if open_tasks:
        if all(s is TaskStatus.RECEIVED for s in current):
            return OverallState.RECEIVED
        return OverallState.IN_PROGRESS
    if all(s is TaskStatus.FINISHED for s in current):
        return OverallState.FINISHED
    if all(s is TaskStatus.REFUSED for s in current):
        return OverallState.REFUSED
    return OverallState.PARTLY_FINISHED


def traffic_light(status: TaskStatus, due: date, today: date, calendar: WorkingCalendar) -> Light | None:
    """Light of a task per bundle.md: red when overdue, yellow with ≤ 1 working day left, else green.

    Args:
        status: The task's status; finished and refused tasks get no light.
        due: Due date of the task.
        today: Today in the service's time zone.
        calendar: Working-day calendar.

    Returns:
        The light, or None for a task that is over.
    """
    if status.terminal:
        return None
    return light_for_days_left(-1 if today > due else calendar.working_days_after(today, due))


def light_for_days_left(left: int) -> Light:
    """The light of a task with ``left`` working days left before its due date (negative: overdue), per bundle.md.

    The one statement of the rule: :func:`traffic_light` for real tasks and the knowledge base's answer to a light
    asked with its numbers (``knowledge/lights.py``).
    """
    if left < 0:
        return Light.RED
    return Light.YELLOW if left <= 1 else Light.GREEN


def status_of(value: str) -> TaskStatus:
    """The task status named by its code or its Chinese label (``reviewing`` or ``审核中``).

    Raises:
        InvalidInput: neither, with the choices.
    """
    for status, label in TASK_LABELS.items():
        if value in (status.value, label):
            return status
    options = "、".join(f"{s.value}（{label}）" for s, label in TASK_LABELS.items())
    raise InvalidInput([FieldError("status", "status_unknown", f"状态“{value}”无法识别，可选：{options}。")])
