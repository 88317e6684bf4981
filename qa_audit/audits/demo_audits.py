"""Demonstration audits: each demo auditor gets plans to score, some not started, some drafts,
some submitted, graded on the active matrix from a fixed seed (same grades every time)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from qa_audit.audits.operations import assign_audit, save_draft, submit_audit
from qa_audit.audits.scoring_form import ScoreSheet
from qa_audit.matrix.model import Matrix
from qa_audit.matrix.versions import active_matrix_version
from qa_audit.models import Plan, User

STAGES = ("assigned", "draft", "submitted", "submitted")
"""What happens to each auditor's audits, in order."""

EVIDENCE = (
    "Several outcomes describe support from adults rather than what the child will achieve.",
    "Provision in F gives no hours or group size for the literacy support.",
    "Advice from the speech and language therapist is not carried into section F.",
    "Target dates for two outcomes have already passed.",
)


def load_demo_audits(plans: Sequence[Plan], auditors: Sequence[User], today: date) -> int:
    """Assign ``len(STAGES)`` plans to each auditor and take each audit to its stage.
    Returns the number of audits created (flushed, not committed)."""
    rng = random.Random(7)  # noqa: S311 (reproducible demo data, not security)
    _, matrix = active_matrix_version()
    chosen = rng.sample(list(plans), len(auditors) * len(STAGES))
    for index, plan in enumerate(chosen):
        auditor = auditors[index // len(STAGES)]
        stage = STAGES[index % len(STAGES)]
        audit = assign_audit(plan, auditor, today + timedelta(days=7 + 7 * (index % 3)))
        if stage == "draft":
            save_draft(audit, _sheet(matrix, rng, complete=False), audit.revision)
        elif stage == "submitted":
            submit_audit(audit, _sheet(matrix, rng, complete=True), audit.revision)
    return len(chosen)


def _sheet(matrix: Matrix, rng: random.Random, *, complete: bool) -> ScoreSheet:
    grade_ids = [grade.id for grade in matrix.scale.grades]
    weights = [1, 4, 2, 1][: len(grade_ids)] + [1] * (len(grade_ids) - 4)
    criteria = matrix.criteria if complete else matrix.criteria[: len(matrix.criteria) // 2]
    grades: dict[str, str | None] = {}
    evidence: dict[str, str] = {}
    for criterion in criteria:
        grade = rng.choices(grade_ids, weights=weights)[0]
        grades[criterion.id] = grade
        if not matrix.meets_threshold(grade):
            evidence[criterion.id] = rng.choice(EVIDENCE)
    below = sum(not matrix.meets_threshold(g) for g in grades.values() if g)
    overall = grade_ids[min(1 + below // 3, len(grade_ids) - 1)]
    return ScoreSheet(
        grades=grades,
        evidence=evidence,
        overall=overall if complete else None,
        summary="A clear plan overall; see the evidence for what to change." if complete else "",
        strengths="The child's views in section A are in their own words." if complete else "",
        to_improve="Quantify provision and date every outcome." if complete else "",
    )
