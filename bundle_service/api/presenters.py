"""Turn stored applications, tasks and search results into API answers, masking personal data where needed."""

from datetime import date

from fastapi import Response

from bundle_service.api.deps import Services, calendar_of
from bundle_service.applications.catalog import load_departments, load_items
from bundle_service.applications.filing import FORM_COLUMNS, Filing
from bundle_service.core.masking import mask_id_number, mask_name, mask_phone
from bundle_service.knowledge.service import SearchResult
from bundle_service.models import Application, DepartmentTask
from bundle_service.progress.states import OverallState, TaskStatus, traffic_light
from bundle_service.progress.working_days import WorkingCalendar
from bundle_service.schemas.application import (
    ApplicantOut,
    ApplicationOut,
    DepartmentProgress,
    ItemRef,
    MaterialOut,
)
from bundle_service.schemas.department import DepartmentTaskOut, HistoryOut
from bundle_service.schemas.knowledge import HitOut, KnowledgeSearchOut, SourceOut


def _items(codes: list[str]) -> list[ItemRef]:
    catalogue = load_items()
    return [ItemRef(code=code, name=catalogue[code].name) for code in codes]


def _days_left(status: TaskStatus, due: date, today: date, calendar: WorkingCalendar) -> int | None:
    if status.terminal:
        return None
    if today > due:
        return -calendar.working_days_after(due, today)
    return calendar.working_days_after(today, due)


def progress_of(task: DepartmentTask, calendar: WorkingCalendar, today: date) -> DepartmentProgress:
    """A task's status, clock and light."""
    status = TaskStatus(task.status)
    light = traffic_light(status, task.due_date, today, calendar)
    return DepartmentProgress(
        task_id=task.id,
        department_code=task.department_code,
        department=load_departments()[task.department_code].name,
        items=_items(task.items),
        status=status.value,
        status_label=status.label,
        reason=task.reason,
        received_at=task.received_at,
        time_limit_days=task.time_limit_days,
        due_date=task.due_date,
        due_date_estimated=task.due_date_estimated,
        due_date_note=task.due_date_note,
        working_days_left=_days_left(status, task.due_date, today, calendar),
        light=light.value if light else None,
    )


def applicant_of(application: Application, reveal: bool) -> ApplicantOut:
    """Name, ID and phone: in full for departments, masked for everyone else."""
    id_number = application.applicant.id_number
    if reveal:
        return ApplicantOut(name=application.applicant_name, id_number=id_number, phone=application.phone)
    return ApplicantOut(
        name=mask_name(application.applicant_name),
        id_number=mask_id_number(id_number),
        phone=mask_phone(application.phone),
    )


def application_out(application: Application, calendar: WorkingCalendar, today: date) -> ApplicationOut:
    """The application as its owner (or the filer) sees it, personal data masked."""
    state = OverallState(application.state)
    return ApplicationOut(
        number=application.number,
        state=state.value,
        state_label=state.label,
        submitted_at=application.submitted_at,
        filed_by=application.filed_by,
        one_click=application.one_click,
        applicant=applicant_of(application, reveal=False),
        items=_items(application.items),
        materials=[MaterialOut(**m) for m in application.materials],
        shared_fields=application.shared_fields,
        departments=[progress_of(task, calendar, today) for task in application.tasks],
        finished=state.closed,
        rated=application.rating is not None,
    )


def department_task_out(task: DepartmentTask, calendar: WorkingCalendar, today: date) -> DepartmentTaskOut:
    """A task as its department sees it, with the applicant's full data and the form."""
    application = task.application
    form = {name: getattr(application, name) for name in FORM_COLUMNS}
    form["items"] = application.items
    return DepartmentTaskOut(
        **progress_of(task, calendar, today).model_dump(),
        application_number=application.number,
        application_state=application.state,
        applicant=applicant_of(application, reveal=True),
        form={k: (v.isoformat() if isinstance(v, date) else v) for k, v in form.items()},
        materials=[MaterialOut(**m) for m in application.materials],
        history=[
            HistoryOut(from_status=h.from_status, to_status=h.to_status, reason=h.reason, actor=h.actor, at=h.at)
            for h in task.history
        ],
    )


def application_answer(application: Application, services: Services) -> ApplicationOut:
    """One application as the API shows it: due dates on the working calendar as loaded now, lights as of today."""
    with services.sessions() as session:
        calendar = calendar_of(session)
    return application_out(application, calendar, services.clock.today())


def filing_out(filing: Filing, response: Response, services: Services) -> ApplicationOut:
    """A filing as the API answers it: 201, or 200 with ``Idempotent-Replayed: true`` for a replayed key."""
    if filing.replayed:
        response.status_code = 200
        response.headers["Idempotent-Replayed"] = "true"
    return application_answer(filing.application, services)


def search_out(result: SearchResult) -> KnowledgeSearchOut:
    """The API body of a knowledge search result."""
    hits = [
        HitOut(
            text=h.entry.text,
            score=round(h.score, 4),
            dense=round(h.dense, 4),
            bm25=round(h.bm25, 4),
            kind=h.entry.kind,  # type: ignore[arg-type]  # one of the three kinds of Entry
            source=h.source,
            document=h.entry.document,
            section=h.entry.section,
            item=h.entry.item or None,
            region=h.entry.region,
        )
        for h in result.hits
    ]
    return KnowledgeSearchOut(
        status=result.status,
        answer=result.answer,
        sources=[SourceOut.model_validate(s) for s in result.sources],
        hits=hits,
        took_ms=round(result.took_ms, 1),
        unanswered_id=result.unanswered_id,
        choices=result.choices,
        declined=result.declined or None,
    )
