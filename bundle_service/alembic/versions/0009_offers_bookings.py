"""免申即享 offers told once, and the bookings after the licence (seal, bank) with their admin-edited provider list.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 22:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "benefit_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=False),
        sa.Column("item", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("openid", sa.String(length=64), nullable=True),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("application_number", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_offers")),
        sa.UniqueConstraint("person", "item", name="uq_benefit_offers_person_item"),
    )
    op.create_index(op.f("ix_benefit_offers_person"), "benefit_offers", ["person"], unique=False)
    op.create_table(
        "booking_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_booking_settings")),
    )
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("provider_code", sa.String(length=40), nullable=False),
        sa.Column("provider_name", sa.String(length=100), nullable=False),
        sa.Column("provider_address", sa.String(length=200), nullable=False),
        sa.Column("provider_phone", sa.String(length=30), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("passed", sa.JSON(), nullable=False),
        sa.Column("booked_by", sa.String(length=80), nullable=False),
        sa.Column("booked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_bookings_application_id_applications")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("application_id", "kind", name="uq_bookings_application_kind"),
    )
    op.create_index(op.f("ix_bookings_application_id"), "bookings", ["application_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_bookings_application_id"), table_name="bookings")
    op.drop_table("bookings")
    op.drop_table("booking_settings")
    op.drop_index(op.f("ix_benefit_offers_person"), table_name="benefit_offers")
    op.drop_table("benefit_offers")
