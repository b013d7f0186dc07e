"""Notifications: the user turns them on or off and records subscribe answers; staff see what was sent and switch."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from bundle_service.api.callers import OpenidDep, StaffDep
from bundle_service.api.deps import ServicesDep, SessionDep, TransactionDep
from bundle_service.api.notification_presenters import notification_out, settings_out
from bundle_service.core.errors import Conflict, NotFound
from bundle_service.core.security import StaffSession
from bundle_service.crud import applications as crud
from bundle_service.crud.audit import record, staff_actor
from bundle_service.models import Application, Notification
from bundle_service.notifications.outbox import recipient_of
from bundle_service.notifications.preferences import enabled, record_answers, set_enabled, subscriptions, switched_by
from bundle_service.progress.owner_verification import Claim
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.notification import (
    NotificationSettingsIn,
    NotificationSettingsOut,
    NotificationsOut,
    StaffSwitchIn,
    SubscribeAnswersIn,
)

router = APIRouter(tags=["notifications"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}}


def _settings(services: ServicesDep, session: Session, openid: str) -> NotificationSettingsOut:
    on, found = enabled(session, openid), subscriptions(session, openid)
    return settings_out(on, found, services.settings.notify_quiet_hours)


@router.get("/me/notifications", responses=ERRORS)
def my_settings(openid: OpenidDep, services: ServicesDep, session: SessionDep) -> NotificationSettingsOut:
    """Whether the logged-in user gets notifications, and the subscribe messages they have left per template.

    Raises:
        Unauthenticated: 401 without a valid login token.
    """
    return _settings(services, session, openid)


@router.put("/me/notifications", responses={422: {"model": ErrorOut}, **ERRORS})
def change_settings(
    body: NotificationSettingsIn, openid: OpenidDep, services: ServicesDep, session: TransactionDep
) -> NotificationSettingsOut:
    """Turn the logged-in user's notifications on or off (the H5 and mini-program 我的 page, the bot's phrase).

    Raises:
        Unauthenticated: 401 without a valid login token.
    """
    set_enabled(session, openid, body.enabled, "user", services.clock.now())
    session.flush()
    return _settings(services, session, openid)


@router.post("/me/notifications/subscriptions", responses={422: {"model": ErrorOut}, **ERRORS})
def subscribe(
    body: SubscribeAnswersIn, openid: OpenidDep, services: ServicesDep, session: TransactionDep
) -> NotificationSettingsOut:
    """Record the answers of ``wx.requestSubscribeMessage``: each accept allows one more message of its template.

    Raises:
        Unauthenticated: 401 without a valid login token.
        InvalidInput: 422, a template this service does not send.
    """
    record_answers(session, openid, body.answers, services.clock.now())
    session.flush()
    return _settings(services, session, openid)


def _verified(
    staff: StaffDep,
    services: ServicesDep,
    session: TransactionDep,
    application: Annotated[str, Query(min_length=1, max_length=20)],
    x_id_last6: Annotated[str | None, Header(max_length=6)] = None,
) -> Application:
    """The application ``application`` (its number) once staff proved its caller (``X-Id-Last6``; admins need none)."""
    number = application.strip().upper()
    if staff.role != "admin":
        services.verifier.verify(number, Claim(id_last6=x_id_last6, openid=None), staff_actor(staff.staff_id))
    found = crud.by_number(session, number)
    if found is None:
        raise NotFound("申请不存在。", code="application_not_found")
    return found


VerifiedDep = Annotated[Application, Depends(_verified)]


def _of(services: ServicesDep, session: Session, found: Application, staff: StaffSession) -> NotificationsOut:
    query = select(Notification).where(Notification.application_id == found.id).order_by(Notification.id.desc())
    rows = [notification_out(row) for row in session.scalars(query)]
    record(
        session,
        at=services.clock.now(),
        actor=staff_actor(staff.staff_id),
        action="notifications.viewed",
        application_id=found.id,
        details={"number": found.number, "count": len(rows)},
    )
    key = recipient_of(found).key
    on, by = (enabled(session, key), switched_by(session, key)) if key else (False, None)
    return NotificationsOut(application_number=found.number, notifications=rows, enabled=on, enabled_by=by)


@router.get("/notifications", responses={404: {"model": ErrorOut}, 429: {"model": ErrorOut}, **ERRORS})
def of_application(
    found: VerifiedDep, staff: StaffDep, services: ServicesDep, session: TransactionDep
) -> NotificationsOut:
    """What the applicant of ``application`` (its number) was told, how each send went, and whether they get any.

    Staff prove the caller's application like the console's lookup (``X-Id-Last6``, the last 6 characters of the
    applicant's ID number; throttled per staff member); admins read without. Recipients are masked; every look is
    audited (``notifications.viewed``).

    Raises:
        Unauthenticated: 401 without a staff session.
        NotFound: 404, no such application or a wrong proof (the same answer).
        TooManyAttempts: 429 after repeated wrong proofs.
    """
    return _of(services, session, found, staff)


@router.put(
    "/notifications/switch", responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 429: {"model": ErrorOut}}
)
def switch(
    body: StaffSwitchIn, found: VerifiedDep, staff: StaffDep, services: ServicesDep, session: TransactionDep
) -> NotificationsOut:
    """Hotline staff turn a verified caller's notifications off or on (a caller without WeChat cannot do it alone).

    The switch is the applicant's: their WeChat account, or the application's phone for an applicant without one
    (the same switch the user's own 我的 page, the bot and an SMS reply "TD" turn). Proof as for reading; audited
    as ``notifications.switched``.

    Raises:
        Unauthenticated: 401 without a staff session.
        NotFound: 404, no such application or a wrong proof.
        Conflict: 409 ``no_recipient``, the application has neither a WeChat account nor a phone.
        TooManyAttempts: 429 after repeated wrong proofs.
    """
    key = recipient_of(found).key
    if key is None:
        raise Conflict("这份申请没有可通知的微信或手机号。", code="no_recipient")
    now, actor = services.clock.now(), staff_actor(staff.staff_id)
    set_enabled(session, key, body.enabled, actor, now)
    record(
        session,
        at=now,
        actor=actor,
        action="notifications.switched",
        application_id=found.id,
        details={"number": found.number, "enabled": body.enabled, "channel": "wechat" if found.owner_openid else "sms"},
    )
    session.flush()
    return _of(services, session, found, staff)
