"""Seeded rows for the dashboard's figures: applications with department tasks, handoffs, knowledge asks.

Written straight into the tables (the figures read tables; how rows get there is other tests' business), so each
figure can be checked against numbers known in advance. Used by the service tests and the browser test.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from bundle_service.models import Applicant, Application, DepartmentTask, Handoff, KnowledgeAsk, UnansweredQuestion

APPLICANT_ID_NUMBER = "430111199601010021"


@dataclass(frozen=True)
class TaskSeed:
    """One department task: its department, status, due date and when it was received."""

    department: str
    status: str
    due: date
    received_at: datetime


def add_application(session: Session, number: str, tasks: list[TaskSeed]) -> Application:
    """An application (of one made-up applicant) with the given department tasks."""
    applicant = session.query(Applicant).filter_by(id_number=APPLICANT_ID_NUMBER).one_or_none()
    first = tasks[0].received_at
    if applicant is None:
        applicant = Applicant(id_number=APPLICANT_ID_NUMBER, name="赵新", created_at=first)
        session.add(applicant)
        session.flush()
    application = Application(
        number=number,
        applicant_id=applicant.id,
        applicant_name="赵新",
        phone="13912345678",
        person_category="returning_migrant_worker",
        items=["business_registration"],
        filed_by="test",
        state="in_progress",
        materials=[],
        shared_fields={},
        submitted_at=first,
        updated_at=first,
    )
    session.add(application)
    session.flush()
    for task in tasks:
        session.add(
            DepartmentTask(
                application_id=application.id,
                department_code=task.department,
                items=["business_registration"],
                status=task.status,
                received_at=task.received_at,
                time_limit_days=5,
                due_date=task.due,
                finished_at=task.received_at + timedelta(days=1) if task.status in ("finished", "refused") else None,
                updated_at=task.received_at,
            )
        )
    return application


def add_handoffs(session: Session, at: datetime, count: int) -> None:
    """``count`` requests for a person at ``at``."""
    for index in range(count):
        session.add(
            Handoff(
                conversation_id=f"web:handoff-{at.timestamp()}-{index}",
                channel="rest",
                reason="asked_person",
                status="waiting",
                created_at=at.astimezone(timezone.utc),
            )
        )


def add_asks(
    session: Session, at: datetime, status: str, count: int, source: tuple[str, str, str] | None = None
) -> None:
    """``count`` knowledge asks of one outcome; ``source`` (kind, id, title) for answered ones."""
    kind, source_id, title = source or (None, None, None)
    for index in range(count):
        session.add(
            KnowledgeAsk(
                asked_at=at + timedelta(minutes=index),
                conversation_id=f"web:ask-{index}",
                question=f"{title or '问题'}？（第{index + 1}种问法）",
                status=status,
                source_kind=kind,
                source_id=source_id,
                source_title=title,
                score=0.8 if kind else None,
            )
        )


def add_unanswered(session: Session, at: datetime, questions: list[str]) -> None:
    """Open questions of the unanswered queue, one minute apart."""
    for index, question in enumerate(questions):
        session.add(UnansweredQuestion(question=question, asked_at=at + timedelta(minutes=index), status="open"))
