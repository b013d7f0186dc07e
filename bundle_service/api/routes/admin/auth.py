"""Who may administer the knowledge base: the admin token, or a staff session with the ``admin`` role.

``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>`` acts as ``admin``; ``Authorization: Bearer <staff session token>``
(from ``POST /api/v1/staff/login``) acts as ``admin:<login name>`` when the account's role is ``admin`` and is
refused with 403 for role ``staff``. Anything else is 401.
"""

import hmac
from typing import Annotated

from fastapi import Depends, Header

from bundle_service.api.deps import ServicesDep
from bundle_service.api.staff_deps import SignerDep, staff_session
from bundle_service.core.errors import Forbidden, Unauthenticated


def _is_admin_token(given: str, services: ServicesDep) -> bool:
    token = services.settings.admin_token
    return token is not None and hmac.compare_digest(given.encode(), token.get_secret_value().encode())


def knowledge_admin(
    services: ServicesDep, token_signer: SignerDep, authorization: Annotated[str | None, Header()] = None
) -> str:
    """The acting admin for the audit log: ``admin`` (token) or ``admin:<login name>`` (staff session).

    Raises:
        Unauthenticated: 401, no or wrong credentials (an expired or forged session, an unknown token).
        Forbidden: 403, a valid staff session without the admin role.
    """
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthenticated("请先登录管理员账号或提供管理员令牌。", code="login_required")
    if _is_admin_token(given.strip(), services):
        return "admin"
    try:
        session = staff_session(services, token_signer, authorization)
    except Unauthenticated as error:
        raise Unauthenticated("管理员令牌或登录状态无效。", code="invalid_admin_credentials") from error
    if session.role != "admin":
        raise Forbidden("需要管理员权限。", code="admin_required")
    return f"admin:{session.staff_id}"


KnowledgeAdminDep = Annotated[str, Depends(knowledge_admin)]
