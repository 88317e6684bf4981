"""A world for the web tests: one user of each role, a plan with a real document, an audit of
its own for each of two auditors, a double-marked sample with a follow-up action, and advice of
the plan in an advice sample for the auditor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from qa_audit.auth.password_links import issue_link
from qa_audit.extensions import db
from qa_audit.models import Alert, Audit, Plan, User
from qa_audit.models.user import ROLES
from tests.advice_quality.conftest import add_advice, draw
from tests.sampling.world import sampling_values


@dataclass
class WebWorld:
    users: dict[str, User]
    other_auditor: User
    plan: Plan
    audit: Audit  # the auditor's own
    others_audit: Audit  # another auditor's, with a draft saved
    values: dict[str, int | str]  # URL arguments by name


@pytest.fixture
def web_world(app, make) -> WebWorld:
    users = {role: make.user(role, team="North") for role in ROLES}
    other = make.user("auditor", team="North")
    plan = make.plan(team="North")
    document = make.document(plan)
    audit = make.audit(plan, users["auditor"], document_id=document.id)
    others = make.audit(plan, other, document_id=document.id, status="draft", summary="Kept.")
    values: dict[str, int | str] = {
        "plan_id": plan.id,
        "user_id": users["auditor"].id,
        "document_id": document.id,
    }
    values.update(sampling_values(users))
    values["audit_id"] = audit.id
    values["token"] = issue_link(other, None)  # a set-password link, still unused
    now = datetime.now(UTC)
    alert = Alert(rule="failed_sign_ins", first_at=now, last_at=now, count=5, summary="")
    db.session.add(alert)
    db.session.flush()
    values["alert_id"] = alert.id
    db.session.commit()
    add_advice(plan.id)
    sample = draw({"Speech and Language Therapist": users["auditor"]})
    values["advice_audit_id"] = sample.audits[0].id
    return WebWorld(users, other, plan, audit, others, values)
