"""Audits of professional advice: termly advice samples and their scores

Revision ID: 0017_advice_quality
Revises: 0016_advice_findings
Create Date: 2026-12-06 02:57:38

"""

import sqlalchemy as sa
from alembic import op

revision = "0017_advice_quality"
down_revision = "0016_advice_findings"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "advice_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.String(length=20), nullable=False),
        sa.Column("method", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_advice_samples_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["term_id"], ["terms.id"], name=op.f("fk_advice_samples_term_id_terms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advice_samples")),
    )
    with op.batch_alter_table("advice_samples", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advice_samples_term_id"), ["term_id"], unique=False)

    op.create_table(
        "advice_audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("advice_id", sa.Integer(), nullable=False),
        sa.Column("auditor_id", sa.Integer(), nullable=False),
        sa.Column("matrix_version_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("overall_grade", sa.String(length=40), nullable=True),
        sa.Column("meets_threshold", sa.Boolean(), nullable=True),
        sa.Column("measures", sa.JSON(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("strengths", sa.Text(), nullable=True),
        sa.Column("to_improve", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advice_id"], ["plan_advice.id"], name=op.f("fk_advice_audits_advice_id_plan_advice")
        ),
        sa.ForeignKeyConstraint(
            ["auditor_id"], ["users.id"], name=op.f("fk_advice_audits_auditor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["matrix_version_id"],
            ["matrix_versions.id"],
            name=op.f("fk_advice_audits_matrix_version_id_matrix_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["advice_samples.id"],
            name=op.f("fk_advice_audits_sample_id_advice_samples"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advice_audits")),
        sa.UniqueConstraint("sample_id", "advice_id", name=op.f("uq_advice_audits_sample_id")),
    )
    with op.batch_alter_table("advice_audits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advice_audits_advice_id"), ["advice_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_advice_audits_auditor_id"), ["auditor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_advice_audits_sample_id"), ["sample_id"], unique=False)

    op.create_table(
        "advice_audit_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.String(length=60), nullable=False),
        sa.Column("grade", sa.String(length=40), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("confirmed_flags", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["advice_audits.id"],
            name=op.f("fk_advice_audit_scores_audit_id_advice_audits"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advice_audit_scores")),
        sa.UniqueConstraint(
            "audit_id", "criterion_id", name=op.f("uq_advice_audit_scores_audit_id")
        ),
    )
    with op.batch_alter_table("advice_audit_scores", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_advice_audit_scores_audit_id"), ["audit_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("advice_audit_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advice_audit_scores_audit_id"))

    op.drop_table("advice_audit_scores")
    with op.batch_alter_table("advice_audits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advice_audits_sample_id"))
        batch_op.drop_index(batch_op.f("ix_advice_audits_auditor_id"))
        batch_op.drop_index(batch_op.f("ix_advice_audits_advice_id"))

    op.drop_table("advice_audits")
    with op.batch_alter_table("advice_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advice_samples_term_id"))

    op.drop_table("advice_samples")
