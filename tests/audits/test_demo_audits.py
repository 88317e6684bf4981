"""The demo loader creates audits at every stage for the demo auditors."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import Audit, AuditScore, User


def test_demo_creates_audits_for_each_demo_auditor(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    # Ad hoc assignments (the sampling demo adds sampled ones of its own).
    audits = db.session.scalars(select(Audit).where(Audit.sample_id.is_(None))).all()
    assert Counter(a.status for a in audits) == {"assigned": 3, "draft": 3, "submitted": 6}
    auditors = set(db.session.scalars(select(User.id).where(User.role == "auditor")))
    assert {a.auditor_id for a in audits} == auditors
    for audit in audits:
        assert audit.due_on is not None
        if audit.status == "submitted":
            assert audit.overall_grade and audit.meets_threshold is not None
            assert set(audit.measures) == {
                "quality_threshold",
                "advice_reflected",
                "current_template",
            }
        if audit.status != "assigned":
            assert audit.matrix_version_id is not None
    assert db.session.scalar(select(AuditScore).where(AuditScore.grade.is_not(None)))
