"""Knowledge ask log: one row per question a conversation asked the knowledge base (the dashboard's figures).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 02:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "knowledge_asks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("source_kind", sa.String(length=20), nullable=True),
        sa.Column("source_id", sa.String(length=200), nullable=True),
        sa.Column("source_title", sa.String(length=200), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_asks")),
    )
    op.create_index(op.f("ix_knowledge_asks_asked_at"), "knowledge_asks", ["asked_at"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_knowledge_asks_asked_at"), table_name="knowledge_asks")
    op.drop_table("knowledge_asks")
