"""Staff identities of the hotline console: the session signer and the role checks."""

import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Request

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
    """The token signer: ``BUNDLE_STAFF_SESSION_SECRET``, else a random key of this process."""
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


def staff_session(
    services: ServicesDep, token_signer: SignerDep, authorization: Annotated[str | None, Header()] = None
) -> StaffSession:
    """The staff member of ``Authorization: Bearer <session token>`` (401 when missing, forged or expired)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("请先登录。", code="login_required")
    session = token_signer.check(token.strip(), services.clock.now())
    if session is None:
        raise Unauthenticated("登录已失效，请重新登录。", code="invalid_session")
    with services.sessions() as db:
        account = staff_crud.get(db, session.staff_id)
    if account is None or not account.active or account.role != session.role:
        raise Unauthenticated("账号已停用或权限已变更，请重新登录。", code="invalid_session")
    return session


StaffDep = Annotated[StaffSession, Depends(staff_session)]


def admin_session(session: StaffDep) -> StaffSession:
    """A staff session with the ``admin`` role (403 for role ``staff``)."""
    if session.role != "admin":
        raise Forbidden("需要管理员权限。", code="admin_required")
    return session


AdminStaffDep = Annotated[StaffSession, Depends(admin_session)]
