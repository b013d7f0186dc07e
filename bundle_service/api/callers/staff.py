"""Staff sessions: ``Authorization: Bearer <session token>`` from ``POST /api/v1/staff/login``.

:func:`staff_session` and :func:`admin_session` check a session; the login itself uses :func:`signer`,
:func:`device_cookies` and :func:`peer_address`; :func:`knowledge_admin` accepts an admin session or the admin token.
"""

import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request

from bundle_service.api.callers.bearer import BearerDep
from bundle_service.api.callers.keys import is_admin_token
from bundle_service.api.deps import ServicesDep
from bundle_service.core.device_cookie import DeviceCookies
from bundle_service.core.errors import Forbidden, Unauthenticated
from bundle_service.core.security import StaffSession, TokenSigner
from bundle_service.crud import staff as staff_crud

_PROCESS_SECRET = secrets.token_bytes(32)


def _session_key(services: ServicesDep) -> bytes:
    secret = services.settings.staff_session_secret
    return secret.get_secret_value().encode("utf-8") if secret is not None else _PROCESS_SECRET


def signer(services: ServicesDep) -> TokenSigner:
    """The staff session token signer: ``BUNDLE_STAFF_SESSION_SECRET``, else a random key of this process."""
    return TokenSigner(_session_key(services), timedelta(seconds=services.settings.staff_session_ttl_seconds))


def device_cookies(services: ServicesDep) -> DeviceCookies:
    """The staff login's device cookies, keyed from the same secret as the session tokens."""
    return DeviceCookies(_session_key(services))


def peer_address(request: Request) -> str:
    """The caller's address: the TCP peer, or what a configured proxy forwarded (``BUNDLE_TRUSTED_PROXIES``)."""
    return request.client.host if request.client else "unknown"


SignerDep = Annotated[TokenSigner, Depends(signer)]
DevicesDep = Annotated[DeviceCookies, Depends(device_cookies)]
PeerDep = Annotated[str, Depends(peer_address)]


def _staff_of(token: str, services: ServicesDep, token_signer: TokenSigner) -> StaffSession:
    session = token_signer.check(token, services.clock.now())
    if session is None:
        raise Unauthenticated("登录已失效，请重新登录。", code="invalid_session")
    with services.sessions() as db:
        account = staff_crud.get(db, session.staff_id)
    if account is None or not account.active or account.role != session.role:
        raise Unauthenticated("账号已停用或权限已变更，请重新登录。", code="invalid_session")
    return session


def staff_session(services: ServicesDep, token_signer: SignerDep, token: BearerDep) -> StaffSession:
    """The staff member of ``Authorization: Bearer <session token>`` (401 when missing, forged or expired)."""
    if token is None:
        raise Unauthenticated("请先登录。", code="login_required")
    return _staff_of(token, services, token_signer)


StaffDep = Annotated[StaffSession, Depends(staff_session)]


def optional_staff(services: ServicesDep, token_signer: SignerDep, token: BearerDep) -> StaffSession | None:
    """The staff member of a valid session token in ``Authorization``, else None (no token, or a user's token).

    For routes both the applicant and the console call (booking for a verified caller): staff act as themselves.
    """
    if token is None or token_signer.check(token, services.clock.now()) is None:
        return None
    return _staff_of(token, services, token_signer)


OptionalStaffDep = Annotated[StaffSession | None, Depends(optional_staff)]


def admin_session(session: StaffDep) -> StaffSession:
    """A staff session with the ``admin`` role (403 for role ``staff``)."""
    if session.role != "admin":
        raise Forbidden("需要管理员权限。", code="admin_required")
    return session


def knowledge_admin(services: ServicesDep, token_signer: SignerDep, token: BearerDep) -> str:
    """The acting admin of the knowledge base, for the audit log: ``admin`` (token) or ``admin:<login name>``.

    ``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>`` acts as ``admin``; a staff session (``POST /api/v1/staff/login``)
    acts as ``admin:<login name>`` when the account's role is ``admin``.

    Raises:
        Unauthenticated: 401, no or wrong credentials (an expired or forged session, an unknown token).
        Forbidden: 403, a valid staff session without the admin role.
    """
    if token is None:
        raise Unauthenticated("请先登录管理员账号或提供管理员令牌。", code="login_required")
    if is_admin_token(token, services):
        return "admin"
    try:
        session = _staff_of(token, services, token_signer)
    except Unauthenticated as error:
        raise Unauthenticated("管理员令牌或登录状态无效。", code="invalid_admin_credentials") from error
    if session.role != "admin":
        raise Forbidden("需要管理员权限。", code="admin_required")
    return f"admin:{session.staff_id}"


AdminStaffDep = Annotated[StaffSession, Depends(admin_session)]
KnowledgeAdminDep = Annotated[str, Depends(knowledge_admin)]
