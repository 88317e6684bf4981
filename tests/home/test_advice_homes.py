"""Advice audits on the homes: an auditor's advice still to audit, a QA lead's progress of the
term's advice sample, and nobody else's advice on anyone's home."""

from __future__ import annotations

import re

import pytest

from qa_audit.extensions import db
from qa_audit.models import AdviceAudit, AdviceSample
from tests.advice_quality.conftest import add_advice, draw, submit_advice
from tests.factories import login
from tests.home.world import TODAY, count_statements, this_term

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

EP = "Educational Psychologist"
SLT = "Speech and Language Therapist"
CAMHS = "CAMHS"


def text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def advice_for(make, source: str, reference: str):
    return add_advice(make.plan(reference=reference).id, source, received_on=TODAY)


def by_reference(sample: AdviceSample) -> dict[str, AdviceAudit]:
    return {audit.advice.plan.reference: audit for audit in sample.audits}


def advice_term(make):
    """This term's advice sample: three speech and language therapy advices for one auditor
    (one submitted, one draft, one not started), one CAMHS advice for another."""
    slt_auditor = make.user("auditor", agency="health")
    camhs_auditor = make.user("auditor", agency="health")
    for n in range(3):
        advice_for(make, SLT, f"EHCP-SLT-{n}")
    advice_for(make, CAMHS, "EHCP-CAMHS-0")
    drawn = draw({SLT: slt_auditor, CAMHS: camhs_auditor}, term=this_term().id)
    audits = by_reference(drawn)
    submit_advice(audits["EHCP-SLT-0"])
    audits["EHCP-SLT-2"].status = "draft"
    db.session.commit()
    return slt_auditor, camhs_auditor, audits


def test_auditor_sees_their_advice_to_audit_drafts_first(client, make):
    slt_auditor, _, audits = advice_term(make)
    login(client, slt_auditor)
    page = text(client.get("/"))
    assert "2 pieces of advice to audit, 1 in draft." in page
    table = page[page.index('id="advice-due"') :]
    assert table.index("EHCP-SLT-2<") < table.index("EHCP-SLT-1<"), "the draft first"
    assert f"{SLT}</th>" in table and this_term().label in table
    draft, fresh = audits["EHCP-SLT-2"], audits["EHCP-SLT-1"]
    assert re.search(
        rf'href="/advice-quality/{draft.id}">Continue scoring<span class="govuk-visually-hidden">'
        rf" {SLT} advice for plan EHCP-SLT-2</span>",
        table,
    )
    assert f'href="/advice-quality/{fresh.id}">Score<' in table
    assert "Draft" in table and "Not started" in table
    assert f"/advice-quality/{audits['EHCP-SLT-0'].id}" not in page  # submitted
    assert "EHCP-SLT-0" not in page
    assert "EHCP-CAMHS-0" not in page and CAMHS not in page  # another auditor's
    assert 'href="/advice-quality/">All your advice audits' in page
    # no plan audits: the plan part says so without saying nothing at all is assigned
    assert "No plan audits are assigned to you yet." in page


def test_an_auditor_of_another_source_sees_only_their_own(client, make):
    _, camhs_auditor, audits = advice_term(make)
    login(client, camhs_auditor)
    page = text(client.get("/"))
    assert "1 piece of advice to audit." in page
    assert f'href="/advice-quality/{audits["EHCP-CAMHS-0"].id}"' in page
    assert "EHCP-SLT" not in page and SLT not in page


def test_a_sen_manager_sees_no_advice_audits(client, make):
    advice_term(make)
    login(client, make.user("sen_manager", team="North"))
    page = text(client.get("/"))
    assert "/advice-quality/" not in page
    assert "EHCP-SLT" not in page and "EHCP-CAMHS" not in page


def test_an_auditor_with_all_advice_submitted_has_no_advice_list(client, make):
    auditor = make.user("auditor")
    advice_for(make, EP, "EHCP-EP-0")
    [audit] = draw({EP: auditor}, term=this_term().id).audits
    submit_advice(audit)
    login(client, auditor)
    page = text(client.get("/"))
    assert 'id="advice-due"' not in page
    assert "No audits are assigned to you yet." in page


def test_lead_without_an_advice_sample_is_prompted_to_draw_it(client, make):
    login(client, make.user("qa_lead"))
    page = text(client.get("/"))
    term = this_term()
    assert (
        f"The advice sample for {term.label} has not been drawn yet. "
        f'<a class="govuk-link" href="/advice-quality/terms/{term.id}">Draw the advice sample</a>'
    ) in page


def test_lead_sees_the_advice_sample_progress_by_source(client, make):
    lead = make.user("qa_lead")
    advice_term(make)
    login(client, lead)
    page = text(client.get("/"))
    term = this_term()
    assert "1 of 4 advice audits submitted." in page
    progress = page[page.index('id="advice-progress"') :]
    assert f'{CAMHS}</th> <td class="govuk-table__cell">0 of 1</td>' in progress
    assert f'{SLT}</th> <td class="govuk-table__cell">1 of 3</td>' in progress
    assert f'aria-label="{SLT}: 1 of 3 advice audits submitted"' in progress
    assert f'href="/advice-quality/terms/{term.id}">The advice sample for {term.label}</a>' in page
    assert "has not been drawn yet. <a" not in page.split("Advice audits</h2>")[1][:400]
    assert 'id="own-advice"' not in page  # none of it is the lead's own


def test_lead_sees_their_own_advice_to_audit(client, make):
    lead = make.user("qa_lead")
    advice_for(make, EP, "EHCP-EP-0")
    draw({EP: lead}, term=this_term().id)
    login(client, lead)
    page = text(client.get("/"))
    assert "1 piece of advice assigned to you to audit." in page
    assert 'href="/advice-quality/">Your advice audits' in page
    assert "0 of 1 advice audit submitted." in page


def grow(sample: AdviceSample, auditor, make, count: int) -> None:
    """More advice in the term's sample, a third of it submitted, a third in draft."""
    for index in range(count):
        source = (EP, SLT, CAMHS)[index % 3]
        advice = advice_for(make, source, f"EHCP-G-{auditor.id}-{count}-{index}")
        audit = AdviceAudit(sample_id=sample.id, advice_id=advice.id, auditor_id=auditor.id)
        db.session.add(audit)
        db.session.commit()
        if index % 3 == 1:
            submit_advice(audit)
        elif index % 3 == 2:
            audit.status = "draft"
            db.session.commit()


@pytest.mark.parametrize("role", ["auditor", "qa_lead"])
def test_more_advice_audits_take_no_more_queries(client, make, role):
    """The home runs the same queries however many advice audits there are, the user's own
    and the term's sample's."""
    person = make.user(role)
    other = make.user("auditor")
    advice_for(make, EP, "EHCP-EP-0")
    drawn = draw({EP: other}, term=this_term().id)
    grow(drawn, person, make, 3)
    grow(drawn, other, make, 3)
    login(client, person)
    client.get("/")  # warm caches (matrix parsing) before counting
    small = count_statements(client)
    grow(drawn, person, make, 30)
    grow(drawn, other, make, 30)
    page = text(client.get("/"))
    if role == "auditor":
        assert "22 pieces of advice to audit, 11 in draft." in page
    else:
        assert "22 pieces of advice assigned to you to audit." in page
        assert "22 of 67 advice audits submitted." in page
    assert count_statements(client) == small
