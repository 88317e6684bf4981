"""The plain English check, computed by the real analyser and stored, shows on the plan page and
under the plain language criterion of the scoring page, each hint with the words it points at."""

from __future__ import annotations

from datetime import date

from qa_audit.analysis.runner import analyse_document
from qa_audit.analysis.stored import documents_needing_analysis
from qa_audit.documents.model import Outcome, ParsedPlan, Section
from qa_audit.extensions import db
from qa_audit.models import Analysis, PlanDocument
from qa_audit.nlp.version import ANALYSER_VERSION
from tests.factories import login

LONG = (
    "Following assessment by the multidisciplinary team it was determined that Ravi presents "
    "with significant difficulties in sensory modulation which impact upon his ability to "
    "access learning in the classroom environment and across unstructured times of the day."
)
PARSED = ParsedPlan(
    sections={
        "A": Section("A", "Section A", ["Ravi likes trains.", f"He sees the SALT weekly. {LONG}"]),
        "E": Section("E", "Section E", ["Ravi will have proprioceptive input daily."]),
    },
    outcomes=[Outcome("By July 2027, Ravi will have proprioceptive input before lessons.")],
).to_dict()


def _analysed_document(make, plan) -> PlanDocument:
    document = PlanDocument(
        plan_id=plan.id,
        version=1,
        sha256="b" * 64,
        size=1000,
        original_name="plan.docx",
        file_type="docx",
        parsed=PARSED,
    )
    db.session.add(document)
    db.session.commit()
    analysis = analyse_document(document.id, today=date(2026, 1, 10))
    assert analysis.status == "done", analysis.error
    return document


def test_the_stored_analysis_holds_the_figures_and_the_words(app, make):
    document = _analysed_document(make, make.plan())
    result = db.session.get(PlanDocument, document.id).analyses[0].result
    assert set(result["readability"]) == {"A", "E"}
    assert [t["term"] for t in result["readability"]["A"]["terms"]] == ["SALT"]
    assert [t["term"] for t in result["readability"]["E"]["terms"]] == ["proprioceptive"]
    assert result["readability"]["A"]["long_sentences"] == [LONG]
    assert result["summary"]["flag_counts"]["jargon"] == 2


def test_results_of_the_analyser_before_the_check_are_analysed_again(app, make):
    document = _analysed_document(make, make.plan())
    assert document.id not in documents_needing_analysis()
    current = db.session.get(PlanDocument, document.id).analyses[0]
    current.analyser_version = "1.6.0"
    db.session.commit()
    assert ANALYSER_VERSION != "1.6.0"
    assert document.id in documents_needing_analysis()


def test_the_plan_page_shows_the_figures_and_each_hint_with_its_evidence(client, make):
    plan = make.plan()
    _analysed_document(make, plan)
    login(client, make.user("qa_lead"))
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    assert 'id="plain-english"' in page
    assert '1 of 3<span class="govuk-visually-hidden"> sentences</span> over 30 words' in page
    section_a = page.split('id="plain-english-A"')[1].split("</div>")[0]
    assert "long sentence" in section_a and f"({LONG})" in section_a
    assert "(SALT)" in section_a and "speech and language therapy" in section_a
    outcomes = page.split('id="plain-english-E"')[1].split("</div>")[0]
    assert "(proprioceptive)" in outcomes


def test_the_scoring_page_shows_the_hints_under_the_plain_language_criterion(client, make):
    plan = make.plan()
    document = _analysed_document(make, plan)
    auditor = make.user("auditor")
    audit = make.audit(plan, auditor, document_id=document.id, due_on=date(2026, 2, 1))
    login(client, auditor)
    page = client.get(f"/audits/{audit.id}").get_data(as_text=True)
    criterion = page.split('id="criterion-plain-language"')[1].split('class="app-criterion"')[0]
    assert '<q class="app-flag">SALT</q>' in criterion
    assert '<q class="app-flag">proprioceptive</q>' in criterion
    assert f'<q class="app-flag">{LONG}</q>' in criterion
    assert "Confirmed: Jargon or unexplained abbreviation" in criterion
    smart = page.split('id="criterion-smart-outcomes"')[1].split('class="app-criterion"')[0]
    assert "SALT" not in smart


def test_an_analysis_without_the_check_still_shows_the_plan_page(client, make):
    plan = make.plan()
    document = _analysed_document(make, plan)
    analysis = db.session.get(PlanDocument, document.id).analyses[0]
    analysis.result = {k: v for k, v in analysis.result.items() if k != "readability"}
    db.session.commit()
    assert db.session.get(Analysis, analysis.id).result.get("readability") is None
    login(client, make.user("qa_lead"))
    response = client.get(f"/plans/{plan.id}")
    assert response.status_code == 200
    assert 'id="plain-english"' not in response.get_data(as_text=True)
