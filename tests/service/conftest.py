"""Fixtures of the service tests: every DB-backed test runs on SQLite and on PostgreSQL.

PostgreSQL: 127.0.0.1:5432, trust auth, user postgres; each test session creates its own uniquely named database
(from the ``test`` database) and drops it at the end, so parallel runs never collide. PostgreSQL is required:
an unreachable server fails the PostgreSQL half rather than skipping it.
"""

import os
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import text

from bundle_service.api.deps import Services
from bundle_service.core.clock import FixedClock
from bundle_service.core.config import Settings
from bundle_service.core.db import migrate
from bundle_service.main import build_services
from bundle_service.models import Base
from devtools.scratch_postgres import scratch_database
from tests.apps import client_for

PG_ADMIN_URL = os.environ.get("BUNDLE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TZ = ZoneInfo("Asia/Shanghai")
# Monday 28 September 2026, 10:00 in Hunan: the week before the National Day holiday.
DEFAULT_NOW = datetime(2026, 9, 28, 10, 0, tzinfo=TZ)
ADMIN_TOKEN = "test-admin-token-7Qm2xK9pLw4RzT8vNc3B"  # strong: weak admin tokens are refused at start-up
GATEWAY_TOKEN = "test-gateway-token"
DEPARTMENT_KEYS = {
    "public_employment": "key-public-employment",
    "social_insurance": "key-social-insurance",
    "startup_subsidy_office": "key-startup-subsidy",
    "loan_review": "key-loan-review",
    "incubator_operator": "key-incubator",
    "training_institution": "key-training",
    "market_regulation": "key-market-regulation",
    "tax": "key-tax",
}
STAFF_KEYS = {"hotline-007": "key-staff-007"}


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty database of each backend for the whole session."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("db") / "bundle.db"
        yield f"sqlite:///{path}"
        return
    with ExitStack() as scratch:
        try:
            url = scratch.enter_context(scratch_database(PG_ADMIN_URL, "bundle_test"))
        except Exception as error:  # any connection failure means "no PostgreSQL here"
            pytest.fail(f"PostgreSQL required but unreachable at {PG_ADMIN_URL}: {error}")
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    """Settings of the service under test."""
    return Settings(
        database_url=database_url,
        admin_token=SecretStr(ADMIN_TOKEN),
        gateway_token=SecretStr(GATEWAY_TOKEN),
        department_keys=DEPARTMENT_KEYS,
        staff_keys=STAFF_KEYS,
        verify_max_failures=5,
        verify_window_seconds=600,
        migrate_on_startup=False,
        knowledge_warm_on_startup=False,
        notify_worker=False,  # tests run the notification worker themselves (tests/service/notifications)
    )


@pytest.fixture(scope="session")
def session_services(settings: Settings) -> Iterator[Services]:
    """One service container per backend, migrated once with Alembic."""
    services = build_services(settings, clock=FixedClock(settings.timezone, DEFAULT_NOW))
    migrate(services.engine)
    yield services
    services.engine.dispose()


def _empty(services: Services) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with services.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def services(session_services: Services) -> Services:
    """The container with empty tables and the clock back at ``DEFAULT_NOW``."""
    _empty(session_services)
    clock = session_services.clock
    assert isinstance(clock, FixedClock)
    clock.instant = DEFAULT_NOW
    return session_services


@pytest.fixture
def clock(services: Services) -> FixedClock:
    """The service's clock; tests move it by assigning ``instant``."""
    assert isinstance(services.clock, FixedClock)
    return services.clock


@pytest.fixture
def app_client(services: Services) -> Iterator[TestClient]:
    """An HTTP client of the app on the parametrized backend."""
    with client_for(services) as client:
        yield client
