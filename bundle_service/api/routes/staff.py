"""Staff login and, for admins, accounts and the audit log with a console session."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from bundle_service.api.callers import AdminStaffDep, DevicesDep, PeerDep, SignerDep, StaffDep
from bundle_service.api.deps import ServicesDep, SessionDep
from bundle_service.core import device_cookie
from bundle_service.core.errors import Unauthenticated
from bundle_service.crud import staff as crud
from bundle_service.crud.audit import events
from bundle_service.hotline import staff_accounts
from bundle_service.hotline.staff_login_throttle import LoginThrottle
from bundle_service.models.staff import StaffAccount
from bundle_service.schemas.audit import AuditEventOut
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.staff import LoginIn, LoginOut, StaffIn, StaffOut

router = APIRouter(prefix="/staff", tags=["staff"])
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorOut}, 403: {"model": ErrorOut}}


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
    account = staff_accounts.authenticate(services.sessions, now, body.username, body.password)
    if account is None:
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
def me(staff: StaffDep, session: SessionDep) -> StaffOut:
    """The logged-in staff member."""
    account = crud.get(session, staff.staff_id)
    assert account is not None
    return staff_out(account)


@router.get("/accounts", responses=ERRORS)
def accounts(admin: AdminStaffDep, session: SessionDep) -> list[StaffOut]:
    """Every staff account (admin only)."""
    return [staff_out(a) for a in crud.all_accounts(session)]


@router.post("/accounts", status_code=201, responses={409: {"model": ErrorOut}, **ERRORS})
def create_account(body: StaffIn, admin: AdminStaffDep, services: ServicesDep) -> StaffOut:
    """Create a staff or admin account (admin only).

    Raises:
        Conflict: 409 when the login name exists.
    """
    new = {"id": body.id, "display_name": body.display_name, "role": body.role}
    account = staff_accounts.create_account(services.sessions, services.clock.now(), new, body.password, admin.staff_id)
    return staff_out(account)


@router.get("/audit", responses=ERRORS)
def audit(
    admin: AdminStaffDep,
    session: SessionDep,
    actor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditEventOut]:
    """Newest audit events first, optionally of one actor such as ``staff:zhangsan`` (admin only)."""
    found = events(session, None, 1000 if actor else limit)
    chosen = [e for e in found if actor is None or e.actor == actor][:limit]
    return [AuditEventOut(at=e.at, actor=e.actor, action=e.action, details=e.details) for e in chosen]
