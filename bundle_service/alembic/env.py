"""Alembic environment: runs on the connection ``core.db.migrate`` hands over (or on ``BUNDLE_DATABASE_URL``)."""

from alembic import context
from sqlalchemy import Connection, text

from bundle_service.core.config import get_settings
from bundle_service.core.db import make_engine
from bundle_service.models import Base

MIGRATION_LOCK_ID = 48151623  # PostgreSQL advisory lock: one migrating process at a time


def _run(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": MIGRATION_LOCK_ID})
        connection.commit()
    try:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
    finally:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": MIGRATION_LOCK_ID})
            connection.commit()


def run_migrations_online() -> None:
    """Migrate on the given connection, or open one from the settings (``alembic`` command line)."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(get_settings())
    with engine.connect() as fresh:
        _run(fresh)
    engine.dispose()


run_migrations_online()
