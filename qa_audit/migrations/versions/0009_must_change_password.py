"""Accounts an administrator has asked to choose a new password at their next sign-in

Revision ID: 0009_must_change_password
Revises: 0008_you_said_we_did
Create Date: 2026-12-05 18:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0009_must_change_password"
down_revision = "0008_you_said_we_did"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
