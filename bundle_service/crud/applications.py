"""Applicants, applications, their tasks and ratings."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from bundle_service.models import Applicant, Application, DepartmentTask, Rating


def _with_tasks() -> list[LoaderOption]:
    return [selectinload(Application.tasks), selectinload(Application.applicant), selectinload(Application.rating)]


def by_number(session: Session, number: str) -> Application | None:
    """The application with ``number``, its tasks, applicant and rating loaded."""
    query = select(Application).where(Application.number == number).options(*_with_tasks())
    return session.scalars(query).one_or_none()


def ownership(session: Session, number: str) -> tuple[int, str | None, str] | None:
    """Just what proves ownership of ``number``: the application id, its owner's openid and the ID number.

    One indexed row, the same work for a number that exists and one that does not (no tasks are loaded).
    """
    query = (
        select(Application.id, Application.owner_openid, Applicant.id_number)
        .join(Applicant, Applicant.id == Application.applicant_id)
        .where(Application.number == number)
    )
    row = session.execute(query).one_or_none()
    return None if row is None else (row[0], row[1], row[2])


def by_idempotency_key(session: Session, key: str) -> Application | None:
    """The application filed with idempotency key ``key``, if any."""
    query = select(Application).where(Application.idempotency_key == key).options(*_with_tasks())
    return session.scalars(query).one_or_none()


def by_owner_openid(session: Session, openid: str) -> list[Application]:
    """Applications filed with the owner's WeChat ``openid``, newest first, tasks, applicant and rating loaded."""
    query = (
        select(Application)
        .where(Application.owner_openid == openid)
        .options(*_with_tasks())
        .order_by(Application.submitted_at.desc(), Application.id.desc())
    )
    return list(session.scalars(query))


def upsert_applicant(session: Session, id_number: str, name: str, at: datetime) -> Applicant:
    """The applicant with ``id_number``, created if new (safe when two filings race), with the latest name."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(Applicant)
        .values(id_number=id_number, name=name, created_at=at)
        .on_conflict_do_nothing(index_elements=[Applicant.id_number])
    )
    applicant = session.scalars(select(Applicant).where(Applicant.id_number == id_number)).one()
    applicant.name = name
    return applicant


def task_by_id(session: Session, task_id: int) -> DepartmentTask | None:
    """A department task with its application and history."""
    query = (
        select(DepartmentTask)
        .where(DepartmentTask.id == task_id)
        .options(selectinload(DepartmentTask.history), selectinload(DepartmentTask.application))
    )
    return session.scalars(query).one_or_none()


def tasks_of_department(session: Session, department: str, statuses: list[str] | None = None) -> list[DepartmentTask]:
    """A department's tasks, soonest due first, optionally filtered by status."""
    query = (
        select(DepartmentTask)
        .where(DepartmentTask.department_code == department)
        .options(selectinload(DepartmentTask.application), selectinload(DepartmentTask.history))
        .order_by(DepartmentTask.due_date, DepartmentTask.id)
    )
    if statuses:
        query = query.where(DepartmentTask.status.in_(statuses))
    return list(session.scalars(query))


def open_tasks_received_since(session: Session, since: datetime) -> list[DepartmentTask]:
    """Open tasks received at or after ``since`` (their due dates may move when a calendar is loaded)."""
    query = select(DepartmentTask).where(
        DepartmentTask.received_at >= since, DepartmentTask.status.in_(["received", "reviewing", "needs_material"])
    )
    return list(session.scalars(query))


def add_rating(
    session: Session, application: Application, score: int, comment: str | None, by: str, at: datetime
) -> Rating:
    """Attach the rating of an application (the unique constraint rejects a second one)."""
    rating = Rating(application_id=application.id, score=score, comment=comment, rated_by=by, created_at=at)
    session.add(rating)
    return rating
