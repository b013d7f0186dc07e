"""Initial schema: applicants, applications, department tasks, history, audit, ratings, calendar, counters.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 02:39:13.598770

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "applicants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applicants")),
        sa.UniqueConstraint("id_number", name=op.f("uq_applicants_id_number")),
    )
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("workdays", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("loaded_by", sa.String(length=80), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_years")),
    )
    op.create_table(
        "daily_counters",
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_counters")),
    )
    op.create_table(
        "verification_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("client_key", sa.String(length=128), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_failures")),
    )
    with op.batch_alter_table("verification_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verification_failures_client_key"), ["client_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_verification_failures_failed_at"), ["failed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_verification_failures_subject"), ["subject"], unique=False)

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column("applicant_name", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=11), nullable=False),
        sa.Column("person_category", sa.String(length=32), nullable=False),
        sa.Column("other_category", sa.String(length=32), nullable=True),
        sa.Column("project_name", sa.String(length=100), nullable=True),
        sa.Column("industry", sa.String(length=50), nullable=True),
        sa.Column("business_type", sa.String(length=32), nullable=True),
        sa.Column("premises_address", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=20), nullable=True),
        sa.Column("county", sa.String(length=30), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("loan_amount", sa.Integer(), nullable=True),
        sa.Column("loan_term_months", sa.Integer(), nullable=True),
        sa.Column("loan_borrower", sa.String(length=16), nullable=True),
        sa.Column("partner_count", sa.Integer(), nullable=True),
        sa.Column("graduation_year", sa.Integer(), nullable=True),
        sa.Column("business_started_on", sa.Date(), nullable=True),
        sa.Column("first_time_founder", sa.Boolean(), nullable=True),
        sa.Column("bank_account", sa.String(length=30), nullable=True),
        sa.Column("filed_by", sa.String(length=64), nullable=False),
        sa.Column("owner_openid", sa.String(length=64), nullable=True),
        sa.Column("idempotency_key", sa.String(length=128), nullable=True),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("one_click", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("shared_fields", sa.JSON(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"], ["applicants.id"], name=op.f("fk_applications_applicant_id_applicants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_applications_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_applications_number")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applications_applicant_id"), ["applicant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_owner_openid"), ["owner_openid"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_state"), ["state"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_audit_events_application_id_applications")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)

    op.create_table(
        "department_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("department_code", sa.String(length=40), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("time_limit_days", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("due_date_estimated", sa.Boolean(), nullable=False),
        sa.Column("due_date_note", sa.Text(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_department_tasks_application_id_applications")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department_tasks")),
        sa.UniqueConstraint("application_id", "department_code", name="uq_department_tasks_app_dept"),
    )
    with op.batch_alter_table("department_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_department_tasks_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_department_tasks_department_code"), ["department_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_department_tasks_status"), ["status"], unique=False)

    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("rated_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"], name=op.f("fk_ratings_application_id_applications")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint("application_id", name=op.f("uq_ratings_application_id")),
    )
    op.create_table(
        "task_status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["department_tasks.id"], name=op.f("fk_task_status_history_task_id_department_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_status_history")),
    )
    with op.batch_alter_table("task_status_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_status_history_task_id"), ["task_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("task_status_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_status_history_task_id"))

    op.drop_table("task_status_history")
    op.drop_table("ratings")
    with op.batch_alter_table("department_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_tasks_status"))
        batch_op.drop_index(batch_op.f("ix_department_tasks_department_code"))
        batch_op.drop_index(batch_op.f("ix_department_tasks_application_id"))

    op.drop_table("department_tasks")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))
        batch_op.drop_index(batch_op.f("ix_audit_events_application_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_action"))

    op.drop_table("audit_events")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_state"))
        batch_op.drop_index(batch_op.f("ix_applications_owner_openid"))
        batch_op.drop_index(batch_op.f("ix_applications_applicant_id"))

    op.drop_table("applications")
    with op.batch_alter_table("verification_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verification_failures_subject"))
        batch_op.drop_index(batch_op.f("ix_verification_failures_failed_at"))
        batch_op.drop_index(batch_op.f("ix_verification_failures_client_key"))

    op.drop_table("verification_failures")
    op.drop_table("daily_counters")
    op.drop_table("calendar_years")
    op.drop_table("applicants")
