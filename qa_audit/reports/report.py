"""Assemble every section of the termly report for one term."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from flask import current_app

from qa_audit.advice.deadlines import SourceTimeliness, timeliness_by_source
from qa_audit.advice.findings import counted_findings
from qa_audit.family.questions import current_questions
from qa_audit.moderation.figures import AgreementTable
from qa_audit.national.comparison import NationalComparison, national_comparison
from qa_audit.reports import analyses, loading
from qa_audit.reports.advice import AdviceRow, advice_by_discipline
from qa_audit.reports.advice_quality import AdviceQuality, advice_quality
from qa_audit.reports.agreement import term_agreement
from qa_audit.reports.breakdowns import Breakdown, all_breakdowns
from qa_audit.reports.calibration import Calibration, calibration
from qa_audit.reports.caseload import Caseload, caseload_screen
from qa_audit.reports.criteria import CriterionGrades, grade_distribution, most_often_below
from qa_audit.reports.family_records import load_responses, load_you_said
from qa_audit.reports.family_voice import FamilyVoice, family_voice
from qa_audit.reports.headline import HeadlineGroup, headline, is_census_measure
from qa_audit.reports.records import PlanResult, SampleInfo, TermAudits, VersionInfo
from qa_audit.reports.results import combine_results
from qa_audit.reports.themes import (
    ActionCounts,
    Example,
    action_counts,
    confirmed_flag_counts,
    examples,
)
from qa_audit.reports.timeliness import Timeliness, timeliness
from qa_audit.reports.trend import DEFAULT_TERMS, TrendSeries, terms_up_to, trend
from qa_audit.sampling.review_population import REVIEW_POPULATIONS
from qa_audit.terms import TermSpan, term_span


@dataclass(frozen=True)
class Methodology:
    samples: tuple[SampleInfo, ...]
    versions: tuple[VersionInfo, ...]  # every version used by the term's sample audits
    basis: dict[str, int]  # how each headline plan result was reached
    ad_hoc: int  # submitted audits with no sample: not in any figure
    awaiting_second_marking: int  # double-marked plans with one marking in: not in any figure


@dataclass(frozen=True)
class TermReport:
    term: TermSpan
    generated_on: date
    results: list[PlanResult]
    targeted: list[PlanResult]
    reviews: list[PlanResult]  # audited in annual-review samples
    versions: dict[int, VersionInfo]
    headline: list[HeadlineGroup]
    targeted_headline: list[HeadlineGroup]
    review_headline: list[HeadlineGroup]
    caseload: Caseload
    trend: list[TrendSeries]
    criteria: list[CriterionGrades]
    weakest: list[CriterionGrades]
    breakdowns: list[Breakdown]
    advice: list[AdviceRow]
    agreement: list[AgreementTable]
    confirmed_flags: list[tuple[str, int]]
    examples: list[Example]
    actions: ActionCounts
    calibration: Calibration
    timeliness: Timeliness
    national: NationalComparison | None  # None until a statistics file is uploaded
    advice_on_time: list[SourceTimeliness]  # per source, advice due in the term
    advice_quality: AdviceQuality  # the advice sample's audits, apart from the plan figures
    family: FamilyVoice
    methodology: Methodology

    @property
    def several_versions(self) -> bool:
        return len(self.methodology.versions) > 1

    @property
    def provisional(self) -> tuple[str, ...]:
        """Why the figures may still change (empty once the term is over and settled)."""
        reasons = []
        if self.generated_on <= self.term.ends_on:
            ends = self.term.ends_on.strftime("%-d %B %Y")
            reasons.append(
                f"{self.term.label} runs until {ends}: audits are still being submitted."
            )
        waiting = self.methodology.basis.get("awaiting_moderation", 0)
        if waiting:
            plans = "plan awaits" if waiting == 1 else "plans await"
            reasons.append(
                f"{waiting} double-marked {plans} moderation: the first auditor's grades are "
                "counted for now."
            )
        return tuple(reasons)


def build_report(
    term_id: str, today: date | None = None, trend_terms: int = DEFAULT_TERMS
) -> TermReport:
    today = today or date.today()
    term = term_span(term_id)
    data = loading.load_term(term)
    results = combine_results(data)
    versions = dict(data.versions)
    newest = versions[max(versions)] if versions else loading.latest_version()
    matrix = newest.matrix if newest else None
    documents = _audited_documents(data)
    by_document = analyses.latest_results(documents.values())
    by_plan = {plan: by_document[doc] for plan, doc in documents.items() if doc in by_document}
    traces = counted_findings(documents.values())
    traced = {plan: traces[doc] for plan, doc in documents.items() if doc in traces}
    criteria = grade_distribution(results, versions)
    weakest = most_often_below(criteria)
    measures = [m for m in matrix.measures if not is_census_measure(matrix, m)] if matrix else []
    caseload_plans, not_analysed = analyses.load_caseload_plans()
    targeted = combine_results(data, "targeted")
    reviews = combine_results(data, "review")
    return TermReport(
        term=term,
        generated_on=today,
        results=results,
        targeted=targeted,
        reviews=reviews,
        versions=versions,
        headline=headline(results, versions),
        targeted_headline=headline(targeted, versions),
        review_headline=headline(reviews, versions, tuple(REVIEW_POPULATIONS)),
        caseload=caseload_screen(caseload_plans, not_analysed, matrix),
        trend=trend(_per_term(term, results, trend_terms), matrix),
        criteria=criteria,
        weakest=weakest,
        breakdowns=all_breakdowns(results, measures),
        advice=advice_by_discipline(results, by_plan, versions),
        agreement=term_agreement(data),
        confirmed_flags=confirmed_flag_counts(results),
        examples=examples(results, versions, most_often_below(criteria, limit=len(criteria))),
        actions=action_counts(
            loading.load_actions(term), term.starts_on, term.ends_on, min(term.ends_on, today)
        ),
        calibration=calibration(
            data.audits,
            versions,
            lambda a: by_plan.get(a.plan_id),
            lambda a: traced.get(a.plan_id),
        ),
        timeliness=timeliness(term, today, results),
        national=national_comparison(),
        advice_on_time=timeliness_by_source(term, min(term.ends_on, today)),
        advice_quality=advice_quality(term),
        family=_family(term, results),
        methodology=Methodology(
            samples=data.samples,
            versions=tuple(versions[v] for v in sorted(versions)),
            basis=dict(Counter(r.basis for r in results)),
            ad_hoc=data.ad_hoc_count,
            awaiting_second_marking=data.awaiting_second_marking,
        ),
    )


def _audited_documents(data: TermAudits) -> dict[int, int]:
    """Plan id -> the document version its audit scored (else the plan's latest version)."""
    chosen = {a.plan_id: a.document_id for a in data.audits if a.document_id}
    missing = {a.plan_id for a in data.audits} - set(chosen)
    return {**analyses.latest_documents(missing), **chosen} if missing else chosen


def _per_term(
    term: TermSpan, results: list[PlanResult], count: int
) -> list[tuple[TermSpan, list[PlanResult]]]:
    setting = current_app.config["TERM_STARTS"]
    earlier = terms_up_to(term, setting, count)[:-1]
    return [(t, combine_results(loading.load_term(t))) for t in earlier] + [(term, results)]


FAMILY_EARLIER_TERMS = 3


def _family(term: TermSpan, results: list[PlanResult]) -> FamilyVoice:
    """What families said this term, with the three terms before it for the trend."""
    setting = current_app.config["TERM_STARTS"]
    earlier = terms_up_to(term, setting, FAMILY_EARLIER_TERMS + 1)[:-1]
    found = family_voice(
        current_questions(),
        load_responses(term),
        results,
        [(t.label, load_responses(t)) for t in earlier],
        term.label,
    )
    return replace(found, you_said=load_you_said(term))
