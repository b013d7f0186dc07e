"""A seal or bank booking can be cancelled: when and by whom (the row stays, shown, until the kind is booked again).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 04:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("bookings") as batch:
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("cancelled_by", sa.String(length=80), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("bookings") as batch:
        batch.drop_column("cancelled_by")
        batch.drop_column("cancelled_at")
