"""Knowledge base: FAQs with their version history, documents, unanswered questions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:03:39.001626

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "faqs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faqs")),
    )
    with op.batch_alter_table("faqs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faqs_item"), ["item"], unique=False)
        batch_op.create_index(batch_op.f("ix_faqs_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "kb_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("effective_date", sa.String(length=10), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_documents")),
        sa.UniqueConstraint("path", name=op.f("uq_kb_documents_path")),
    )
    with op.batch_alter_table("kb_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_documents_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "faq_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("faq_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["faq_id"], ["faqs.id"], name=op.f("fk_faq_versions_faq_id_faqs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_versions")),
        sa.UniqueConstraint("faq_id", "version", name="uq_faq_versions_faq_version"),
    )
    with op.batch_alter_table("faq_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_versions_faq_id"), ["faq_id"], unique=False)

    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("conversation_id", sa.String(length=128), nullable=True),
        sa.Column("item", sa.String(length=40), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=True),
        sa.Column("best_score", sa.Float(), nullable=True),
        sa.Column("best_source", sa.String(length=200), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolved_by_faq_id", sa.String(length=32), nullable=True),
        sa.Column("resolved_by", sa.String(length=80), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["resolved_by_faq_id"], ["faqs.id"], name=op.f("fk_unanswered_questions_resolved_by_faq_id_faqs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unanswered_questions")),
    )
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unanswered_questions_asked_at"), ["asked_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_unanswered_questions_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_unanswered_questions_status"), ["status"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unanswered_questions_status"))
        batch_op.drop_index(batch_op.f("ix_unanswered_questions_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_unanswered_questions_asked_at"))

    op.drop_table("unanswered_questions")
    with op.batch_alter_table("faq_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faq_versions_faq_id"))

    op.drop_table("faq_versions")
    with op.batch_alter_table("kb_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_documents_updated_at"))

    op.drop_table("kb_documents")
    with op.batch_alter_table("faqs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faqs_updated_at"))
        batch_op.drop_index(batch_op.f("ix_faqs_item"))

    op.drop_table("faqs")
