"""The report's family section: what children, young people and parents said about their plans.

Each measure in the family questions file is the share of counted answers to its questions that
are "yes", against its target, with a 95% Wilson interval and a status that, as for the
headline measures, is a RAG band only where the interval lies wholly on one side of the target
(GREEN at or above it, AMBER within 10 points, RED below). "Don't know" answers are left out of
the share and counted beside it. A plan both audited and answered is set against the auditors'
settled result: the family's view is positive when most of its counted answers are "yes".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from qa_audit.family.questions import Measure, Questionnaire
from qa_audit.models.family import RESPONDENTS
from qa_audit.models.plan import PHASES
from qa_audit.plan_kinds import PLAN_KINDS
from qa_audit.reports.family_records import ResponseRecord, TermResponses
from qa_audit.reports.headline import Status
from qa_audit.reports.pseudonymise import pseudonymise
from qa_audit.reports.records import PlanResult
from qa_audit.reports.shares import Share, reading, verdict

AMBER_POINTS = 0.10
YES = "yes"


@dataclass(frozen=True)
class FamilyFigure:
    measure: Measure
    share: Share
    dont_know: int  # answers left out of the share
    rag: Status | None
    reading: str


@dataclass(frozen=True)
class FamilyBreakdown:
    title: str
    rows: tuple[tuple[str, tuple[Share, ...]], ...]  # label, one share per measure


@dataclass(frozen=True)
class Disagreement:
    plan_id: int
    reference: str
    family_positive: bool
    meets_threshold: bool
    overall_grade: str | None


@dataclass(frozen=True)
class FamilySeries:
    """One family measure over the last terms, in the shape the report's line chart draws."""

    measure: Measure
    terms: tuple[str, ...]  # term labels, oldest first
    shares: tuple[Share, ...]

    @property
    def title(self) -> str:
        return self.measure.title


@dataclass(frozen=True)
class FamilyVoice:
    measures: tuple[Measure, ...]
    figures: tuple[FamilyFigure, ...]
    responses: int
    response_rate: Share  # links answered of links sent in the term
    breakdowns: tuple[FamilyBreakdown, ...]
    trend: tuple[tuple[str, tuple[Share, ...]], ...]  # term label, one share per measure
    crossed: dict[tuple[bool, bool], int]  # (family positive, meets threshold) -> plans
    disagreements: tuple[Disagreement, ...]
    comments: tuple[tuple[str, str], ...]  # respondent label, pseudonymised text
    you_said: tuple[tuple[str, str], ...] = ()  # the QA lead's "You said, we did" lines

    @property
    def series(self) -> tuple[FamilySeries, ...]:
        terms = tuple(label for label, _ in self.trend)
        return tuple(
            FamilySeries(measure, terms, tuple(shares[i] for _, shares in self.trend))
            for i, measure in enumerate(self.measures)
        )

    @property
    def compared(self) -> int:
        return sum(self.crossed.values())

    def disagreements_for(self, shows: Callable[[int], bool]) -> list[Disagreement]:
        """The disagreements naming plans the reader may see (``ReportRows.shows``)."""
        return [d for d in self.disagreements if shows(d.plan_id)]


def status(share: Share, target: float) -> Status | None:
    found = verdict(share, target)
    if found == "no figure" or share.value is None:
        return None
    if found == "unclear":
        return "insufficient"
    if share.value >= target:
        return "green"
    return "amber" if share.value >= target - AMBER_POINTS else "red"


def measure_share(
    questionnaire: Questionnaire, measure: Measure, responses: Sequence[ResponseRecord]
) -> tuple[Share, int]:
    """The share of counted answers that are "yes", and how many "don't know" were left out."""
    counted = {a.value for a in questionnaire.answers if a.counted}
    asked = [q.id for q in questionnaire.scale_questions if q.measure == measure.id]
    given = [r.answers.get(q) for r in responses for q in asked]
    given = [a for a in given if a is not None]
    kept = [a for a in given if a in counted]
    return Share(sum(a == YES for a in kept), len(kept)), len(given) - len(kept)


def family_positive(questionnaire: Questionnaire, responses: Sequence[ResponseRecord]) -> bool:
    """Whether most of the counted answers to measured questions are "yes"."""
    shares = [measure_share(questionnaire, m, responses)[0] for m in questionnaire.measures]
    met, n = sum(s.met for s in shares), sum(s.n for s in shares)
    return n > 0 and 2 * met > n


def _breakdown(
    questionnaire: Questionnaire,
    responses: Sequence[ResponseRecord],
    title: str,
    key: Callable[[ResponseRecord], str | None],
    labels: dict[str, str],
) -> FamilyBreakdown:
    found = {key(r) for r in responses}
    ordered = [k for k in labels if k in found] + sorted(k for k in found if k and k not in labels)
    if None in found:
        ordered.append(None)
    rows = []
    for value in ordered:
        mine = [r for r in responses if key(r) == value]
        label = labels.get(value, value) if value else "Not recorded"
        rows.append(
            (label, tuple(measure_share(questionnaire, m, mine)[0] for m in questionnaire.measures))
        )
    return FamilyBreakdown(title, tuple(rows))


def family_voice(
    questionnaire: Questionnaire,
    now: TermResponses,
    results: Sequence[PlanResult],
    earlier: Sequence[tuple[str, TermResponses]] = (),
    term_label: str = "",
) -> FamilyVoice:
    """The section's figures for the term ``now`` (and ``earlier`` terms, oldest first)."""
    responses = now.responses
    figures = []
    for measure in questionnaire.measures:
        share, dont_know = measure_share(questionnaire, measure, responses)
        figures.append(
            FamilyFigure(
                measure,
                share,
                dont_know,
                status(share, measure.target),
                reading(share, measure.target).replace("audited plans", "answers"),
            )
        )
    breakdowns = tuple(
        _breakdown(questionnaire, responses, title, key, labels)
        for title, key, labels in (
            ("Who answered", lambda r: r.respondent, RESPONDENTS),
            ("Team", lambda r: r.plan.team, {}),
            ("Phase", lambda r: r.plan.phase, PHASES),
            ("Kind of plan", lambda r: r.plan.kind, PLAN_KINDS),
        )
    )
    measures = questionnaire.measures
    trend = tuple(
        (label, tuple(measure_share(questionnaire, m, t.responses)[0] for m in measures))
        for label, t in [*earlier, (term_label, now)]
    )
    crossed = {(f, a): 0 for f in (True, False) for a in (True, False)}
    disagreements = []
    by_plan = {r.plan.id: r for r in results if r.meets_threshold is not None}
    for plan_id in sorted({r.plan.id for r in responses} & set(by_plan)):
        result = by_plan[plan_id]
        positive = family_positive(questionnaire, [r for r in responses if r.plan.id == plan_id])
        crossed[(positive, bool(result.meets_threshold))] += 1
        if positive != result.meets_threshold:
            disagreements.append(
                Disagreement(
                    plan_id,
                    result.plan.reference,
                    positive,
                    bool(result.meets_threshold),
                    result.overall_grade,
                )
            )
    comments = tuple(
        (RESPONDENTS.get(r.respondent, r.respondent), pseudonymise(text))
        for r in responses
        for q in questionnaire.text_questions
        if (text := r.comments.get(q.id))
    )
    return FamilyVoice(
        measures=questionnaire.measures,
        figures=tuple(figures),
        responses=len(responses),
        response_rate=Share(now.links_answered, now.links_sent),
        breakdowns=breakdowns,
        trend=trend,
        crossed=crossed,
        disagreements=tuple(disagreements),
        comments=comments,
    )
