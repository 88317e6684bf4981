from datetime import date

import pytest

from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.moderation.follow_ups import (
    below_threshold_without_action,
    close_follow_up,
    create_follow_up,
    is_overdue,
    open_follow_ups,
)
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample
from tests.moderation.helpers import submit
from tests.sampling.helpers import autumn_plans


def test_plans_below_threshold_get_tracked_actions(make):
    autumn_plans(make, 3)
    auditor, manager = make.user("auditor"), make.user("sen_manager")
    sample = create_sample(SampleRequest("autumn-2025", percent=100, seed=2), None)
    audits = assign_sample(sample, [auditor], date(2025, 12, 1))
    submit(audits[0], "good")
    submit(audits[1], "requires-improvement")
    submit(audits[2], "inadequate")
    waiting = below_threshold_without_action("autumn-2025")
    assert [w.audit_id for w in waiting] == [audits[1].id, audits[2].id]

    action = create_follow_up(audits[1], "amend", manager, date(2026, 1, 9), "Rewrite section E")
    db.session.commit()
    assert [w.audit_id for w in below_threshold_without_action("autumn-2025")] == [audits[2].id]
    assert [a.id for a, _ in open_follow_ups()] == [action.id]
    assert is_overdue(action, date(2026, 1, 10)) and not is_overdue(action, date(2026, 1, 9))

    close_follow_up(action, "Plan amended and re-issued")
    db.session.commit()
    assert action.status == "closed" and action.closed_at is not None
    assert action.note == "Rewrite section E\nClosed: Plan amended and re-issued"
    assert open_follow_ups() == []
    with pytest.raises(QaAuditError, match="already closed"):
        close_follow_up(action, "again")


def test_follow_up_needs_a_known_kind_and_a_submitted_audit(make):
    plan = make.plan()
    audit = make.audit(plan, make.user("auditor"))
    with pytest.raises(QaAuditError, match="submitted audit"):
        create_follow_up(audit, "amend", None, None, None)
    with pytest.raises(QaAuditError, match="amend, re-audit or training"):
        create_follow_up(audit, "shout", None, None, None)
