"""An auditor scores a plan in real Chromium with the keyboard only, leaves, comes back to the
automatically saved draft, and submits."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import Audit, PlanDocument
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PLAN_TEXT = {
    "A": "Mia loves swimming and wants to be a lifeguard.",
    "E": "By July 2027, Mia will swim 25 metres unaided in 3 out of 4 lessons.",
    "F": "Weekly 30-minute physiotherapy session delivered by the school physiotherapist.",
}


def tab_to(page, element_id: str, limit: int = 40) -> None:
    """Press Tab until the element with ``element_id`` has focus."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach #{element_id} with the Tab key")


def grade_with_keys(page, criterion_id: str) -> None:
    """Tab into the radio group, Space picks the first grade, an arrow key moves to Good."""
    tab_to(page, f"grade__{criterion_id}")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")


def reload_audit(audit_id: int) -> Audit:
    db.session.expire_all()
    return db.session.get_one(Audit, audit_id)


def test_keyboard_only_scoring_with_a_draft_in_between(page, make):
    auditor = make.user("auditor")
    plan = make.plan(reference="EHCP-T-MIA")
    document = PlanDocument(
        plan_id=plan.id,
        version=1,
        sha256="b" * 64,
        size=10,
        original_name="plan.docx",
        file_type="docx",
        parsed={"section_text": PLAN_TEXT},
    )
    db.session.add(document)
    db.session.commit()
    audit = make.audit(plan, auditor, document_id=document.id)
    criteria = [c.id for c in active_matrix_version()[1].criteria]
    db.session.commit()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    sign_in(page, auditor, PASSWORD)
    page.wait_for_url("**/")
    page.goto("/audits/")
    for _ in range(40):
        if page.evaluate("document.activeElement.textContent").startswith("Score"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/audits/{audit.id}")
    expect(page.get_by_text("swim 25 metres unaided")).to_be_visible()

    half = criteria[: len(criteria) // 2]
    grade_with_keys(page, half[0])
    tab_to(page, f"evidence__{half[0]}")
    page.keyboard.type("Outcomes are clear and dated.")
    for criterion_id in half[1:]:
        grade_with_keys(page, criterion_id)

    # Leaving the page saves the draft automatically.
    page.goto("/audits/")
    deadline = time.monotonic() + 10
    while reload_audit(audit.id).status != "draft" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert reload_audit(audit.id).status == "draft"

    page.goto(f"/audits/{audit.id}")
    for criterion_id in half:
        assert page.locator(f"#grade__{criterion_id}-2").is_checked()
    assert page.locator(f"#evidence__{half[0]}").input_value() == "Outcomes are clear and dated."

    for criterion_id in criteria[len(half) :]:
        grade_with_keys(page, criterion_id)
    tab_to(page, "overall")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    tab_to(page, "summary", limit=60)
    page.keyboard.type("A good plan; date the physiotherapy review.")
    page.keyboard.press("Tab")
    page.keyboard.type("Mia's own words in section A.")
    page.keyboard.press("Tab")
    page.keyboard.type("Say who reviews the swimming target.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Submit audit"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Judgement")).to_be_visible()
    stored = reload_audit(audit.id)
    assert stored.status == "submitted"
    assert stored.overall_grade == "good" and stored.meets_threshold is True
    assert stored.measures["quality_threshold"] is True
    assert stored.summary == "A good plan; date the physiotherapy review."
    assert db.session.scalar(select(Audit.matrix_version_id)) is not None
    assert errors == []
