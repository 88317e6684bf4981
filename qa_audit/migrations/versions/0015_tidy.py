"""Two-factor set-up keeps the new secret on the account row, not in the session cookie

Revision ID: 0015_tidy
Revises: 0014_alerts
Create Date: 2026-12-06 03:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0015_tidy"
down_revision = "0014_alerts"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("totp_pending_secret", sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("totp_pending_secret")
