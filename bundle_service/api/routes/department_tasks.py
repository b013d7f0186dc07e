"""The department side: a department (by its API key) lists and decides its own tasks."""

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select

from bundle_service.api.callers import DepartmentDep
from bundle_service.api.deps import ServicesDep, SessionDep, calendar_of
from bundle_service.api.presenters import department_task_out
from bundle_service.catalog import load_departments
from bundle_service.core.errors import FieldError, Forbidden, InvalidInput, NotFound
from bundle_service.crud import applications as crud
from bundle_service.models import Application, DepartmentTask
from bundle_service.progress.states import TASK_LABELS
from bundle_service.progress.workflow import TaskAction, change_status
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.department import DepartmentTaskOut, DepartmentTasksOut, TaskActionIn

router = APIRouter(prefix="/api/v1/department/tasks", tags=["department"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    404: {"model": ErrorOut},
}


def _status_code(value: str) -> str:
    for status, label in TASK_LABELS.items():
        if value in (status.value, label):
            return status.value
    options = "、".join(f"{s.value}（{label}）" for s, label in TASK_LABELS.items())
    raise InvalidInput([FieldError("status", "status_unknown", f"状态“{value}”无法识别，可选：{options}。")])


def _own_task(task: DepartmentTask | None, department: str) -> DepartmentTask:
    if task is None:
        raise NotFound("任务不存在。", code="task_not_found")
    if task.department_code != department:
        raise Forbidden("该任务不属于本部门。", code="not_your_task")
    return task


@router.get("", responses=ERRORS)
def list_tasks(
    department: DepartmentDep,
    services: ServicesDep,
    session: SessionDep,
    status: Annotated[list[str] | None, Query()] = None,
) -> DepartmentTasksOut:
    """The calling department's tasks, soonest due first; ``?status=`` (code or label, repeatable) filters."""
    statuses = [_status_code(s) for s in status] if status else None
    tasks = crud.tasks_of_department(session, department, statuses)
    calendar, today = calendar_of(session), services.clock.today()
    return DepartmentTasksOut(
        department_code=department,
        department=load_departments()[department].name,
        tasks=[department_task_out(task, calendar, today) for task in tasks],
    )


@router.get("/{task_id}", responses=ERRORS)
def get_task(task_id: int, department: DepartmentDep, services: ServicesDep, session: SessionDep) -> DepartmentTaskOut:
    """One task of the calling department (403 for another department's task)."""
    task = _own_task(crud.task_by_id(session, task_id), department)
    return department_task_out(task, calendar_of(session), services.clock.today())


def _act(
    task_id: int, action: TaskAction, body: TaskActionIn | None, department: str, services: ServicesDep
) -> DepartmentTaskOut:
    with services.sessions.begin() as session:
        application_id = session.scalar(select(DepartmentTask.application_id).where(DepartmentTask.id == task_id))
        if application_id is not None:  # serialise changes to one application's tasks (its state derives from all)
            session.execute(select(Application.id).where(Application.id == application_id).with_for_update())
        task = _own_task(crud.task_by_id(session, task_id), department)
        change_status(
            session, task, action, body.reason if body else None, f"department:{department}", services.clock.now()
        )
        session.flush()
        answer = department_task_out(task, calendar_of(session), services.clock.today())
    return answer


@router.post("/{task_id}/accept", responses={409: {"model": ErrorOut}, **ERRORS})
def accept(
    task_id: int, department: DepartmentDep, services: ServicesDep, body: TaskActionIn | None = None
) -> DepartmentTaskOut:
    """已受理 or 需补正 → 审核中 (409 from any other status)."""
    return _act(task_id, TaskAction.ACCEPT, body, department, services)


@router.post("/{task_id}/request-material", responses={409: {"model": ErrorOut}, 422: {"model": ErrorOut}, **ERRORS})
def request_material(
    task_id: int, body: TaskActionIn, department: DepartmentDep, services: ServicesDep
) -> DepartmentTaskOut:
    """已受理 or 审核中 → 需补正, with the reason (422 without one)."""
    return _act(task_id, TaskAction.REQUEST_MATERIAL, body, department, services)


@router.post("/{task_id}/finish", responses={409: {"model": ErrorOut}, **ERRORS})
def finish(
    task_id: int, department: DepartmentDep, services: ServicesDep, body: TaskActionIn | None = None
) -> DepartmentTaskOut:
    """审核中 → 已办结."""
    return _act(task_id, TaskAction.FINISH, body, department, services)


@router.post("/{task_id}/refuse", responses={409: {"model": ErrorOut}, 422: {"model": ErrorOut}, **ERRORS})
def refuse(task_id: int, body: TaskActionIn, department: DepartmentDep, services: ServicesDep) -> DepartmentTaskOut:
    """Any open status → 不予受理, with the reason (422 without one)."""
    return _act(task_id, TaskAction.REFUSE, body, department, services)
