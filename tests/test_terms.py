from datetime import date

import pytest

from qa_audit.errors import QaAuditError
from qa_audit.terms import recent_terms, term_by_id, term_for

DEFAULT = "autumn=09-01,spring=01-01,summer=04-01"


@pytest.mark.parametrize(
    ("day", "term_id", "starts", "ends"),
    [
        (date(2025, 9, 1), "autumn-2025", date(2025, 9, 1), date(2025, 12, 31)),
        (date(2025, 12, 31), "autumn-2025", date(2025, 9, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), "spring-2026", date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), "summer-2026", date(2026, 4, 1), date(2026, 8, 31)),
        (date(2026, 8, 31), "summer-2026", date(2026, 4, 1), date(2026, 8, 31)),
    ],
)
def test_default_terms(day, term_id, starts, ends):
    term = term_for(day, DEFAULT)
    assert (term.id, term.starts_on, term.ends_on) == (term_id, starts, ends)
    assert term_by_id(term_id, DEFAULT) == term


def test_configured_terms_follow_the_setting():
    setting = "spring=01-06,summer=04-20,autumn=09-03"
    assert term_for(date(2026, 1, 5), setting).id == "autumn-2025"
    assert term_for(date(2026, 1, 5), setting).ends_on == date(2026, 1, 5)


def test_recent_terms_oldest_first():
    ids = [t.id for t in recent_terms(date(2026, 2, 1), DEFAULT, 4)]
    assert ids == ["spring-2025", "summer-2025", "autumn-2025", "spring-2026"]


def test_bad_term_id_and_setting_are_explained():
    with pytest.raises(QaAuditError, match="'winter-2025' is not a term"):
        term_by_id("winter-2025", DEFAULT)
    with pytest.raises(QaAuditError, match="TERM_STARTS must look like"):
        term_for(date(2026, 1, 1), "autumn=13-01")
