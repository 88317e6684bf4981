"""The "You said, we did" list a QA lead keeps of changes made after family feedback

Revision ID: 0008_you_said_we_did
Revises: 0007_plan_advice
Create Date: 2026-12-05 18:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0008_you_said_we_did"
down_revision = "0007_plan_advice"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "you_said_we_did",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("you_said", sa.String(length=500), nullable=False),
        sa.Column("we_did", sa.String(length=500), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_you_said_we_did_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_you_said_we_did")),
    )


def downgrade():
    op.drop_table("you_said_we_did")
