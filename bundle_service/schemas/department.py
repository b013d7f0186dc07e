"""The department side: task list, task detail, actions."""

from datetime import datetime

from pydantic import BaseModel, Field

from bundle_service.schemas.application import ApplicantOut, DepartmentProgress, MaterialOut


class TaskActionIn(BaseModel):
    """Reason of a status change (required for 需补正 and 不予受理)."""

    reason: str | None = Field(default=None, max_length=2000)


class HistoryOut(BaseModel):
    """One status change."""

    from_status: str | None
    to_status: str
    reason: str | None
    actor: str
    at: datetime


class DepartmentTaskOut(DepartmentProgress):
    """A task as its department sees it: the full form data it needs to decide."""

    application_number: str
    application_state: str
    applicant: ApplicantOut
    form: dict[str, object]
    materials: list[MaterialOut]
    history: list[HistoryOut]


class DepartmentTasksOut(BaseModel):
    """The calling department's tasks."""

    department_code: str
    department: str
    tasks: list[DepartmentTaskOut]
