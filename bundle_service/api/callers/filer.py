"""Who files an application: the applicant themselves, or a hotline worker filing on a caller's behalf (代办).

The worker is known by a hotline staff key (``X-Staff-Key``), or by ``X-Staff-Id`` when the gateway sends it.
"""

from typing import Annotated

from fastapi import Depends, Header, Request

from bundle_service.api.callers.bearer import matches
from bundle_service.api.callers.gateway import GatewayOpenidDep, trusted_gateway
from bundle_service.api.deps import ServicesDep
from bundle_service.applications.filing import Filer
from bundle_service.core.errors import Unauthenticated
from bundle_service.crud.audit import staff_actor
from bundle_service.models.staff import StaffAccount
from contract import gateway


def filer(
    request: Request,
    services: ServicesDep,
    openid: GatewayOpenidDep,
    x_staff_key: Annotated[str | None, Header()] = None,
    x_staff_id: Annotated[str | None, Header(max_length=gateway.MAX_STAFF_ID_LENGTH)] = None,
) -> Filer:
    """The applicant themselves, or a hotline worker filing on a caller's behalf.

    The worker is identified by ``X-Staff-Key`` (wrong key → 401), or by ``X-Staff-Id`` naming an active staff
    account when a trusted front layer sends it (the action server, for a ``hotline:`` conversation whose
    messages name the staff member); an unknown or disabled account → 401.
    """
    if x_staff_key is None and x_staff_id is not None and trusted_gateway(request, services):
        with services.sessions() as session:
            account = session.get(StaffAccount, x_staff_id)
        if account is None or not account.active:
            raise Unauthenticated("工作人员账号无效。", code="invalid_staff_id")
        return Filer(filed_by=account.id, actor=staff_actor(account.id))
    if x_staff_key is None:
        return Filer(filed_by="self", actor="applicant", owner_openid=openid)
    for staff_id, key in services.settings.staff_keys.items():
        if matches(x_staff_key, key):
            return Filer(filed_by=staff_id, actor=staff_actor(staff_id))
    raise Unauthenticated("工作人员密钥无效。", code="invalid_staff_key")


FilerDep = Annotated[Filer, Depends(filer)]
