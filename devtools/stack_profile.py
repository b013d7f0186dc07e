"""The run profile of :mod:`devtools.run_stack` and what it refuses to start with. Standard library only.

``BUNDLE_PROFILE=development`` (default): missing secrets are generated per run and the fake code2Session serves
the H5 dev login (anyone can log in as anyone, so the banner says so). ``BUNDLE_PROFILE=production``: nothing is
generated or faked, and the stack does not start while any of :func:`problems` holds.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from pathlib import Path

PROFILE_VARIABLE = "BUNDLE_PROFILE"
DEVELOPMENT, PRODUCTION = "development", "production"
# The secrets the processes share, each with what it protects. Generated per run in development only.
SHARED_SECRETS = {
    "BUNDLE_GATEWAY_TOKEN": "the service trusts the action server's openid and staff claims with it",
    "ACTION_SERVER_TOKEN": "the action server answers only Rasa with it",
    "BUNDLE_RASA_TOKEN": "Rasa's HTTP API and the hotline channel answer only the service with it",
    "BUNDLE_SESSION_SECRET": "signs the mini-program login tokens",
    "BUNDLE_SMS_INBOUND_TOKEN": "the SMS gateway delivers users' replies (TD 退订) to the service with it",
}
HOST_SECRETS = {"RASA_HOST": "BUNDLE_RASA_TOKEN", "ACTION_HOST": "ACTION_SERVER_TOKEN"}
MIN_SECRET_LENGTH = 32
MIN_DISTINCT_CHARACTERS = 10
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w.]*)\s*:", re.MULTILINE)
# The development staff/admin accounts (bundle_service/data/staff_accounts.example.yml, passwords in the file).
DEV_ACCOUNTS_SUFFIX = ".example.yml"
UNSANDBOXED_REST = frozenset({"rest", "rasa.core.channels.rest.RestInput", "rasa.core.channels.RestInput"})


def profile(environ: Mapping[str, str]) -> str:
    """The profile named by ``BUNDLE_PROFILE`` (``development`` when unset).

    Raises:
        ValueError: any other value.
    """
    name = (environ.get(PROFILE_VARIABLE) or DEVELOPMENT).strip().lower()
    if name not in (DEVELOPMENT, PRODUCTION):
        raise ValueError(f"{PROFILE_VARIABLE}={name!r}: use {DEVELOPMENT} or {PRODUCTION}")
    return name


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback interface (``127.0.0.0/8``, ``::1``, ``localhost``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def weakness(value: str) -> str | None:
    """Why a secret is weak (shorter than 32 characters, fewer than 10 different ones), or ``None``."""
    if len(value) < MIN_SECRET_LENGTH:
        return f"shorter than {MIN_SECRET_LENGTH} characters"
    if len(set(value)) < MIN_DISTINCT_CHARACTERS:
        return f"fewer than {MIN_DISTINCT_CHARACTERS} different characters"
    return None


def channels_of(credentials: str) -> list[str]:
    """The input channels a Rasa credentials file lists (its top-level keys)."""
    return _TOP_LEVEL_KEY.findall(credentials)


def rest_channels(credentials: str) -> list[str]:
    """The REST channels among them: Rasa's own (``rest``) or any ``…RestInput`` class."""
    return [name for name in channels_of(credentials) if name in UNSANDBOXED_REST or name.endswith("RestInput")]


def _secret_problems(environ: Mapping[str, str]) -> list[str]:
    found: list[str] = []
    for name, purpose in SHARED_SECRETS.items():
        value = environ.get(name, "")
        if not value:
            found.append(f"{name} is not set ({purpose}); production never generates it")
        elif reason := weakness(value):
            found.append(f"{name} is weak: {reason}")
    values = [environ[name] for name in SHARED_SECRETS if environ.get(name)]
    if len(set(values)) < len(values):
        found.append("two of the shared secrets are the same value: each must be its own")
    return found


def problems(environ: Mapping[str, str], credentials_path: Path) -> list[str]:
    """Everything that stops the stack from starting under the configured profile.

    In every profile: an unknown profile, a credentials file that cannot be read, and Rasa's unsandboxed REST
    channel (``rest:``, whose callers choose ``input_channel`` and metadata). In production also: the fake WeChat
    login, any REST channel, a missing, weak or reused shared secret, the development staff accounts, and Rasa or
    the action server on an interface beyond loopback without its secret.

    Args:
        environ: The environment the stack would start with.
        credentials_path: Rasa's credentials file.

    Returns:
        One line per problem; empty when the stack may start.
    """
    try:
        name = profile(environ)
    except ValueError as error:
        return [str(error)]
    try:
        credentials = credentials_path.read_text(encoding="utf-8")
    except OSError as error:
        return [f"Rasa credentials {credentials_path}: {error.strerror}"]
    found = [
        f"{credentials_path.name} lists Rasa's unsandboxed REST channel '{channel}' (callers choose the channel and "
        "metadata): use channels.rest.SandboxedRestInput"
        for channel in rest_channels(credentials)
        if channel in UNSANDBOXED_REST
    ]
    if name == DEVELOPMENT:
        return found
    if not environ.get("BUNDLE_WECHAT_APP_ID"):
        found.append("BUNDLE_WECHAT_APP_ID is not set: the fake WeChat login (anyone as anyone) would be started")
    found += [
        f"{credentials_path.name} enables the public REST channel '{channel}': use bot/credentials.production.yml"
        for channel in rest_channels(credentials)
        if channel not in UNSANDBOXED_REST
    ]
    found += _secret_problems(environ)
    accounts = environ.get("BUNDLE_STAFF_ACCOUNTS_FILE") or ""
    if accounts.endswith(DEV_ACCOUNTS_SUFFIX):
        found.append(f"BUNDLE_STAFF_ACCOUNTS_FILE={accounts} holds the development accounts and their known passwords")
    for host_variable, secret in HOST_SECRETS.items():
        host = environ.get(host_variable) or "127.0.0.1"
        if not is_loopback(host) and not environ.get(secret):
            found.append(f"{host_variable}={host} is beyond loopback and {secret} is not set")
    return found
