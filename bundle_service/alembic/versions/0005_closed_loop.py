"""Closed loop (issue 13): 诉求, ratings of conversations and handoffs, answer feedback, replies of 诉求.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 01:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema: existing ratings are ratings of applications."""
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target", sa.String(length=20), nullable=False, server_default="application"))
        batch_op.add_column(sa.Column("conversation_id", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("handoff_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("channel", sa.String(length=40), nullable=True))
        batch_op.alter_column("application_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(batch_op.f("ix_ratings_target"), ["target"], unique=False)
        batch_op.create_index(batch_op.f("ix_ratings_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ratings_handoff_id"), ["handoff_id"], unique=False)

    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("place_time", sa.String(length=200), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("conversation_id", sa.String(length=200), nullable=True),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("owner_openid", sa.String(length=64), nullable=True),
        sa.Column("contact_name", sa.String(length=40), nullable=True),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("assigned_to", sa.String(length=40), nullable=True),
        sa.Column("time_limit_days", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=40), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("rating_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_appeals_application_id_applications")
        ),
        sa.ForeignKeyConstraint(["rating_id"], ["ratings.id"], name=op.f("fk_appeals_rating_id_ratings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
        sa.UniqueConstraint("number", name=op.f("uq_appeals_number")),
    )
    for column in (
        "category",
        "application_id",
        "conversation_id",
        "owner_openid",
        "status",
        "created_at",
        "rating_id",
    ):
        op.create_index(op.f(f"ix_appeals_{column}"), "appeals", [column], unique=False)

    op.create_table(
        "answer_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("message_id", sa.String(length=100), nullable=True),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("source_kind", sa.String(length=40), nullable=True),
        sa.Column("source_id", sa.String(length=200), nullable=True),
        sa.Column("source_title", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_feedback")),
        sa.UniqueConstraint("conversation_id", "message_id", name=op.f("uq_answer_feedback_conversation_id")),
    )
    for column in ("conversation_id", "source_id", "created_at"):
        op.create_index(op.f(f"ix_answer_feedback_{column}"), "answer_feedback", [column], unique=False)

    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("appeal_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_outbox_messages_appeal_id"), ["appeal_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema (ratings of conversations and handoffs are dropped: they have no application)."""
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_messages_appeal_id"))
        batch_op.drop_column("appeal_id")
    op.drop_table("answer_feedback")
    op.drop_table("appeals")
    op.execute("DELETE FROM ratings WHERE application_id IS NULL")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_handoff_id"))
        batch_op.drop_index(batch_op.f("ix_ratings_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_ratings_target"))
        batch_op.alter_column("application_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("channel")
        batch_op.drop_column("handoff_id")
        batch_op.drop_column("conversation_id")
        batch_op.drop_column("target")
