"""Staff login and, for admins, accounts and the audit log with a console session."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy.exc import IntegrityError

from bundle_service.api.callers import AdminStaffDep, DevicesDep, PeerDep, SignerDep, StaffDep
from bundle_service.api.deps import ServicesDep
from bundle_service.core import device_cookie
from bundle_service.core.errors import Conflict, Unauthenticated
from bundle_service.core.security import hash_password, needs_rehash, verify_password
from bundle_service.crud import staff as crud
from bundle_service.crud.audit import events, record, staff_actor
from bundle_service.hotline.staff_login_throttle import LoginThrottle
from bundle_service.models.staff import StaffAccount
from bundle_service.schemas.audit import AuditEventOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.staff import LoginIn, LoginOut, StaffIn, StaffOut

router = APIRouter(prefix="/staff", tags=["staff"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}}
# Checked against when the login name is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("not-a-password")


def staff_out(account: StaffAccount) -> StaffOut:
    """The API body of an account."""
    return StaffOut.model_validate(
        {"id": account.id, "display_name": account.display_name, "role": account.role, "active": account.active}
    )


@router.post("/login", responses={401: {"model": ErrorOut}, 429: {"model": ErrorOut}})
def login(
    body: LoginIn,
    request: Request,
    response: Response,
    services: ServicesDep,
    token_signer: SignerDep,
    devices: DevicesDep,
    address: PeerDep,
) -> LoginOut:
    """Exchange login name and password for a short-lived session token (and a device cookie).

    Wrong passwords lock the caller for growing delays (``hotline/staff_login_throttle.py``); a browser that logged in
    to the account before (valid device cookie) is held only by its own failures.

    Raises:
        Unauthenticated: 401 for a wrong name or password or a disabled account (one message for all).
        LoginLocked: 429 with ``Retry-After`` during a lockout (the password is not checked).
    """
    now = services.clock.now()
    guard = LoginThrottle(services.sessions, services.clock, services.settings.verify_window_seconds)
    device = devices.device_of(request.cookies.get(device_cookie.COOKIE_NAME), body.username, now)
    guard.check(body.username, address, device)
    with services.sessions.begin() as session:
        account = crud.get(session, body.username)
        valid = verify_password(body.password, account.password_hash if account else _DUMMY_HASH)
        if account is None or not valid or not account.active:
            record(session, at=now, actor="system", action="staff.login_failed", details={"username": body.username})
            failed = True
        else:
            if needs_rehash(account.password_hash):
                account.password_hash = hash_password(body.password)
            record(session, at=now, actor=staff_actor(account.id), action="staff.login", details={"role": account.role})
            failed = False
    if failed or account is None:
        guard.fail(body.username, address, device)
        raise Unauthenticated("用户名或密码错误。", code="invalid_credentials")
    response.set_cookie(
        device_cookie.COOKIE_NAME,
        devices.issue(account.id, now),
        max_age=int(device_cookie.LIFETIME.total_seconds()),
        path=request.url.path,  # sent back to the login only
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )
    token, expires_at = token_signer.issue(account.id, account.role, now)
    return LoginOut(token=token, expires_at=expires_at, staff=staff_out(account))


@router.get("/me", responses=ERRORS)
def me(staff: StaffDep, services: ServicesDep) -> StaffOut:
    """The logged-in staff member."""
    with services.sessions() as session:
        account = crud.get(session, staff.staff_id)
    assert account is not None
    return staff_out(account)


@router.get("/accounts", responses=ERRORS)
def accounts(admin: AdminStaffDep, services: ServicesDep) -> list[StaffOut]:
    """Every staff account (admin only)."""
    with services.sessions() as session:
        return [staff_out(a) for a in crud.all_accounts(session)]


@router.post("/accounts", status_code=201, responses={409: {"model": ErrorOut}, **ERRORS})
def create_account(body: StaffIn, admin: AdminStaffDep, services: ServicesDep) -> StaffOut:
    """Create a staff or admin account (admin only).

    Raises:
        Conflict: 409 when the login name exists.
    """
    now = services.clock.now()
    try:
        with services.sessions.begin() as session:
            if crud.get(session, body.id) is not None:
                raise Conflict("该用户名已存在。", code="staff_exists")
            account = crud.create(
                session,
                staff_id=body.id,
                display_name=body.display_name,
                role=body.role,
                password_hash=hash_password(body.password),
                now=now,
            )
            record(
                session,
                at=now,
                actor=staff_actor(admin.staff_id),
                action="staff.created",
                details={"id": body.id, "role": body.role},
            )
    except IntegrityError:
        raise Conflict("该用户名已存在。", code="staff_exists") from None
    return staff_out(account)


@router.get("/audit", responses=ERRORS)
def audit(
    admin: AdminStaffDep,
    services: ServicesDep,
    actor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditEventOut]:
    """Newest audit events first, optionally of one actor such as ``staff:zhangsan`` (admin only)."""
    with services.sessions() as session:
        found = events(session, None, 1000 if actor else limit)
    chosen = [e for e in found if actor is None or e.actor == actor][:limit]
    return [AuditEventOut(at=e.at, actor=e.actor, action=e.action, details=e.details) for e in chosen]
