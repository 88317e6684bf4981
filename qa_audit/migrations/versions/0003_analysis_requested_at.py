"""When each analysis run was last asked for, so one that never finished can be seen

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("analyses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requested_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("analyses", schema=None) as batch_op:
        batch_op.drop_column("requested_at")
