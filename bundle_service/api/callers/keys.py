"""Callers known by a configured key: a department (``X-Department-Key``), the admin token, the SMS gateway.

The admin token arrives as ``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>``; the knowledge admin, which also accepts
an admin staff session, asks :func:`is_admin_token` (``staff.py``).
"""

from typing import Annotated

from fastapi import Depends, Header

from bundle_service.api.callers.bearer import BearerDep, matches
from bundle_service.api.deps import ServicesDep
from bundle_service.core.errors import Unauthenticated


def department(services: ServicesDep, x_department_key: Annotated[str | None, Header()] = None) -> str:
    """The department whose API key is in ``X-Department-Key`` (missing or wrong → 401)."""
    if not x_department_key:
        raise Unauthenticated("缺少部门密钥（X-Department-Key）。", code="missing_department_key")
    for code, key in services.department_keys.items():
        if matches(x_department_key, key):
            return code
    raise Unauthenticated("部门密钥无效。", code="invalid_department_key")


def is_admin_token(token: str, services: ServicesDep) -> bool:
    """Whether ``token`` is the configured ``BUNDLE_ADMIN_TOKEN`` (never, when none is configured)."""
    expected = services.settings.admin_token
    return expected is not None and matches(token, expected.get_secret_value())


def admin(services: ServicesDep, token: BearerDep) -> str:
    """Require ``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>`` (401 otherwise, and always when no token is set)."""
    if services.settings.admin_token is None:
        raise Unauthenticated("管理接口未启用：未配置管理员令牌。", code="admin_disabled")
    if token is None or not is_admin_token(token, services):
        raise Unauthenticated("管理员令牌无效。", code="invalid_admin_token")
    return "admin"


DepartmentDep = Annotated[str, Depends(department)]
AdminDep = Annotated[str, Depends(admin)]


def sms_gateway(services: ServicesDep, token: BearerDep) -> str:
    """Require ``Authorization: Bearer <BUNDLE_SMS_INBOUND_TOKEN>``: the SMS gateway delivering a user's reply.

    401 otherwise, and always when no token is configured (nobody can turn a phone's notifications off).
    """
    expected = services.settings.sms_inbound_token
    if expected is None:
        raise Unauthenticated("短信上行回调未启用：未配置 BUNDLE_SMS_INBOUND_TOKEN。", code="sms_inbound_disabled")
    if not matches(token, expected.get_secret_value()):
        raise Unauthenticated("短信网关令牌无效。", code="invalid_sms_token")
    return "sms_gateway"


SmsGatewayDep = Annotated[str, Depends(sms_gateway)]
