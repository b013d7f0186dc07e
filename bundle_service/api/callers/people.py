"""The person a caller is identified as, and so whose shared records it may use (the rules are ``identity/``'s).

:func:`caller_identity` reads the gateway's claims; :func:`person` adds the real-name owner of a login token;
:func:`records_access` is the gate to that person's shared records.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request

from bundle_service.api.callers.gateway import ClientKeyDep, GatewayOpenidDep, trusted_gateway
from bundle_service.api.callers.users import LoginOpenidDep
from bundle_service.api.deps import Services, ServicesDep
from bundle_service.identity.identification import Identity, by_caller_verification, by_realname, verified_in_call
from bundle_service.identity.records_access import RecordsAccess
from contract import gateway


def caller_identity(
    request: Request,
    services: ServicesDep,
    openid: GatewayOpenidDep,
    x_staff_id: Annotated[str | None, Header(max_length=gateway.MAX_STAFF_ID_LENGTH)] = None,
) -> Identity | None:
    """The person the caller is identified as, or None.

    A gateway-asserted ``X-Wechat-Openid`` identifies its real-name bound owner; a gateway-asserted ``X-Staff-Id``
    with the call's conversation in ``X-Client-Id`` identifies the caller the console verified in that call. Without
    the gateway token neither header counts.
    """
    if openid:
        return by_realname(services.realname, openid)
    conversation = request.headers.get(gateway.CLIENT_ID_HEADER)
    if x_staff_id and conversation and trusted_gateway(request, services):
        window = services.settings.staff_session_ttl_seconds
        return by_caller_verification(services.sessions, services.clock, x_staff_id, conversation, window)
    return None


CallerIdentityDep = Annotated[Identity | None, Depends(caller_identity)]


def call_application(
    request: Request,
    services: ServicesDep,
    x_staff_id: Annotated[str | None, Header(max_length=gateway.MAX_STAFF_ID_LENGTH)] = None,
) -> str | None:
    """The number of the application whose owner the console verified as the caller of this hotline call.

    Only for the gateway's ``X-Staff-Id`` with the call's conversation in ``X-Client-Id`` (the action server acting
    in a ``hotline:`` conversation for its staff member); None for anyone else.
    """
    conversation = request.headers.get(gateway.CLIENT_ID_HEADER)
    if not (x_staff_id and conversation and trusted_gateway(request, services)):
        return None
    window = services.settings.staff_session_ttl_seconds
    found = verified_in_call(services.sessions, services.clock, x_staff_id, conversation, window)
    return found.number if found is not None else None


CallApplicationDep = Annotated[str | None, Depends(call_application)]


@dataclass(frozen=True)
class Person:
    """The person behind a request, for what is offered to them (免申即享).

    Attributes:
        identity: Who they are identified as (real-name bound WeChat account, or a caller staff verified), or None.
        openid: Their WeChat openid (gateway-asserted or from their login token), if any.
    """

    identity: Identity | None
    openid: str | None


def person(
    services: ServicesDep,
    gateway_identity: CallerIdentityDep,
    gateway_openid: GatewayOpenidDep,
    logged_in: LoginOpenidDep,
) -> Person:
    """The caller as :func:`caller_identity` decides, or the real-name owner of the login token's openid."""
    openid = gateway_openid or logged_in
    identity = gateway_identity
    if identity is None and logged_in is not None:
        identity = by_realname(services.realname, logged_in)
    return Person(identity, openid)


def records_access_for(services: Services, client: str, identity: Identity | None) -> RecordsAccess:
    """The gate to shared records for a caller identified as ``identity`` (or nobody)."""
    return RecordsAccess(
        shared=services.shared,
        sessions=services.sessions,
        clock=services.clock,
        client_key=client,
        identity=identity,
        max_people=services.settings.lookup_max_people,
        window_seconds=services.settings.verify_window_seconds,
    )


def records_access(services: ServicesDep, client: ClientKeyDep, identity: CallerIdentityDep) -> RecordsAccess:
    """The gate to shared records for this request (only the identified person's own, throttled per caller)."""
    return records_access_for(services, client, identity)


PersonDep = Annotated[Person, Depends(person)]
RecordsAccessDep = Annotated[RecordsAccess, Depends(records_access)]
