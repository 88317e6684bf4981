"""Professional advice documents received for a plan

Revision ID: 0007_plan_advice
Revises: 0006_family_feedback
Create Date: 2026-12-05 18:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0007_plan_advice"
down_revision = "0006_family_feedback"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "plan_advice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("file_type", sa.String(length=8), nullable=False),
        sa.Column("stored_path", sa.String(length=255), nullable=True),
        sa.Column("recommendations", sa.JSON(), nullable=True),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_advice_plan_id_plans")
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"], ["users.id"], name=op.f("fk_plan_advice_uploaded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_advice")),
        sa.UniqueConstraint("plan_id", "sha256", name=op.f("uq_plan_advice_plan_id")),
    )
    with op.batch_alter_table("plan_advice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_advice_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_advice_sha256"), ["sha256"], unique=False)


def downgrade():
    op.drop_table("plan_advice")
