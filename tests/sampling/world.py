"""URL values for the sampling and moderation pages, for the route walk."""

from datetime import date

from qa_audit.extensions import db
from qa_audit.models import FollowUpAction
from qa_audit.sampling.assignment import assign_sample
from qa_audit.sampling.operations import SampleRequest, create_sample


def sampling_values(users) -> dict:
    """A one-plan autumn 2025 sample, double-marked, with a follow-up action."""
    # Factory plans are issued on 1 October 2025, in the autumn 2025 term.
    sample = create_sample(SampleRequest("autumn-2025", count=1, seed=1), users["qa_lead"])
    markers = [users["auditor"], users["qa_lead"]]
    audits = assign_sample(
        sample, markers, date(2025, 12, 1), avoid_own_team=False, double_mark_share=1.0
    )
    action = FollowUpAction(audit_id=audits[0].id, kind="amend")
    db.session.add(action)
    db.session.commit()
    return {
        "term_id": sample.term_id,
        "sample_id": sample.id,
        "member_id": sample.members[0].id,
        "audit_id": audits[0].id,
        "action_id": action.id,
    }
