"""Rows of the case-management extract, for statutory timeliness

Revision ID: 0005_plan_events
Revises: 0004_access
Create Date: 2026-12-05 14:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0005_plan_events"
down_revision = "0004_access"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "plan_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("team", sa.String(length=80), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("request_date", sa.Date(), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("exceptions", sa.Boolean(), nullable=False),
        sa.Column("previous_review_date", sa.Date(), nullable=True),
        sa.Column("review_meeting_date", sa.Date(), nullable=True),
        sa.Column("review_decision_date", sa.Date(), nullable=True),
        sa.Column("review_decision", sa.String(length=10), nullable=True),
        sa.Column("phase_transfer", sa.Boolean(), nullable=False),
        sa.Column("transfer_deadline", sa.Date(), nullable=True),
        sa.Column("amended_issue_date", sa.Date(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_events", schema=None) as batch_op:
        batch_op.create_index("ix_plan_events_reference", ["reference"], unique=False)
        batch_op.create_index("ix_plan_events_issue_date", ["issue_date"], unique=False)
        batch_op.create_index(
            "ix_plan_events_review_meeting_date", ["review_meeting_date"], unique=False
        )
        batch_op.create_index(
            "ix_plan_events_transfer_deadline", ["transfer_deadline"], unique=False
        )


def downgrade():
    op.drop_table("plan_events")
