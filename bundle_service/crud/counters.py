"""The daily counter: an atomic upsert that works alike on SQLite and PostgreSQL."""

from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite

from bundle_service.models import DailyCounter


def next_value(engine: Engine, day: str) -> int:
    """Increment the counter of ``day`` in its own short transaction and return the new value.

    ``INSERT … ON CONFLICT (day) DO UPDATE SET value = value + 1 RETURNING value`` is atomic on both backends,
    so concurrent submits (threads or worker processes) never get the same value. Running it apart from the
    filing transaction keeps the row lock short; a filing that fails afterwards leaves a gap, never a duplicate.

    Args:
        engine: Database engine.
        day: Day key ``yyyymmdd``.

    Returns:
        The value handed out (1 for the first of the day).
    """
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(DailyCounter)
        .values(day=day, value=1)
        .on_conflict_do_update(index_elements=[DailyCounter.day], set_={"value": DailyCounter.value + 1})
        .returning(DailyCounter.value)
    )
    with engine.begin() as connection:
        value: int = connection.execute(statement).scalar_one()
    return value
