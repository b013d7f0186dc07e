"""Throwaway PostgreSQL databases for the service's tests and benchmarks (service environment)."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def scratch_database(admin_url: str, prefix: str) -> Iterator[str]:
    """A new, uniquely named database on the server of ``admin_url``, dropped (forcibly) on exit.

    Args:
        admin_url: URL of an existing database of that server, used for ``CREATE``/``DROP DATABASE``.
        prefix: Start of the new database's name (the process id and a random suffix follow, so parallel runs
            never collide).

    Yields:
        The new database's URL, password included (for engines).

    Raises:
        sqlalchemy.exc.SQLAlchemyError: The server cannot be reached or refuses (before anything is yielded).
    """
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
