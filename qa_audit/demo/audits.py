"""Demonstration audits: each demo auditor gets plans to score, some not started, some drafts,
some submitted, graded on the active matrix from a fixed seed (same grades every time).

Demo auditors mark what is in the plan: :class:`DemoMarker` grades the criteria that the faults
planted in a weak plan's document touch below the threshold, writes evidence naming the faults,
and confirms the pre-flag hints that a planted fault backs (leaving the others unconfirmed).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from qa_audit.advice.findings import counted_finding
from qa_audit.audits.operations import assign_audit, save_draft, submit_audit
from qa_audit.audits.preflags import PreFlag, latest_analysis_result, preflags_by_criterion
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.matrix.codes import FLAG_LABELS, NOT_APPLICABLE
from qa_audit.matrix.model import Criterion, Matrix
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import Audit, Plan, User
from qa_audit.synthetic import PlantedFault, PlanTruth

STAGES = ("assigned", "draft", "submitted", "submitted")
"""What happens to each auditor's audits, in order."""

PFA_FROM_YEAR = 9
SERIOUS = frozenset({"conversion_template", "no_pfa_outcomes"})
"""Faults the matrix's descriptors grade at the bottom of the scale on their own."""

EVIDENCE = {
    "vague": "Section E: {outcomes} naming no skill or behaviour the child will show.",
    "not_measurable": "Section E: {outcomes} with no measure to judge progress at review.",
    "not_time_bound": "Section E: {outcomes} with no date or time frame.",
    "provision_not_outcome": (
        "Section E: {outcomes} describing what adults will provide, not what the child will "
        "achieve."
    ),
    "outdated": "Section E: {outcomes} with target dates already past when the plan was issued.",
    "no_linked_need": "Section E: {outcomes} answering no need recorded in section B.",
    "golden_thread": "Section E: {outcomes} answering no need recorded in section B.",
    "provision_not_quantified": (
        "Section F: {items} saying neither how much is provided nor who delivers it."
    ),
    "advice_not_reflected": "Advice listed in section K is not carried into section F: {roles}.",
    "no_pfa_outcomes": "Year {year}, and no outcome prepares for adulthood.",
    "conversion_template": "Still on the conversion template (issued in place of a Statement).",
}
"""What a demo auditor writes for each kind of fault ({outcomes} and {items} are counts)."""


class DemoMarker:
    """A demo auditor's score sheet for a plan, from the truth of its generated document."""

    def __init__(self, rng: random.Random, matrix: Matrix) -> None:
        self.rng, self.matrix = rng, matrix
        meeting = [g.id for g in matrix.scale.grades if g.meets_threshold]
        below = [g.id for g in matrix.scale.grades if not g.meets_threshold]
        self.best, self.good = meeting[0], meeting[-1]
        self.weak, self.worst = below[0], below[-1]

    def sheet(
        self,
        year_group: int | None,
        truth: PlanTruth | None,
        hints: Mapping[str, list[PreFlag]],
    ) -> ScoreSheet:
        """Grades, evidence and confirmed hints for a plan (a plan without a generated document,
        ``truth`` None, is marked as sound)."""
        problems = plan_problems(truth)
        lone = len(problems) == 1
        grades: dict[str, str | None] = {}
        evidence: dict[str, str] = {}
        confirmed: dict[str, list[str]] = {}
        for criterion in self.matrix.criteria:
            found = [p for p in problems if p.code in criterion.flags]
            grades[criterion.id] = self._grade(criterion, found, year_group, lone)
            if found:
                evidence[criterion.id] = _evidence(found, year_group)
            codes = {p.code for p in found}
            backed = [hint.code for hint in hints.get(criterion.id, []) if hint.code in codes]
            if backed:
                confirmed[criterion.id] = list(dict.fromkeys(backed))
        overall = self._overall(grades) if self.matrix.judgement.mode == "auditor" else None
        labels = list(dict.fromkeys(FLAG_LABELS[p.code].lower() for p in problems))
        return ScoreSheet(
            grades=grades,
            evidence=evidence,
            overall=overall,
            summary=_summary(self.matrix, overall, labels),
            strengths="The child's views in section A are in their own words.",
            to_improve=("Put right: " + "; ".join(labels) + ".") if labels else "",
            confirmed=confirmed,
        )

    def _grade(
        self, criterion: Criterion, found: list[PlantedFault], year_group: int | None, lone: bool
    ) -> str:
        """``lone``: the plan's only fault, which in an otherwise sound plan auditors note
        without marking the criterion down."""
        adulthood = "no_pfa_outcomes" in criterion.flags and criterion.allow_not_applicable
        if adulthood and (year_group is None or year_group < PFA_FROM_YEAR):
            return NOT_APPLICABLE
        if not found:
            return self.best if self.rng.random() < 0.25 else self.good
        items = len({p.text for p in found})
        if any(p.code in SERIOUS for p in found) or items >= 3:
            return self.worst if self.rng.random() < 0.7 else self.weak
        if items == 1 and (lone or self.rng.random() < 0.2):
            return self.good  # one slip in an otherwise sound part of the plan
        return self.weak

    def settle(
        self,
        first: Mapping[str, str | None],
        second: Mapping[str, str | None],
        truth: PlanTruth | None,
        overall_key: str,
    ) -> tuple[dict[str, str | None], str]:
        """A moderator's final grades for two markings that differ, and the reason.

        The moderator reads the plan: where it holds a fault the criterion covers, the lower of
        the two grades stands; where it holds none, the higher. The overall grade follows the
        plan's faults as a whole."""
        problems = plan_problems(truth)
        faulty = {c.id for c in self.matrix.criteria if any(p.code in c.flags for p in problems)}
        if problems:
            faulty.add(overall_key)
        final: dict[str, str | None] = {}
        lowered, raised = [], []
        for key, grade in first.items():
            other = second.get(key)
            if grade == other or NOT_APPLICABLE in (grade, other) or None in (grade, other):
                final[key] = grade
                continue
            pick = max if key in faulty else min
            final[key] = pick((grade, other), key=self.matrix.scale.rank)
            (lowered if key in faulty else raised).append(self._title(key, overall_key))
        reasons = []
        if lowered:
            reasons.append(f"The plan shows the faults behind the lower grade: {_and(lowered)}.")
        if raised:
            reasons.append(f"No fault found on reading the plan: {_and(raised)}.")
        return final, " ".join(reasons) or "Both markings stand as given."

    def _title(self, key: str, overall_key: str) -> str:
        if key == overall_key:
            return "the overall grade"
        return next(c.title for c in self.matrix.criteria if c.id == key)

    def _overall(self, grades: Mapping[str, str | None]) -> str:
        matrix = self.matrix
        graded = {c: grades[c.id] for c in matrix.criteria if grades[c.id] != NOT_APPLICABLE}
        below = [c for c, g in graded.items() if g and not matrix.meets_threshold(g)]
        key_below = [c for c in below if c.key]
        if len(below) >= 4 or any(graded[c] == self.worst for c in key_below):
            return self.worst
        if key_below or len(below) >= 2:
            return self.weak
        best = sum(g == self.best for g in graded.values())
        return self.best if best * 2 > len(graded) else self.good


def plan_problems(truth: PlanTruth | None) -> list[PlantedFault]:
    """The faults an auditor finds in the plan: those planted, and the conversion template."""
    if truth is None:
        return []
    problems = list(truth.faults)
    if truth.template == "conversion" and all(p.code != "conversion_template" for p in problems):
        problems.append(PlantedFault("conversion_template", ""))
    return problems


def audit_hints(matrix: Matrix, audit: Audit) -> dict[str, list[PreFlag]]:
    """The pre-flag hints the scoring page shows for the audit's document, by criterion."""
    return preflags_by_criterion(
        matrix, latest_analysis_result(audit.document_id), counted_finding(audit.document_id)
    )


def _evidence(found: list[PlantedFault], year_group: int | None) -> str:
    sentences = []
    for code in dict.fromkeys(p.code for p in found):
        texts = list(dict.fromkeys(p.text for p in found if p.code == code))
        sentences.append(
            EVIDENCE[code].format(
                outcomes=_count(len(texts), "outcome"),
                items=_count(len(texts), "item of provision", "items of provision"),
                roles=", ".join(texts),
                year=year_group,
            )
        )
    return " ".join(dict.fromkeys(sentences))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _summary(matrix: Matrix, overall: str | None, labels: list[str]) -> str:
    if overall is not None and not matrix.meets_threshold(overall):
        return "Below the quality threshold. The main problems: " + "; ".join(labels) + "."
    if labels:
        return "Meets the quality threshold; the evidence lists what to put right."
    return "A clear plan: outcomes are specific and dated and the provision is quantified."


def load_demo_audits(
    plans: Sequence[Plan], auditors: Sequence[User], today: date, truths: Mapping[int, PlanTruth]
) -> int:
    """Assign ``len(STAGES)`` plans with documents (``truths``: plan id -> what its document
    holds) to each auditor and take each audit to its stage. Returns the number of audits
    created (flushed, not committed)."""
    rng = random.Random(7)  # noqa: S311 (reproducible demo data, not security)
    _, matrix = active_matrix_version()
    marker = DemoMarker(rng, matrix)
    with_documents = [plan for plan in plans if plan.id in truths]
    chosen = rng.sample(with_documents, len(auditors) * len(STAGES))
    for index, plan in enumerate(chosen):
        auditor = auditors[index // len(STAGES)]
        stage = STAGES[index % len(STAGES)]
        audit = assign_audit(plan, auditor, today + timedelta(days=7 + 7 * (index % 3)))
        if stage == "assigned":
            continue
        sheet = marker.sheet(plan.year_group, truths[plan.id], audit_hints(matrix, audit))
        if stage == "draft":
            save_draft(audit, _first_half(sheet, matrix), audit.revision)
        else:
            submit_audit(audit, sheet, audit.revision)
    return len(chosen)


def _first_half(sheet: ScoreSheet, matrix: Matrix) -> ScoreSheet:
    """A draft: the first half of the criteria marked, nothing else written yet."""
    done = {c.id for c in matrix.criteria[: len(matrix.criteria) // 2]}
    return ScoreSheet(
        grades={key: grade for key, grade in sheet["grades"].items() if key in done},
        evidence={key: text for key, text in sheet["evidence"].items() if key in done},
        overall=None,
        summary="",
        strengths="",
        to_improve="",
        confirmed={key: codes for key, codes in sheet.get("confirmed", {}).items() if key in done},
    )
