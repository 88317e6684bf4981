"""Stored findings of advice traced into a plan version

Revision ID: 0016_advice_findings
Revises: 0015_tidy
Create Date: 2026-12-06 03:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0016_advice_findings"
down_revision = "0015_tidy"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "advice_traces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("advice_key", sa.String(length=64), nullable=False),
        sa.Column("analyser_version", sa.String(length=20), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["plan_documents.id"],
            name=op.f("fk_advice_traces_document_id_plan_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advice_traces")),
        sa.UniqueConstraint("document_id", "advice_key", name=op.f("uq_advice_traces_document_id")),
    )
    with op.batch_alter_table("advice_traces", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_advice_traces_document_id"), ["document_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("advice_traces", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advice_traces_document_id"))
    op.drop_table("advice_traces")
