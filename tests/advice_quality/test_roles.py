"""Who may do what with advice audits: QA leads draw samples and read every audit, auditors
score their own, report readers (QA leads and SEN managers) see the figures, administrators
nothing."""

from __future__ import annotations

import pytest

from tests.factories import login

PAGES = ("/advice-quality/", "/advice-quality/terms/autumn-2025", "/advice-quality/figures")
ALLOWED = {
    "qa_lead": (200, 200, 200),
    "auditor": (200, 403, 403),
    "sen_manager": (403, 403, 200),
    "admin": (403, 403, 403),
}


@pytest.mark.parametrize("role", ["qa_lead", "auditor", "sen_manager", "admin"])
def test_each_role_reaches_only_its_advice_pages(app, client, make, sampled, role) -> None:
    login(client, make.user(role))
    answers = tuple(client.get(page).status_code for page in PAGES)
    assert answers == ALLOWED[role]
    [audit] = sampled.audits
    scoring = client.get(f"/advice-quality/{audit.id}").status_code
    # another auditor's advice audit is "not found", as plan audits are
    assert scoring == {"qa_lead": 200, "auditor": 404, "sen_manager": 403, "admin": 403}[role]
