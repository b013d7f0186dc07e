"""Who is calling: every kind of caller the API knows is decided here, and nowhere else.

- **Admin token** (``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>``): :func:`admin`; the knowledge admin also accepts
  an admin staff session (:func:`knowledge_admin`).
- **Staff session** (``Authorization: Bearer <session token>`` from ``POST /api/v1/staff/login``):
  :func:`staff_session`, :func:`admin_session`; the login itself uses :func:`signer`, :func:`device_cookies` and
  :func:`peer_address`.
- **Department** (``X-Department-Key``): :func:`department`.
- **Gateway** (``X-Gateway-Token``: the action server, a trusted front layer) and the claims only it may make:
  ``X-Wechat-Openid`` (:func:`owner_openid`), ``X-Client-Id`` (:func:`client_key`), ``X-Staff-Id`` (:func:`filer`,
  :func:`caller_identity`).
- **Hotline staff key** (``X-Staff-Key``): :func:`filer`.
- **Mini-program user** (``Authorization: Bearer <login token>``, ``contract/login_token.py``): :func:`current_openid`,
  and for their own conversation :func:`conversation_reader`.
- **Who files a 诉求, a rating or a vote**: the gateway or a logged-in user, :func:`chat_caller`.
- **The person a caller is identified as**, and so whose shared records it may use: :func:`caller_identity`,
  :func:`records_access` (the rules are ``identity/``'s); :func:`person` adds the owner of a login token, and
  :func:`owner_claim` lets a login token prove ownership like the gateway's openid.

The ``Authorization`` header is parsed once, by :func:`bearer_token`.
"""

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Request

from bundle_service.api.deps import Services, ServicesDep
from bundle_service.applications.filing import Filer
from bundle_service.core.device_cookie import DeviceCookies
from bundle_service.core.errors import Forbidden, Unauthenticated
from bundle_service.core.security import StaffSession, TokenSigner
from bundle_service.crud import staff as staff_crud
from bundle_service.crud.audit import staff_actor
from bundle_service.identity.chat_callers import BOT_ACTOR, USER_ACTOR, ChatCaller
from bundle_service.identity.identification import Identity, by_caller_verification, by_realname
from bundle_service.identity.records_access import RecordsAccess
from bundle_service.identity.session_tokens import InvalidSessionToken, SessionTokens
from bundle_service.models.staff import StaffAccount
from bundle_service.models.throttle import CLIENT_KEY_LENGTH
from bundle_service.progress.owner_verification import Claim, user_caller
from contract import gateway
from contract.conversations import wechat_sender

_PROCESS_SECRET = secrets.token_bytes(32)


def _matches(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str | None:
    """The token of ``Authorization: Bearer <token>``, or ``None`` for no header, another scheme or no token."""
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


BearerDep = Annotated[str | None, Depends(bearer_token)]


# --- the gateway and its claims ---------------------------------------------------------------------------------


def trusted_gateway(request: Request, services: ServicesDep) -> bool:
    """Whether the request comes from a trusted front layer (valid ``X-Gateway-Token``)."""
    token = services.settings.gateway_token
    return token is not None and _matches(request.headers.get(gateway.TOKEN_HEADER), token.get_secret_value())


def require_gateway_for_records(request: Request, services: ServicesDep) -> None:
    """A lookup of shared records by ID number is for trusted front layers only (the action server).

    The records tell whether a person is registered unemployed, hard to employ, a veteran…: nobody may learn
    that by typing someone's ID number. Open in development, when no gateway token is configured.

    Raises:
        Unauthenticated: 401 without a valid ``X-Gateway-Token``.
    """
    if services.settings.gateway_token is not None and not trusted_gateway(request, services):
        raise Unauthenticated("按身份证号查询共享数据需要可信网关令牌。", code="gateway_token_required")


def client_key(request: Request, services: ServicesDep) -> str:
    """Who is asking, for throttling: a trusted front layer's ``X-Client-Id``, else the peer address (one key)."""
    if trusted_gateway(request, services):
        client_id = request.headers.get(gateway.CLIENT_ID_HEADER)
        if client_id:
            return f"id:{client_id}"[:CLIENT_KEY_LENGTH]
    return f"ip:{request.client.host if request.client else 'unknown'}"


def owner_openid(request: Request, services: ServicesDep) -> str | None:
    """The WeChat openid a trusted front layer asserts in ``X-Wechat-Openid`` (ignored otherwise)."""
    if trusted_gateway(request, services):
        openid = request.headers.get(gateway.OPENID_HEADER)
        return openid[:64] if openid else None
    return None


def claim(
    openid: Annotated[str | None, Depends(owner_openid)],
    x_id_last6: Annotated[str | None, Header()] = None,
) -> Claim:
    """Proof of ownership offered in headers: ``X-Id-Last6``, or the trusted ``X-Wechat-Openid``."""
    return Claim(id_last6=x_id_last6, openid=openid)


def filer(
    request: Request,
    services: ServicesDep,
    openid: Annotated[str | None, Depends(owner_openid)],
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
        if _matches(x_staff_key, key):
            return Filer(filed_by=staff_id, actor=staff_actor(staff_id))
    raise Unauthenticated("工作人员密钥无效。", code="invalid_staff_key")


# --- departments and the admin token -------------------------------------------------------------------------


def department(services: ServicesDep, x_department_key: Annotated[str | None, Header()] = None) -> str:
    """The department whose API key is in ``X-Department-Key`` (missing or wrong → 401)."""
    if not x_department_key:
        raise Unauthenticated("缺少部门密钥（X-Department-Key）。", code="missing_department_key")
    for code, key in services.department_keys.items():
        if _matches(x_department_key, key):
            return code
    raise Unauthenticated("部门密钥无效。", code="invalid_department_key")


def _is_admin_token(token: str, services: ServicesDep) -> bool:
    expected = services.settings.admin_token
    return expected is not None and _matches(token, expected.get_secret_value())


def admin(services: ServicesDep, token: BearerDep) -> str:
    """Require ``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>`` (401 otherwise, and always when no token is set)."""
    if services.settings.admin_token is None:
        raise Unauthenticated("管理接口未启用：未配置管理员令牌。", code="admin_disabled")
    if token is None or not _is_admin_token(token, services):
        raise Unauthenticated("管理员令牌无效。", code="invalid_admin_token")
    return "admin"


# --- staff sessions ------------------------------------------------------------------------------------------


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
    if _is_admin_token(token, services):
        return "admin"
    try:
        session = _staff_of(token, services, token_signer)
    except Unauthenticated as error:
        raise Unauthenticated("管理员令牌或登录状态无效。", code="invalid_admin_credentials") from error
    if session.role != "admin":
        raise Forbidden("需要管理员权限。", code="admin_required")
    return f"admin:{session.staff_id}"


# --- mini-program users --------------------------------------------------------------------------------------


def session_tokens(services: ServicesDep) -> SessionTokens | None:
    """The login token issuer/verifier, or ``None`` while ``BUNDLE_SESSION_SECRET`` is unset."""
    secret = services.settings.session_secret
    if secret is None or not secret.get_secret_value():
        return None
    return SessionTokens(secret.get_secret_value(), services.settings.session_lifetime_seconds)


def current_openid(
    services: ServicesDep, gateway_openid: Annotated[str | None, Depends(owner_openid)], token: BearerDep
) -> str:
    """The logged-in user's openid.

    ``Authorization: Bearer <login token>`` from the mini program or the H5 page; a trusted front layer
    (``X-Gateway-Token``, e.g. the action server) may instead assert ``X-Wechat-Openid``.

    Raises:
        Unauthenticated: 401 without a token, or with a forged, expired or foreign one.
    """
    if token is None:
        if gateway_openid:
            return gateway_openid
        raise Unauthenticated("请先登录。", code="login_required")
    return _openid_of(services, token)


def _openid_of(services: ServicesDep, token: str) -> str:
    """The user of a login token.

    Raises:
        Unauthenticated: 401 while login is disabled, or for a forged or expired token.
    """
    tokens = session_tokens(services)
    if tokens is None:
        raise Unauthenticated("登录未启用。", code="login_disabled")
    try:
        return tokens.verify(token, services.clock.now().timestamp())
    except InvalidSessionToken:
        raise Unauthenticated("登录已过期或无效，请重新登录。", code="invalid_token") from None


def chat_caller(
    request: Request,
    services: ServicesDep,
    gateway_openid: Annotated[str | None, Depends(owner_openid)],
    token: BearerDep,
) -> ChatCaller:
    """Who files a 诉求, a rating or a vote: the gateway, or the logged-in user (login token in ``Authorization``).

    Raises:
        Unauthenticated: 401 for a forged or expired login token, or without either proof on a service with a
            gateway token.
    """
    gateway_ok = trusted_gateway(request, services)
    if token is not None and not gateway_ok:
        openid = _openid_of(services, token)
        return ChatCaller(openid, wechat_sender(openid), USER_ACTOR, user_caller(openid))
    if gateway_ok or services.settings.gateway_token is None:
        return ChatCaller(gateway_openid, None, BOT_ACTOR, client_key(request, services))
    raise Unauthenticated("需要登录或可信网关令牌。", code="gateway_token_required")


def conversation_reader(conversation_id: str, request: Request, services: ServicesDep, token: BearerDep) -> None:
    """Only a trusted front layer, or the user of ``wechat:<openid>`` with their own login token, reads it.

    With no gateway token configured (development) anyone may read.

    Raises:
        Unauthenticated: 401 for anyone else.
    """
    if trusted_gateway(request, services):
        return
    tokens = session_tokens(services)
    if token is not None and tokens is not None:
        try:
            openid = tokens.verify(token, services.clock.now().timestamp())
        except InvalidSessionToken:
            openid = None
        if openid is not None and conversation_id == wechat_sender(openid):
            return
    elif services.settings.gateway_token is None:
        return
    raise Unauthenticated("无权读取该会话。", code="conversation_forbidden")


# --- the person a caller is identified as --------------------------------------------------------------------


def caller_identity(
    request: Request,
    services: ServicesDep,
    openid: Annotated[str | None, Depends(owner_openid)],
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


ClientKeyDep = Annotated[str, Depends(client_key)]


def login_openid(services: ServicesDep, token: BearerDep) -> str | None:
    """The openid of a valid mini-program login token in ``Authorization``, else None (no, another or a bad token)."""
    tokens = session_tokens(services)
    if token is None or tokens is None:
        return None
    try:
        return tokens.verify(token, services.clock.now().timestamp())
    except InvalidSessionToken:
        return None


LoginOpenidDep = Annotated[str | None, Depends(login_openid)]


def owner_claim(claimed: Annotated[Claim, Depends(claim)], logged_in: LoginOpenidDep) -> Claim:
    """:func:`claim`, where the user's own login token (H5 page, mini program) also proves the openid."""
    return Claim(id_last6=claimed.id_last6, openid=claimed.openid or logged_in)


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
    gateway_identity: Annotated[Identity | None, Depends(caller_identity)],
    gateway_openid: Annotated[str | None, Depends(owner_openid)],
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


def records_access(
    services: ServicesDep, client: ClientKeyDep, identity: Annotated[Identity | None, Depends(caller_identity)]
) -> RecordsAccess:
    """The gate to shared records for this request (only the identified person's own, throttled per caller)."""
    return records_access_for(services, client, identity)


FilerDep = Annotated[Filer, Depends(filer)]
DepartmentDep = Annotated[str, Depends(department)]
AdminDep = Annotated[str, Depends(admin)]
ClaimDep = Annotated[Claim, Depends(claim)]
AdminStaffDep = Annotated[StaffSession, Depends(admin_session)]
KnowledgeAdminDep = Annotated[str, Depends(knowledge_admin)]
OpenidDep = Annotated[str, Depends(current_openid)]
ConversationReaderDep = Depends(conversation_reader)
RecordsAccessDep = Annotated[RecordsAccess, Depends(records_access)]
GatewayForRecords = Depends(require_gateway_for_records)
OwnerClaimDep = Annotated[Claim, Depends(owner_claim)]
PersonDep = Annotated[Person, Depends(person)]
ChatCallerDep = Annotated[ChatCaller, Depends(chat_caller)]
