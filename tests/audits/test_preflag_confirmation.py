"""Hints in the matrix's vocabulary, confirmed by the auditor, counted by the calibration."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from qa_audit.audits.preflags import ANALYSER_CODES, collect_preflags, preflags_by_criterion
from qa_audit.extensions import db
from qa_audit.matrix.codes import FLAG_CODES
from qa_audit.models import AuditScore
from qa_audit.nlp.flags import MESSAGES
from qa_audit.reports.calibration import calibration
from qa_audit.reports.records import AuditRecord, VersionInfo
from tests.audits.conftest import ANALYSIS
from tests.audits.helpers import default_matrix, post_form
from tests.factories import login

PLAN_WIDE = {
    "preparing_for_adulthood": {
        "required": True,
        "flags": [{"code": "pfa_missing", "message": "No PfA outcomes.", "evidence": "Year 10"}],
    },
    "advice": [
        {
            "source": "Speech and language therapist",
            "flags": [{"code": "advice_not_specific", "message": "Not specific.", "evidence": ""}],
        }
    ],
    "golden_thread": {"needs_without_provision": ["Ravi finds reading hard."]},
    "template": {"kind": "conversion", "evidence": ["Statement of special educational needs"]},
}


def test_every_analyser_code_is_a_matrix_code():
    for code in MESSAGES:
        assert ANALYSER_CODES.get(code, code) in FLAG_CODES, code


def test_plan_wide_findings_reach_the_criteria_that_list_them(matrix_dir):
    flags = collect_preflags(PLAN_WIDE)
    assert {f.code for f in flags} == {
        "no_pfa_outcomes",
        "advice_not_reflected",
        "golden_thread",
        "conversion_template",
    }
    by_criterion = preflags_by_criterion(default_matrix(matrix_dir), PLAN_WIDE)
    codes = {cid: {f.code for f in found} for cid, found in by_criterion.items() if found}
    assert codes["golden-thread"] == {"golden_thread"}
    assert {"no_pfa_outcomes"} in codes.values()
    assert {"advice_not_reflected"} in codes.values()
    assert {"conversion_template"} in codes.values()


def test_auditor_confirms_hints_and_the_calibration_counts_them(client, world, matrix_dir):
    login(client, world.auditor)
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    assert 'name="confirm__smart-outcomes" type="checkbox" value="vague"' in page
    assert "Confirmed: Vague outcome" in page
    assert 'name="confirm__smart-outcomes" type="checkbox" value="not_time_bound"' in page
    answers = {
        "grade__smart-outcomes": "requires-improvement",
        "confirm__smart-outcomes": ["vague"],
        "confirm__provision-specific": ["provision_not_quantified"],
    }
    assert post_form(client, world.audit, answers, "draft").status_code == 302
    stored = {
        s.criterion_id: s.confirmed_flags
        for s in db.session.scalars(select(AuditScore))
        if s.confirmed_flags
    }
    assert stored == {
        "smart-outcomes": ["vague"],
        "provision-specific": ["provision_not_quantified"],
    }
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    assert 'value="vague" checked' in page and 'value="not_time_bound" checked' not in page

    matrix = default_matrix(matrix_dir)
    record = AuditRecord(
        id=world.audit.id,
        plan_id=world.plan.id,
        auditor_id=world.auditor.id,
        matrix_version_id=1,
        confirmed_flags={k: tuple(v) for k, v in stored.items()},
    )
    version = VersionInfo(1, matrix.title, "default.toml", "ab" * 32, matrix)
    found = calibration([record], {1: version}, lambda _: ANALYSIS)
    shares = dict(found.by_flag)
    assert (shares["vague"].met, shares["vague"].n) == (1, 1)  # shown on the outcomes only
    assert (shares["not_time_bound"].met, shares["not_time_bound"].n) == (0, 1)
    assert found.on_plans_meeting.n == found.on_plans_below.n == 0  # no verdict recorded

    raised = sum(share.n for share in shares.values())
    confirmed = sum(share.met for share in shares.values())
    below = replace(record, meets_threshold=False)
    meeting = replace(record, id=record.id + 1, meets_threshold=True, confirmed_flags={})
    found = calibration([below, meeting], {1: version}, lambda _: ANALYSIS)
    assert (found.on_plans_below.met, found.on_plans_below.n) == (confirmed, raised)
    assert (found.on_plans_meeting.met, found.on_plans_meeting.n) == (0, raised)


def test_an_outcome_hint_shows_under_the_outcomes_criterion_only(client, world):
    login(client, world.auditor)
    page = client.get(f"/audits/{world.audit.id}").get_data(as_text=True)
    assert 'name="confirm__smart-outcomes" type="checkbox" value="vague"' in page
    assert 'name="confirm__provision-specific" type="checkbox" value="vague"' not in page
    assert (
        'name="confirm__provision-specific" type="checkbox" value="provision_not_quantified"'
        in page
    )
