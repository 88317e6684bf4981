"""Agreement figures for a term: per criterion, overall and on the threshold decision, over its
double-marked plans. Shown on the moderation page and in the termly report.

Pairs are grouped by the matrix version the first audit used, since criteria and grades can
change between versions; a term normally has one group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from qa_audit.audits.double_marking import OVERALL, grades_of
from qa_audit.audits.operations import audit_matrix
from qa_audit.matrix import Matrix
from qa_audit.moderation.agreement import Agreement, agreement
from qa_audit.moderation.pairs import MarkedPair

OVERALL_LABEL = "Overall grade for the plan"
THRESHOLD_LABEL = "Meets the quality threshold"


@dataclass(frozen=True)
class GradedPair:
    """Both submitted markings of one double-marked plan, as plain data."""

    version_id: int | None
    first: Mapping[str, str | None]  # criterion id -> grade, and "overall"
    second: Mapping[str, str | None]
    first_meets: bool | None
    second_meets: bool | None


@dataclass(frozen=True)
class AgreementRow:
    key: str
    label: str
    agreement: Agreement


@dataclass(frozen=True)
class AgreementTable:
    matrix: Matrix
    rows: tuple[AgreementRow, ...]

    def row(self, key: str) -> AgreementRow:
        return next(row for row in self.rows if row.key == key)


def pair_agreement_tables(pairs: Sequence[MarkedPair]) -> list[AgreementTable]:
    """The tables over the pairs with both audits submitted (for the moderation page)."""
    submitted = [pair for pair in pairs if pair.both_submitted]
    matrices = {pair.first.matrix_version_id: audit_matrix(pair.first) for pair in submitted}
    graded = [
        GradedPair(
            pair.first.matrix_version_id,
            grades_of(pair.first),
            grades_of(pair.second),
            pair.first.meets_threshold,
            pair.second.meets_threshold,
        )
        for pair in submitted
    ]
    return agreement_tables(graded, matrices.__getitem__)


def agreement_tables(
    pairs: Sequence[GradedPair], matrix_of: Callable[[int | None], Matrix]
) -> list[AgreementTable]:
    """One table per matrix version; ``matrix_of`` gives the matrix of a version id."""
    groups: dict[int | None, list[GradedPair]] = {}
    for pair in pairs:
        groups.setdefault(pair.version_id, []).append(pair)
    return [
        _table(matrix_of(version_id), group)
        for version_id, group in sorted(groups.items(), key=lambda item: item[0] or 0)
    ]


def _table(matrix: Matrix, pairs: Sequence[GradedPair]) -> AgreementTable:
    scale = [grade.id for grade in matrix.scale.grades]
    rows = [
        AgreementRow(
            c.id,
            c.title,
            agreement([(p.first.get(c.id), p.second.get(c.id)) for p in pairs], scale),
        )
        for c in matrix.criteria
    ]
    overall = [(p.first.get(OVERALL), p.second.get(OVERALL)) for p in pairs]
    rows.append(AgreementRow(OVERALL, OVERALL_LABEL, agreement(overall, scale)))
    # The threshold decision as a two-point scale (meets first): what the headline counts.
    decisions = [(_met(p.first_meets), _met(p.second_meets)) for p in pairs]
    rows.append(AgreementRow("threshold", THRESHOLD_LABEL, agreement(decisions, ["yes", "no"])))
    return AgreementTable(matrix, tuple(rows))


def _met(value: bool | None) -> str | None:
    return None if value is None else "yes" if value else "no"
