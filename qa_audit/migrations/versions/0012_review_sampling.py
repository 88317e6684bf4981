"""The DfE's published 20-week figures by area, and the areas the council is compared with

Revision ID: 0012_review_sampling
Revises: 0011_single_sign_on
Create Date: 2026-12-06 00:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0012_review_sampling"
down_revision = "0011_single_sign_on"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "national_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("time_period", sa.String(length=20), nullable=False),
        sa.Column("geographic_level", sa.String(length=30), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("area_name", sa.String(length=120), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=True),
        sa.Column("within_20_weeks", sa.Integer(), nullable=True),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_national_figures")),
        sa.UniqueConstraint(
            "time_period",
            "geographic_level",
            "area_code",
            name=op.f("uq_national_figures_time_period"),
        ),
    )
    with op.batch_alter_table("national_figures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_national_figures_area_code"), ["area_code"], unique=False
        )
    op.create_table(
        "comparison_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comparison_areas")),
        sa.UniqueConstraint("area_code", name=op.f("uq_comparison_areas_area_code")),
    )


def downgrade():
    op.drop_table("comparison_areas")
    with op.batch_alter_table("national_figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_national_figures_area_code"))
    op.drop_table("national_figures")
