"""Alembic migrations: applied at start-up, idempotent, the same schema on both databases."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from bundle_service.api.deps import Services
from bundle_service.core.config import Settings
from bundle_service.core.db import migrate
from bundle_service.main import create_app
from bundle_service.models import Base


def test_schema_is_at_head_with_every_table(services: Services) -> None:
    migrate(services.engine)  # a second run is a no-op
    with services.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0010"
    assert set(Base.metadata.tables) <= set(inspect(services.engine).get_table_names())


def test_startup_creates_the_default_sqlite_file_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "var" / "bundle.db"
    with TestClient(create_app(Settings(database_url=f"sqlite:///{path}", knowledge_warm_on_startup=False))) as client:
        assert client.get("/health").json() == {"status": "ok", "knowledge": "idle"}
    engine = create_engine(f"sqlite:///{path}")
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()
