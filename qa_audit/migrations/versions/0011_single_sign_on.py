"""Single sign-on: the OpenID Connect issuer and subject an account is bound to

Revision ID: 0011_single_sign_on
Revises: 0010_two_factor
Create Date: 2026-12-05 23:59:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0011_single_sign_on"
down_revision = "0010_two_factor"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("oidc_issuer", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("oidc_subject", sa.String(length=255), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_users_oidc_issuer"), ["oidc_issuer", "oidc_subject"]
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_oidc_issuer"), type_="unique")
        batch_op.drop_column("oidc_subject")
        batch_op.drop_column("oidc_issuer")
