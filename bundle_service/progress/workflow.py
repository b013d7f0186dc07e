"""The department side: status changes of a task, their history and audit, and the application's state.

A department acts on its own tasks only (:func:`own_task`), one application's tasks one at a time
(:func:`decide`: the transaction and the row lock).
"""

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.bookings.opening import tell_bookings_open
from bundle_service.core.errors import Conflict, FieldError, Forbidden, InvalidInput, NotFound
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record
from bundle_service.models import Application, DepartmentTask, TaskStatusChange
from bundle_service.notifications.triggers import task_changed
from bundle_service.progress.states import OverallState, TaskStatus, overall_state

MAX_REASON_LENGTH = 500
T = TypeVar("T")


class TaskAction(str, Enum):
    """What a department can do with a task."""

    ACCEPT = "accept"
    REQUEST_MATERIAL = "request-material"
    FINISH = "finish"
    REFUSE = "refuse"


TRANSITIONS: dict[TaskAction, tuple[frozenset[TaskStatus], TaskStatus]] = {
    TaskAction.ACCEPT: (frozenset({TaskStatus.RECEIVED, TaskStatus.NEEDS_MATERIAL}), TaskStatus.REVIEWING),
    TaskAction.REQUEST_MATERIAL: (frozenset({TaskStatus.RECEIVED, TaskStatus.REVIEWING}), TaskStatus.NEEDS_MATERIAL),
    TaskAction.FINISH: (frozenset({TaskStatus.REVIEWING}), TaskStatus.FINISHED),
    TaskAction.REFUSE: (
        frozenset({TaskStatus.RECEIVED, TaskStatus.REVIEWING, TaskStatus.NEEDS_MATERIAL}),
        TaskStatus.REFUSED,
    ),
}
REASON_REQUIRED = {TaskAction.REQUEST_MATERIAL: "需补正", TaskAction.REFUSE: "不予受理"}


def change_status(
    session: Session, task: DepartmentTask, action: TaskAction, reason: str | None, actor: str, now: datetime
) -> None:
    """Apply a department's action to a task inside the caller's transaction.

    Accept moves 已受理 or 需补正 to 审核中; request-material moves 已受理 or 审核中 to 需补正 (reason required);
    finish moves 审核中 to 已办结; refuse moves any open status to 不予受理 (reason required). The applicant's
    notifications are enqueued in the same transaction (:mod:`bundle_service.notifications.triggers`).

    Args:
        session: Open session (its transaction commits the change).
        task: The task, with its application loaded.
        action: What the department does.
        reason: Why (required for 需补正 and 不予受理; kept as a note otherwise).
        actor: ``department:<code>``.
        now: When.

    Raises:
        InvalidInput: a required reason is missing or too long.
        Conflict: the task's status does not allow the action.
    """
    reason = (reason or "").strip() or None
    if action in REASON_REQUIRED and reason is None:
        message = f"{REASON_REQUIRED[action]}须说明原因。"
        raise InvalidInput([FieldError("reason", "required", message)], message)
    if reason is not None and len(reason) > MAX_REASON_LENGTH:
        message = f"原因不能超过{MAX_REASON_LENGTH}个字。"
        raise InvalidInput([FieldError("reason", "reason_length", message)], message)
    allowed, target = TRANSITIONS[action]
    current = TaskStatus(task.status)
    if current not in allowed:
        raise Conflict(f"任务当前为“{current.label}”，不能改为“{target.label}”。", code="invalid_transition")
    change = TaskStatusChange(from_status=current.value, to_status=target.value, reason=reason, actor=actor, at=now)
    task.history.append(change)
    task.status = target.value
    task.reason = reason if target in (TaskStatus.NEEDS_MATERIAL, TaskStatus.REFUSED) else None
    task.updated_at = now
    task.finished_at = now if target.terminal else None
    application = task.application
    closed_before = OverallState(application.state).closed
    application.state = overall_state(TaskStatus(t.status) for t in application.tasks).value
    application.updated_at = now
    session.flush()
    task_changed(session, task, change.id, closed_before, now)
    tell_bookings_open(session, task, now)
    record(
        session,
        at=now,
        actor=actor,
        action="task.status_changed",
        application_id=application.id,
        details={
            "number": application.number,
            "task_id": task.id,
            "department": task.department_code,
            "from": current.value,
            "to": target.value,
            "reason": reason,
            "application_state": application.state,
        },
    )


def own_task(task: DepartmentTask | None, department: str) -> DepartmentTask:
    """``task`` when it is the department's own.

    Raises:
        NotFound: no such task.
        Forbidden: the task belongs to another department.
    """
    if task is None:
        raise NotFound("任务不存在。", code="task_not_found")
    if task.department_code != department:
        raise Forbidden("该任务不属于本部门。", code="not_your_task")
    return task


def decide(
    sessions: sessionmaker[Session],
    task_id: int,
    department: str,
    action: TaskAction,
    reason: str | None,
    now: datetime,
    answer: Callable[[Session, DepartmentTask], T],
) -> T:
    """A department's action on its own task, in one transaction; ``answer`` presents the changed task in it.

    Changes to one application's tasks are serialised (a row lock on the application), because its state derives
    from all of them.

    Raises:
        NotFound, Forbidden: as :func:`own_task`.
        InvalidInput, Conflict: as :func:`change_status`.
    """
    with sessions.begin() as session:
        application_id = session.scalar(select(DepartmentTask.application_id).where(DepartmentTask.id == task_id))
        if application_id is not None:
            session.execute(select(Application.id).where(Application.id == application_id).with_for_update())
        task = own_task(crud.task_by_id(session, task_id), department)
        change_status(session, task, action, reason, f"department:{department}", now)
        session.flush()
        return answer(session, task)
