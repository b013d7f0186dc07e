"""Settings of the bundle service: one class, read from the environment."""

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent.parent
ROOT_DIR = PACKAGE_DIR.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT_DIR / 'var' / 'bundle.db'}"


class Settings(BaseSettings):
    """Service configuration; every field can be set by an upper-case env variable with the ``BUNDLE_`` prefix.

    Dict-valued settings are read from the environment as JSON
    (e.g. ``BUNDLE_DEPARTMENT_KEYS='{"tax": "k1"}'``).

    Attributes:
        service_host: Interface the HTTP server binds to (``BUNDLE_SERVICE_HOST``).
        service_port: Port of the HTTP server (``BUNDLE_SERVICE_PORT``).
        log_level: Python logging level name (``BUNDLE_LOG_LEVEL``).
        database_url: SQLAlchemy URL of the applications database (``BUNDLE_DATABASE_URL``). Default: a SQLite
            file ``var/bundle.db`` in the repository; ``postgresql+psycopg://user@host:5432/db`` for PostgreSQL.
        database_pool_size: Connections kept open per process on PostgreSQL (``BUNDLE_DATABASE_POOL_SIZE``).
        database_max_overflow: Extra connections allowed above the pool on PostgreSQL
            (``BUNDLE_DATABASE_MAX_OVERFLOW``).
        migrate_on_startup: Apply the Alembic migrations when the service starts (``BUNDLE_MIGRATE_ON_STARTUP``).
        timezone: Time zone of the calendar: application dates, working days and due dates
            (``BUNDLE_TIMEZONE``).
        admin_token: Bearer token of the admin endpoints (``BUNDLE_ADMIN_TOKEN``); unset disables them (401).
        department_keys: API key of each department, by department code (``BUNDLE_DEPARTMENT_KEYS``, JSON);
            merged over ``department_keys_file``.
        department_keys_file: Optional YAML mapping department code → API key (``BUNDLE_DEPARTMENT_KEYS_FILE``);
            ``bundle_service/data/department_keys.example.yml`` holds development keys.
        staff_keys: Hotline staff who may file on a caller's behalf: staff id → key (``BUNDLE_STAFF_KEYS``, JSON),
            sent as ``X-Staff-Key``.
        gateway_token: Shared secret of trusted front layers (mini program, action server) (``BUNDLE_GATEWAY_TOKEN``).
            Only a request carrying it as ``X-Gateway-Token`` may assert ``X-Wechat-Openid`` and
            ``X-Client-Id``; unset means those headers are ignored.
        shared_registry_file: YAML of the simulated data-sharing registry (``BUNDLE_SHARED_REGISTRY_FILE``).
        verify_max_failures: Wrong verifications allowed per application number and per client within the window
            before answering 429 (``BUNDLE_VERIFY_MAX_FAILURES``).
        verify_window_seconds: Length of that window in seconds (``BUNDLE_VERIFY_WINDOW_SECONDS``).
    """

    model_config = SettingsConfigDict(env_prefix="BUNDLE_", extra="ignore")

    service_host: str = "127.0.0.1"
    service_port: int = 8000
    log_level: str = "INFO"
    database_url: str = DEFAULT_DATABASE_URL
    database_pool_size: int = 20
    database_max_overflow: int = 20
    migrate_on_startup: bool = True
    timezone: str = "Asia/Shanghai"
    admin_token: SecretStr | None = None
    department_keys: dict[str, str] = {}
    department_keys_file: Path | None = None
    staff_keys: dict[str, str] = {}
    gateway_token: SecretStr | None = None
    shared_registry_file: Path = PACKAGE_DIR / "data" / "shared_registry.yml"
    verify_max_failures: int = 5
    verify_window_seconds: int = 600


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
