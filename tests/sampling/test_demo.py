from datetime import date

import pytest
from sqlalchemy import func, select

from qa_audit.demo import load_demo
from qa_audit.extensions import db
from qa_audit.models import Audit, FollowUpAction, Moderation, Sample
from qa_audit.moderation.figures import pair_agreement_tables
from qa_audit.moderation.pairs import term_pairs

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_demo_has_a_working_cycle(app):
    load_demo(today=date(2026, 2, 10))
    terms = db.session.scalars(select(Sample.term_id).distinct()).all()
    assert set(terms) == {"spring-2025", "summer-2025", "autumn-2025", "spring-2026"}
    assert count(Audit, Audit.status == "submitted") > 20
    assert count(Audit, Audit.status == "assigned") > 0  # the current term is under way
    assert count(Moderation) > 0
    assert count(FollowUpAction, FollowUpAction.status == "open") > 0
    assert count(FollowUpAction, FollowUpAction.status == "closed") > 0
    (table,) = pair_agreement_tables(term_pairs("autumn-2025"))
    assert table.rows[-2].agreement.pairs >= 2
    load_demo(today=date(2026, 2, 10))  # loaded once: nothing more is added
    assert count(Sample) == len(terms)
