"""Start-up checks: weak secrets are refused always, development defaults when ``BUNDLE_PROFILE=production``.

:func:`startup_problems` lists every problem at once (operator messages naming the variable);
:func:`enforce` refuses to start with that list. ``bundle_service.main`` calls it before serving and in the
application's start-up, so every way of starting the service is covered.
"""

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import SecretStr

from bundle_service.core.config import Settings

MIN_SECRET_LENGTH = 32
MIN_DISTINCT_CHARACTERS = 10
HOW_TO_MAKE = "make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
EXAMPLE_SUFFIX = ".example.yml"


class StartupRefused(RuntimeError):
    """The configuration is unsafe; the message lists every problem."""


def weakness(value: str) -> str | None:
    """Why a secret is too weak to use (``None`` when it is fine): fewer than 32 characters or too little variety."""
    if len(value) < MIN_SECRET_LENGTH:
        return f"is {len(value)} characters long, at least {MIN_SECRET_LENGTH} are needed"
    if len(set(value)) < MIN_DISTINCT_CHARACTERS:
        return f"uses only {len(set(value))} different characters, at least {MIN_DISTINCT_CHARACTERS} are needed"
    return None


def secret_problem(variable: str, value: SecretStr | str | None, *, required: bool) -> str | None:
    """The problem with one secret setting, or ``None``.

    Args:
        variable: The environment variable, named in the message.
        value: Its value (unset: ``None`` or empty).
        required: Whether unset is a problem.
    """
    text = value.get_secret_value() if isinstance(value, SecretStr) else value
    if not text:
        return f"{variable} is not set ({HOW_TO_MAKE})" if required else None
    reason = weakness(text)
    return f"{variable} {reason} ({HOW_TO_MAKE})" if reason else None


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is this machine only."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _example_file(variable: str, path: Path | None) -> str | None:
    if path is not None and path.name.endswith(EXAMPLE_SUFFIX):
        return f"{variable} points at the development file {path.name}: give the real one"
    return None


def _wechat_problem(settings: Settings) -> str | None:
    parts = urlsplit(settings.wechat_api_base)
    if parts.scheme != "https":
        return f"BUNDLE_WECHAT_API_BASE must be https (it is {settings.wechat_api_base})"
    if is_loopback(parts.hostname or ""):
        return f"BUNDLE_WECHAT_API_BASE points at this machine ({settings.wechat_api_base}: the fake code2Session)"
    return None


def production_problems(settings: Settings) -> list[str]:
    """Every development default still in place, for ``BUNDLE_PROFILE=production``."""
    secrets = {
        "BUNDLE_ADMIN_TOKEN": settings.admin_token,
        "BUNDLE_SESSION_SECRET": settings.session_secret,
        "BUNDLE_STAFF_SESSION_SECRET": settings.staff_session_secret,
        "BUNDLE_GATEWAY_TOKEN": settings.gateway_token,
        "BUNDLE_RASA_TOKEN": settings.rasa_token,
    }
    found = [secret_problem(name, value, required=True) for name, value in secrets.items()]
    found += [
        secret_problem(f"BUNDLE_DEPARTMENT_KEYS ({code})", key, required=True)
        for code, key in settings.department_keys.items()
    ]
    found += [
        secret_problem(f"BUNDLE_STAFF_KEYS ({staff})", key, required=True) for staff, key in settings.staff_keys.items()
    ]
    # With a gateway, texts end with 回复TD退订: the replies must reach the service (the token the gateway presents).
    inbound = secret_problem(
        "BUNDLE_SMS_INBOUND_TOKEN", settings.sms_inbound_token, required=bool(settings.sms_gateway_url)
    )
    found.append(inbound)
    found += [
        _example_file("BUNDLE_STAFF_ACCOUNTS_FILE", settings.staff_accounts_file),
        _example_file("BUNDLE_DEPARTMENT_KEYS_FILE", settings.department_keys_file),
        _wechat_problem(settings),
    ]
    if not settings.booking_api_base:
        found.append(
            "BUNDLE_BOOKING_API_BASE is not set: the seal and bank booking desk "
            "(docs/offers_and_bookings.md); production never simulates it"
        )
    if settings.wechat_app_id and not settings.wechat_app_secret:
        found.append("BUNDLE_WECHAT_APP_SECRET is not set while BUNDLE_WECHAT_APP_ID is")
    unset = [name for name, value in secrets.items() if name != "BUNDLE_ADMIN_TOKEN" and not value]
    if not is_loopback(settings.service_host) and unset:
        found.append(
            f"BUNDLE_SERVICE_HOST={settings.service_host} is reachable from other machines while "
            f"{', '.join(unset)} {'is' if len(unset) == 1 else 'are'} unset"
        )
    return [problem for problem in found if problem]


def startup_problems(settings: Settings) -> list[str]:
    """Every reason not to start: a weak admin token always, development defaults in production."""
    if settings.profile == "production":
        return production_problems(settings)
    problem = secret_problem("BUNDLE_ADMIN_TOKEN", settings.admin_token, required=False)
    return [problem] if problem else []


def enforce(settings: Settings) -> None:
    """Refuse to start on any problem of :func:`startup_problems`.

    Raises:
        StartupRefused: with one line per problem.
    """
    problems = startup_problems(settings)
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        raise StartupRefused(f"bundle service refuses to start (BUNDLE_PROFILE={settings.profile}):\n{lines}")
