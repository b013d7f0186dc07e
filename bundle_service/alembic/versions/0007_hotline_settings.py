"""Hotline settings: the 诉求 categories and service hours admins change through the API (the YAML files are defaults).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 03:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "hotline_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_hotline_settings")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("hotline_settings")
