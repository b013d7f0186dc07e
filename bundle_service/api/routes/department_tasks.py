"""The department side: a department (by its API key) lists and decides its own tasks."""

from typing import Annotated

from fastapi import APIRouter, Query

from bundle_service.api.callers import DepartmentDep
from bundle_service.api.deps import ServicesDep, SessionDep, calendar_of
from bundle_service.api.presenters import department_task_out
from bundle_service.applications.catalog import load_departments
from bundle_service.crud import applications as crud
from bundle_service.progress.states import status_of
from bundle_service.progress.workflow import TaskAction, decide, own_task
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.department import DepartmentTaskOut, DepartmentTasksOut, TaskActionIn

router = APIRouter(prefix="/department/tasks", tags=["department"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    404: {"model": ErrorOut},
}


@router.get("", responses=ERRORS)
def list_tasks(
    department: DepartmentDep,
    services: ServicesDep,
    session: SessionDep,
    status: Annotated[list[str] | None, Query()] = None,
) -> DepartmentTasksOut:
    """The calling department's tasks, soonest due first; ``?status=`` (code or label, repeatable) filters."""
    statuses = [status_of(s).value for s in status] if status else None
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
    task = own_task(crud.task_by_id(session, task_id), department)
    return department_task_out(task, calendar_of(session), services.clock.today())


def _act(
    task_id: int, action: TaskAction, body: TaskActionIn | None, department: str, services: ServicesDep
) -> DepartmentTaskOut:
    today = services.clock.today()
    reason = body.reason if body else None
    return decide(
        services.sessions,
        task_id,
        department,
        action,
        reason,
        services.clock.now(),
        lambda session, task: department_task_out(task, calendar_of(session), today),
    )


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
