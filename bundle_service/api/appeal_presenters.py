"""Turn stored 诉求 into API answers: labels, clock and light, contact and text masked for staff lists."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.core.masking import mask_name, mask_phone, mask_text
from bundle_service.crud.calendar import load_calendar
from bundle_service.hotline.appeals.categories import CategoryBook
from bundle_service.hotline.appeals.handling import STATUSES
from bundle_service.hotline.appeals.intake import KINDS
from bundle_service.models import Application, AuditEvent, Rating
from bundle_service.models.appeal import CLOSED, Appeal
from bundle_service.models.handoff import OutboxMessage
from bundle_service.progress.states import TaskStatus, traffic_light
from bundle_service.progress.working_days import WorkingCalendar
from bundle_service.schemas.appeal import AppealMessageOut, AppealOut, AuditLine, RatedRef, StaffAppealOut

AUDIT_SCAN = 2000  # newest 诉求 events scanned for one 诉求's trail


def _status(appeal: Appeal) -> TaskStatus:
    return TaskStatus.FINISHED if appeal.status == CLOSED else TaskStatus.REVIEWING


def owner_view(
    appeal: Appeal,
    messages: list[OutboxMessage],
    book: CategoryBook,
    session: Session,
    today: date,
    calendar: WorkingCalendar,
    message: str | None = None,
) -> AppealOut:
    """The owner's view: status, clock, light, staff messages and, once closed, the result."""
    category = book.get(appeal.category)
    light = traffic_light(_status(appeal), appeal.due_date, today, calendar)
    number = None
    if appeal.application_id is not None:
        number = session.scalar(select(Application.number).where(Application.id == appeal.application_id))
    return AppealOut(
        number=appeal.number,
        kind=appeal.kind,
        kind_label=KINDS.get(appeal.kind, appeal.kind),
        category=appeal.category,
        category_label=category.label if category else appeal.category,
        status=appeal.status,
        status_label=STATUSES.get(appeal.status, appeal.status),
        time_limit_days=appeal.time_limit_days,
        due_date=appeal.due_date,
        light=light.value if light else None,
        created_at=appeal.created_at,
        closed_at=appeal.closed_at,
        result=appeal.result,
        application_number=number,
        contact=mask_phone(appeal.contact_phone) if appeal.contact_phone else None,
        replies=[AppealMessageOut(text=m.text, at=m.created_at) for m in messages],
        message=message,
    )


def _source(session: Session, appeal: Appeal) -> RatedRef | None:
    if appeal.rating_id is None:
        return None
    rating = session.get(Rating, appeal.rating_id)
    if rating is None:
        return None
    ref: str | None = rating.conversation_id
    if rating.target == "handoff":
        ref = str(rating.handoff_id)
    elif rating.target == "application" and rating.application_id is not None:
        ref = session.scalar(select(Application.number).where(Application.id == rating.application_id))
    return RatedRef(kind=rating.target, ref=mask_text(ref) if ref else None, score=rating.score)


def _events(session: Session, number: str) -> list[AuditLine]:
    query = (
        select(AuditEvent).where(AuditEvent.action.like("appeal.%")).order_by(AuditEvent.id.desc()).limit(AUDIT_SCAN)
    )
    trail = [e for e in session.scalars(query) if (e.details or {}).get("appeal") == number]
    return [AuditLine(action=e.action, actor=e.actor, at=e.at) for e in reversed(trail)]


def staff_view(
    appeal: Appeal,
    messages: list[OutboxMessage],
    book: CategoryBook,
    session: Session,
    today: date,
    calendar: WorkingCalendar,
    with_events: bool = False,
) -> StaffAppealOut:
    """The staff view: the owner's plus holder, text (masked), source of a follow-up and working days left."""
    base = owner_view(appeal, messages, book, session, today, calendar)
    left = None if appeal.status == CLOSED else calendar.working_days_after(today, appeal.due_date)
    if left is not None and today > appeal.due_date:
        left = -calendar.working_days_after(appeal.due_date, today)
    return StaffAppealOut(
        **base.model_dump(),
        id=appeal.id,
        conversation_id=mask_text(appeal.conversation_id) if appeal.conversation_id else None,
        channel=appeal.channel,
        assigned_to=appeal.assigned_to,
        taken_at=appeal.taken_at,
        closed_by=appeal.closed_by,
        description=mask_text(appeal.description),
        place_time=mask_text(appeal.place_time) if appeal.place_time else None,
        contact_name=mask_name(appeal.contact_name) if appeal.contact_name else None,
        source=_source(session, appeal),
        working_days_left=left,
        events=_events(session, appeal.number) if with_events else None,
    )


def present_owner(
    sessions: sessionmaker[Session],
    today: date,
    book: CategoryBook,
    found: list[tuple[Appeal, list[OutboxMessage]]],
    message: str | None = None,
) -> list[AppealOut]:
    """Owner views of several 诉求 read in one session (``message`` goes on each)."""
    with sessions() as session:
        calendar = load_calendar(session)
        return [owner_view(a, m, book, session, today, calendar, message) for a, m in found]


def present_staff(
    sessions: sessionmaker[Session],
    today: date,
    book: CategoryBook,
    found: list[tuple[Appeal, list[OutboxMessage]]],
    with_events: bool = False,
) -> list[StaffAppealOut]:
    """Staff views of several 诉求 read in one session."""
    with sessions() as session:
        calendar = load_calendar(session)
        return [staff_view(a, m, book, session, today, calendar, with_events) for a, m in found]
