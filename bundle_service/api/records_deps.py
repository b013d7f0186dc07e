"""The caller's access to shared records (:class:`RecordsAccess`), from what the trusted front layer asserts."""

from typing import Annotated

from fastapi import Depends, Header, Request

from bundle_service.api.deps import ClientKeyDep, ServicesDep, owner_openid, trusted_gateway
from bundle_service.identity.identification import Identity, by_caller_verification, by_realname
from bundle_service.identity.records_access import RecordsAccess


def caller_identity(
    request: Request,
    services: ServicesDep,
    openid: Annotated[str | None, Depends(owner_openid)],
    x_staff_id: Annotated[str | None, Header(max_length=40)] = None,
) -> Identity | None:
    """The person the caller is identified as, or None.

    A gateway-asserted ``X-Wechat-Openid`` identifies its real-name bound owner; a gateway-asserted ``X-Staff-Id``
    with the call's conversation in ``X-Client-Id`` identifies the caller the console verified in that call. Without
    the gateway token neither header counts.
    """
    if openid:
        return by_realname(services.realname, openid)
    conversation = request.headers.get("X-Client-Id")
    if x_staff_id and conversation and trusted_gateway(request, services):
        window = services.settings.staff_session_ttl_seconds
        return by_caller_verification(services.sessions, services.clock, x_staff_id, conversation, window)
    return None


def records_access(
    services: ServicesDep, client: ClientKeyDep, identity: Annotated[Identity | None, Depends(caller_identity)]
) -> RecordsAccess:
    """The gate to shared records for this request (only the identified person's own, throttled per caller)."""
    return RecordsAccess(
        shared=services.shared,
        sessions=services.sessions,
        clock=services.clock,
        client_key=client,
        identity=identity,
        max_people=services.settings.lookup_max_people,
        window_seconds=services.settings.verify_window_seconds,
    )


RecordsAccessDep = Annotated[RecordsAccess, Depends(records_access)]
