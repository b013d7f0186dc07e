"""Dependencies of the routes: the service container, sessions and the callers' identities."""

import hmac
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

import yaml
from fastapi import Depends, Header, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bundle_service.adapters.data_sharing import SharedData
from bundle_service.adapters.realname import RealNameAuthority
from bundle_service.applications.filing import Filer, Filings
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings
from bundle_service.core.errors import Unauthenticated
from bundle_service.crud.calendar import load_calendar
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.models.staff import StaffAccount
from bundle_service.progress.owner_verification import Claim, Verifier
from bundle_service.progress.working_days import WorkingCalendar


def load_department_keys(settings: Settings) -> dict[str, str]:
    """Department code → API key, from the optional YAML file overlaid with ``BUNDLE_DEPARTMENT_KEYS``."""
    keys: dict[str, str] = {}
    if settings.department_keys_file is not None:
        raw = yaml.safe_load(settings.department_keys_file.read_text(encoding="utf-8")) or {}
        keys.update({str(code): str(key) for code, key in raw.items()})
    keys.update(settings.department_keys)
    return {code: key for code, key in keys.items() if key}


@dataclass
class Services:
    """Everything a request needs, built once per app (``app.state.services``); tests may swap the clock."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    shared: SharedData
    realname: RealNameAuthority
    department_keys: dict[str, str] = field(default_factory=dict)
    knowledge: KnowledgeBase | None = None

    @property
    def filings(self) -> Filings:
        """The filing service bound to the current clock."""
        return Filings(self.engine, self.sessions, self.shared, self.clock)

    @property
    def verifier(self) -> Verifier:
        """The owner verifier bound to the current clock and throttling settings."""
        return Verifier(
            self.sessions,
            self.clock,
            self.settings.verify_max_failures,
            self.settings.verify_window_seconds,
            self.settings.verify_number_ceiling,
        )


def get_services(request: Request) -> Services:
    """The app's service container."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_session(services: ServicesDep) -> Iterator[Session]:
    """A session closed after the request."""
    with services.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def calendar_of(session: Session) -> WorkingCalendar:
    """The working calendar with admin-loaded years."""
    return load_calendar(session)


def _matches(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def trusted_gateway(request: Request, services: Services) -> bool:
    """Whether the request comes from a trusted front layer (valid ``X-Gateway-Token``)."""
    token = services.settings.gateway_token
    return token is not None and _matches(request.headers.get("X-Gateway-Token"), token.get_secret_value())


def require_gateway_for_records(request: Request, services: Services) -> None:
    """A lookup of shared records by ID number is for trusted front layers only (the action server).

    The records tell whether a person is registered unemployed, hard to employ, a veteran…: nobody may learn
    that by typing someone's ID number. Open in development, when no gateway token is configured.

    Raises:
        Unauthenticated: 401 without a valid ``X-Gateway-Token``.
    """
    if services.settings.gateway_token is not None and not trusted_gateway(request, services):
        raise Unauthenticated("按身份证号查询共享数据需要可信网关令牌。", code="gateway_token_required")


def client_key(request: Request, services: ServicesDep) -> str:
    """Who is asking, for throttling: a trusted front layer's ``X-Client-Id``, else the peer address."""
    if trusted_gateway(request, services):
        client_id = request.headers.get("X-Client-Id")
        if client_id:
            return f"id:{client_id[:100]}"
    return f"ip:{request.client.host if request.client else 'unknown'}"


def owner_openid(request: Request, services: ServicesDep) -> str | None:
    """The WeChat openid a trusted front layer asserts in ``X-Wechat-Openid`` (ignored otherwise)."""
    if trusted_gateway(request, services):
        openid = request.headers.get("X-Wechat-Openid")
        return openid[:64] if openid else None
    return None


def filer(
    request: Request,
    services: ServicesDep,
    openid: Annotated[str | None, Depends(owner_openid)],
    x_staff_key: Annotated[str | None, Header()] = None,
    x_staff_id: Annotated[str | None, Header(max_length=40)] = None,
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
        return Filer(filed_by=account.id, actor=f"staff:{account.id}")
    if x_staff_key is None:
        return Filer(filed_by="self", actor="applicant", owner_openid=openid)
    for staff_id, key in services.settings.staff_keys.items():
        if _matches(x_staff_key, key):
            return Filer(filed_by=staff_id, actor=f"staff:{staff_id}")
    raise Unauthenticated("工作人员密钥无效。", code="invalid_staff_key")


def department(services: ServicesDep, x_department_key: Annotated[str | None, Header()] = None) -> str:
    """The department whose API key is in ``X-Department-Key`` (missing or wrong → 401)."""
    if not x_department_key:
        raise Unauthenticated("缺少部门密钥（X-Department-Key）。", code="missing_department_key")
    for code, key in services.department_keys.items():
        if _matches(x_department_key, key):
            return code
    raise Unauthenticated("部门密钥无效。", code="invalid_department_key")


def admin(services: ServicesDep, authorization: Annotated[str | None, Header()] = None) -> str:
    """Require ``Authorization: Bearer <BUNDLE_ADMIN_TOKEN>`` (401 otherwise, and always when no token is set)."""
    token = services.settings.admin_token
    if token is None:
        raise Unauthenticated("管理接口未启用：未配置管理员令牌。", code="admin_disabled")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not _matches(given.strip(), token.get_secret_value()):
        raise Unauthenticated("管理员令牌无效。", code="invalid_admin_token")
    return "admin"


def claim(
    openid: Annotated[str | None, Depends(owner_openid)],
    x_id_last6: Annotated[str | None, Header()] = None,
) -> Claim:
    """Proof offered in headers: ``X-Id-Last6``, or the trusted ``X-Wechat-Openid``."""
    return Claim(id_last6=x_id_last6, openid=openid)


ClientKeyDep = Annotated[str, Depends(client_key)]
FilerDep = Annotated[Filer, Depends(filer)]
DepartmentDep = Annotated[str, Depends(department)]
AdminDep = Annotated[str, Depends(admin)]
ClaimDep = Annotated[Claim, Depends(claim)]
