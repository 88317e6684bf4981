"""Feedback from children, young people and parents: single-use links and their answers

Revision ID: 0006_family_feedback
Revises: 0005_plan_events
Create Date: 2026-12-05 14:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0006_family_feedback"
down_revision = "0005_plan_events"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "family_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("respondent", sa.String(length=20), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_family_links_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_family_links_plan_id_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_family_links_token_hash")),
    )
    with op.batch_alter_table("family_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_links_plan_id"), ["plan_id"], unique=False)
    op.create_table(
        "family_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=True),
        sa.Column("respondent", sa.String(length=20), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("comments", sa.JSON(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["link_id"], ["family_links.id"], name=op.f("fk_family_responses_link_id_family_links")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_family_responses_plan_id_plans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_responses")),
        sa.UniqueConstraint("link_id", name=op.f("uq_family_responses_link_id")),
    )
    with op.batch_alter_table("family_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_responses_plan_id"), ["plan_id"], unique=False)


def downgrade():
    with op.batch_alter_table("family_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_responses_plan_id"))
    op.drop_table("family_responses")
    with op.batch_alter_table("family_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_links_plan_id"))
    op.drop_table("family_links")
