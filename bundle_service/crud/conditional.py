"""Conditional UPDATEs: the compare-and-set that lets exactly one of any number of concurrent callers win."""

from sqlalchemy import Update
from sqlalchemy.orm import Session


def won(session: Session, statement: Update) -> bool:
    """Run an UPDATE whose WHERE re-checks the state it expects; true when it changed exactly one row.

    The row changes only while it is still in that state (``UPDATE … WHERE status = 'waiting'``), which both SQLite
    (writers serialised) and PostgreSQL (row lock, re-check after the winner commits) make atomic: of concurrent
    callers, one wins and the others change nothing.

    Args:
        session: Open session (committed by the caller).
        statement: The UPDATE, its WHERE naming the row and the state it must still be in.

    Returns:
        Whether this call changed the row.
    """
    result = session.execute(statement.execution_options(synchronize_session=False))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
