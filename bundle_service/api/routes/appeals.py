"""诉求: categories, filing, the owner's status, and the staff console's queue.

Filing comes from the bot or a logged-in page; staff take, reply, re-classify, close and read the contact.
HTTP only: the rules live in ``hotline/appeals``.
"""

from typing import Annotated

from fastapi import APIRouter, Header, Query

from bundle_service.api.appeal_presenters import present_owner, present_staff
from bundle_service.api.callers import ChatCallerDep, StaffDep
from bundle_service.api.deps import ServicesDep
from bundle_service.hotline.appeals.handling import AppealDesk, StaffMember
from bundle_service.hotline.appeals.intake import AppealIntake, NewAppeal
from bundle_service.hotline.appeals.records import AppealContext
from bundle_service.hotline.settings import current_hours
from bundle_service.models.appeal import CLOSED, HANDLING, PENDING, Appeal
from bundle_service.models.handoff import OutboxMessage
from bundle_service.schemas.appeal import (
    AppealIn,
    AppealOut,
    AppealQueueOut,
    AppealReplyIn,
    AppealReplyOut,
    CategoriesOut,
    CategoryOut,
    CategoryRef,
    ClassifyIn,
    ClassifyOut,
    CloseIn,
    ContactOut,
    OwnerAppealsOut,
    OwnerStatusIn,
    RecategorizeIn,
    StaffAppealOut,
)
from bundle_service.schemas.common import ErrorOut

router = APIRouter(tags=["appeals"])
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    404: {"model": ErrorOut},
    409: {"model": ErrorOut},
    429: {"model": ErrorOut},
}
STATUS_FILTERS = {"pending": (PENDING,), "handling": (HANDLING,), "closed": (CLOSED,), "open": (PENDING, HANDLING)}


def _context(services: ServicesDep) -> AppealContext:
    return AppealContext(services.settings, services.engine, services.sessions, services.clock)


def _intake(services: ServicesDep) -> AppealIntake:
    return AppealIntake(_context(services), services.verifier)


def _owner_out(
    services: ServicesDep, appeal: Appeal, messages: list[OutboxMessage], message: str | None = None
) -> AppealOut:
    book = _context(services).book
    return present_owner(services.sessions, services.clock.today(), book, [(appeal, messages)], message)[0]


def _staff_out(
    services: ServicesDep, appeal: Appeal, messages: list[OutboxMessage], events: bool = False
) -> StaffAppealOut:
    book = _context(services).book
    return present_staff(services.sessions, services.clock.today(), book, [(appeal, messages)], events)[0]


@router.get("/appeals/categories")
def categories(services: ServicesDep) -> CategoriesOut:
    """The categories users may choose, with their time limits."""
    book = _context(services).book
    return CategoriesOut(
        categories=[
            CategoryOut(code=c.code, label=c.label, time_limit_days=c.time_limit_days, description=c.reason)
            for c in book.selectable()
        ]
    )


@router.post("/appeals/classify")
def classify(body: ClassifyIn, services: ServicesDep) -> ClassifyOut:
    """Propose a category for the user's text (the most keyword hits; none → 其他)."""
    proposal = _context(services).book.classify(body.text)
    return ClassifyOut(
        category=proposal.category.code,
        label=proposal.category.label,
        matched=list(proposal.matched),
        alternatives=[CategoryRef(code=c.code, label=c.label) for c in proposal.alternatives],
    )


def _promise(services: ServicesDep, appeal: Appeal, kind_label: str) -> str:
    due = appeal.due_date
    text = (
        f"您的{kind_label}已登记，编号{appeal.number}，我们将在{appeal.time_limit_days}个工作日内"
        f"（{due.year}年{due.month}月{due.day}日前）答复您。"
    )
    hours = current_hours(services.sessions, services.clock)
    return text if hours.open_now else f"{text}{hours.message}"


@router.post("/appeals", status_code=201, responses=ERRORS)
def file_appeal(body: AppealIn, services: ServicesDep, caller: ChatCallerDep) -> AppealOut:
    """File a 诉求 (the bot's complaint form, or a logged-in page).

    Raises:
        InvalidInput: 422 for a wrong phone, a missing contact, an unknown kind or category.
        NotFound: 404 when the application number does not verify.
        TooManyAttempts: 429 after repeated wrong verifications.
    """
    conversation = caller.conversation(body.conversation_id)
    new = NewAppeal(
        kind=body.kind,
        description=body.description,
        place_time=body.place_time,
        category=body.category,
        application_number=body.application_number,
        id_last6=body.id_last6,
        contact_name=body.contact_name,
        contact_phone=body.contact_phone,
        conversation_id=conversation,
        channel=caller.channel(body.channel, conversation),
        owner_openid=caller.openid,
    )
    appeal = _intake(services).file(new, caller.actor, caller.client_key)
    out = _owner_out(services, appeal, [])
    out.message = _promise(services, appeal, out.kind_label)
    return out


@router.post("/appeals/{number}/status", responses=ERRORS)
def owner_status(number: str, body: OwnerStatusIn, services: ServicesDep, caller: ChatCallerDep) -> AppealOut:
    """The status (and, once closed, the result) for the owner: the logged-in filer or the contact phone's last 4.

    Raises:
        NotFound: 404 ``appeal_not_found``, alike for an unknown number and a wrong proof.
        TooManyAttempts: 429 after repeated failures.
    """
    appeal, messages = _intake(services).status_for_owner(number, body.phone_last4, caller.openid, caller.client_key)
    return _owner_out(services, appeal, messages)


@router.get("/appeals/{number}/status", responses=ERRORS)
def owner_status_by_header(
    number: str,
    services: ServicesDep,
    caller: ChatCallerDep,
    x_phone_last4: Annotated[str | None, Header(max_length=4)] = None,
) -> AppealOut:
    """The GET form of the owner's status, the proof in ``X-Phone-Last4``."""
    appeal, messages = _intake(services).status_for_owner(number, x_phone_last4, caller.openid, caller.client_key)
    return _owner_out(services, appeal, messages)


@router.get("/me/appeals", responses=ERRORS)
def my_appeals(services: ServicesDep, caller: ChatCallerDep) -> OwnerAppealsOut:
    """The logged-in user's own 诉求 (nothing for a caller without a WeChat login)."""
    if caller.openid is None:
        return OwnerAppealsOut(appeals=[])
    found = _intake(services).of_owner(caller.openid)
    book = _context(services).book
    return OwnerAppealsOut(appeals=present_owner(services.sessions, services.clock.today(), book, found))


def _desk(services: ServicesDep) -> AppealDesk:
    return AppealDesk(_context(services))


@router.get("/appeals", responses=ERRORS)
def queue(
    services: ServicesDep,
    staff: StaffDep,
    status: Annotated[str, Query(pattern="^(pending|handling|closed|open)$")] = "open",
    category: Annotated[str | None, Query(max_length=40)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    light: Annotated[str | None, Query(pattern="^(green|yellow|red)$")] = None,
    mine: bool = False,
) -> AppealQueueOut:
    """The console's 诉求 queue, earliest due first, with the counts of the whole queue (staff)."""
    pairs, counts = _desk(services).queue(STATUS_FILTERS[status], category, kind, staff.staff_id if mine else None)
    views = present_staff(services.sessions, services.clock.today(), _context(services).book, pairs)
    if light:
        views = [view for view in views if view.light == light]
    return AppealQueueOut(appeals=views, counts=counts)


@router.get("/appeals/{number}", responses=ERRORS)
def detail(number: str, services: ServicesDep, staff: StaffDep) -> StaffAppealOut:
    """One 诉求 with its messages and audit trail (staff)."""
    appeal, messages = _desk(services).detail(number)
    return _staff_out(services, appeal, messages, events=True)


def _member(staff: StaffDep) -> StaffMember:
    return StaffMember(staff.staff_id, staff.role)


@router.post("/appeals/{number}/take", responses=ERRORS)
def take(number: str, services: ServicesDep, staff: StaffDep) -> StaffAppealOut:
    """Take a pending 诉求 (one winner; 409 ``already_taken``)."""
    _desk(services).take(number, _member(staff))
    appeal, messages = _desk(services).detail(number)
    return _staff_out(services, appeal, messages)


@router.post("/appeals/{number}/messages", status_code=201, responses=ERRORS)
def reply(number: str, body: AppealReplyIn, services: ServicesDep, staff: StaffDep) -> AppealReplyOut:
    """Reply to the user on their channel (the holder only; 409 ``not_yours``)."""
    message = _desk(services).reply(number, _member(staff), body.text.strip())
    return AppealReplyOut(id=message.id, text=message.text, at=message.created_at, delivery=message.delivery)


@router.post("/appeals/{number}/close", responses=ERRORS)
def close(number: str, body: CloseIn, services: ServicesDep, staff: StaffDep) -> StaffAppealOut:
    """Close with a result told to the user (the holder, or an admin; 403 ``not_yours``)."""
    _desk(services).close(number, _member(staff), body.result.strip())
    appeal, messages = _desk(services).detail(number)
    return _staff_out(services, appeal, messages)


@router.post("/appeals/{number}/category", responses=ERRORS)
def recategorize(number: str, body: RecategorizeIn, services: ServicesDep, staff: StaffDep) -> StaffAppealOut:
    """Move an open 诉求 to another category (its time limit follows)."""
    _desk(services).recategorize(number, _member(staff), body.category)
    appeal, messages = _desk(services).detail(number)
    return _staff_out(services, appeal, messages)


@router.post("/appeals/{number}/contact", responses=ERRORS)
def contact(number: str, services: ServicesDep, staff: StaffDep) -> ContactOut:
    """The full contact for the holder or an admin (audited ``appeal.contact_viewed``)."""
    appeal = _desk(services).contact(number, _member(staff))
    return ContactOut(contact_name=appeal.contact_name, contact_phone=appeal.contact_phone)
