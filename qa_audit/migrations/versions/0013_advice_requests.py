"""Requests for professional advice, followed against the 6-week deadline until answered

Revision ID: 0013_advice_requests
Revises: 0012_review_sampling
Create Date: 2026-12-06 00:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0013_advice_requests"
down_revision = "0012_review_sampling"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "advice_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("advice_id", sa.Integer(), nullable=True),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_advice_requests_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["advice_id"], ["plan_advice.id"], name=op.f("fk_advice_requests_advice_id_plan_advice")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["users.id"], name=op.f("fk_advice_requests_requested_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advice_requests")),
        sa.UniqueConstraint("advice_id", name=op.f("uq_advice_requests_advice_id")),
    )
    with op.batch_alter_table("advice_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advice_requests_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_advice_requests_requested_on"), ["requested_on"], unique=False
        )


def downgrade():
    op.drop_table("advice_requests")
