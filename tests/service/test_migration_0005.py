"""Migration 0005 (诉求, ratings of conversations and handoffs, answer feedback) on SQLite and PostgreSQL:
existing ratings become ratings of applications, and the downgrade brings 0004 back."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, inspect, text

from bundle_service.core.db import ALEMBIC_DIR
from devtools.scratch_postgres import scratch_database
from tests.service.conftest import PG_ADMIN_URL

CONVERSATION_RATING = (
    "INSERT INTO ratings (target, conversation_id, score, rated_by, created_at)"
    " VALUES ('conversation', 'web:x', 2, 'owner', :t)"
)
APPLICATION = {
    "number": "CY20260901000001",
    "applicant_id": 1,
    "applicant_name": "赵新",
    "phone": "13912345678",
    "person_category": "returning_migrant_worker",
    "items": "[]",
    "filed_by": "self",
    "one_click": False,
    "state": "finished",
    "materials": "[]",
    "shared_fields": "[]",
    "submitted_at": "2026-09-01 02:00:00",
    "updated_at": "2026-09-01 02:00:00",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of each backend, for this test only."""
    if request.param == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'migrate.db'}")
        yield engine
        engine.dispose()
        return
    with scratch_database(PG_ADMIN_URL, "bundle_migrate") as url:
        engine = create_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


def _to(engine: Engine, revision: str, downgrade: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if downgrade else command.upgrade)(config, revision)


def test_existing_ratings_become_application_ratings_and_the_downgrade_restores_0004(fresh_engine: Engine) -> None:
    _to(fresh_engine, "0004")
    columns = ", ".join(APPLICATION)
    values = ", ".join(f":{key}" for key in APPLICATION)
    with fresh_engine.begin() as connection:
        connection.execute(
            text("INSERT INTO applicants (id, id_number, name, created_at) VALUES (1, :i, '赵新', :t)"),
            {"i": "430111199601010025", "t": "2026-09-01 02:00:00"},
        )
        connection.execute(text(f"INSERT INTO applications (id, {columns}) VALUES (1, {values})"), APPLICATION)
        connection.execute(
            text("INSERT INTO ratings (application_id, score, rated_by, created_at) VALUES (1, 4, 'owner', :t)"),
            {"t": "2026-09-02 02:00:00"},
        )
    _to(fresh_engine, "head")
    tables = set(inspect(fresh_engine).get_table_names())
    assert {"appeals", "answer_feedback"} <= tables
    with fresh_engine.begin() as connection:
        assert connection.execute(text("SELECT target, score FROM ratings")).all() == [("application", 4)]
        connection.execute(
            text(CONVERSATION_RATING),
            {"t": "2026-09-03 02:00:00"},
        )
        assert "appeal_id" in {c["name"] for c in inspect(connection).get_columns("outbox_messages")}
    _to(fresh_engine, "0004", downgrade=True)
    assert not {"appeals", "answer_feedback"} & set(inspect(fresh_engine).get_table_names())
    with fresh_engine.connect() as connection:
        assert connection.execute(text("SELECT application_id, score FROM ratings")).all() == [(1, 4)]
