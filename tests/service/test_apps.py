"""The tests' shared apps (``tests/apps.py``): each test's container is the one served and started, never another's."""

import dataclasses
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.main import build_services
from bundle_service.models import Base
from tests.apps import app_for, client_for


def test_two_clients_open_at_once_get_two_apps_and_each_its_container(services: Services) -> None:
    other = dataclasses.replace(services)
    with client_for(services) as first, client_for(other) as second:
        assert first.app is not second.app
        assert first.app.state.services is services  # type: ignore[attr-defined]
        assert second.app.state.services is other  # type: ignore[attr-defined]
    with client_for(other) as again:
        assert again.app in (first.app, second.app)  # built once, lent again
        assert again.app.state.services is other  # type: ignore[attr-defined]


def test_start_up_runs_on_the_container_the_app_is_lent_to(services: Services, tmp_path: Path) -> None:
    with client_for(services) as client:
        lent = client.app
    path = tmp_path / "new.db"
    fresh = build_services(Settings(database_url=f"sqlite:///{path}", knowledge_warm_on_startup=False))
    assert fresh.settings.migrate_on_startup and not path.exists()
    with client_for(fresh) as client:
        assert client.app is lent
        assert client.get("/health").json() == {"status": "ok", "knowledge": "idle"}
    assert set(Base.metadata.tables) <= set(inspect(fresh.engine).get_table_names())  # migrated at its start-up
    fresh.engine.dispose()


def test_a_test_that_changes_the_app_itself_is_told_to_build_its_own(services: Services) -> None:
    with pytest.raises(AssertionError, match="create_app"), app_for(services) as app:
        app.dependency_overrides[build_services] = lambda: None
    with app_for(services) as app:
        assert not app.dependency_overrides  # the changed app was not lent again
        with TestClient(app) as client:
            assert client.get("/health").status_code == 200
