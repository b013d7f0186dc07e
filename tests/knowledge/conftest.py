"""Fixtures of the knowledge-base tests: one knowledge base of the shipped content per session (SQLite file,
embedded chroma in a temporary folder); the embedding model is loaded once per process.

Tests that change FAQs or documents put them back before they end; dismissed and resolved unanswered questions stay
(they become out-of-scope examples and FAQs), so figures that must not depend on which tests ran before them (the
quality floors) use an index of their own (:func:`shipped_services`).
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.core.db import migrate
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.main import build_services
from tests.apps import client_for

ADMIN_TOKEN = "test-admin-token-7Qm2xK9pLw4RzT8vNc3B"  # strong: weak admin tokens are refused at start-up
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def knowledge_settings(folder: Path, **overrides: object) -> Settings:
    """Settings of a knowledge base living in ``folder``."""
    values: dict[str, object] = {
        "database_url": f"sqlite:///{folder / 'bundle.db'}",
        "chroma_path": folder / "chroma",
        "admin_token": SecretStr(ADMIN_TOKEN),
        "migrate_on_startup": False,
        "knowledge_warm_on_startup": False,
    }
    values.update(overrides)
    return Settings.model_validate(values)


def shipped_services(folder: Path) -> Services:
    """A migrated service container in ``folder`` whose knowledge base holds the shipped content (started)."""
    services = build_services(knowledge_settings(folder))
    migrate(services.engine)
    assert services.knowledge is not None
    services.knowledge.start()
    return services


@pytest.fixture(scope="session")
def kb_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A migrated service container whose knowledge base holds the shipped content (shared: tests write to it)."""
    services = shipped_services(tmp_path_factory.mktemp("kb"))
    yield services
    services.engine.dispose()


@pytest.fixture(scope="session")
def kb(kb_services: Services) -> KnowledgeBase:
    """The knowledge base."""
    assert kb_services.knowledge is not None
    return kb_services.knowledge


@pytest.fixture(scope="session")
def client(kb_services: Services) -> Iterator[TestClient]:
    """An HTTP client of the app on that container."""
    with client_for(kb_services) as http:
        yield http
