"""Agreement figures for a term: per criterion and overall, over its double-marked plans.

Pairs are grouped by the matrix version the first audit used, since criteria and grades can
change between versions; a term normally has one group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qa_audit.audits.operations import audit_matrix
from qa_audit.matrix import Matrix
from qa_audit.moderation.agreement import Agreement, agreement
from qa_audit.moderation.pairs import OVERALL, MarkedPair, grades_of

OVERALL_LABEL = "Overall grade for the plan"
THRESHOLD_LABEL = "Meets the quality threshold"


@dataclass(frozen=True)
class AgreementRow:
    key: str
    label: str
    agreement: Agreement


@dataclass(frozen=True)
class AgreementTable:
    matrix: Matrix
    rows: tuple[AgreementRow, ...]


def agreement_tables(pairs: Sequence[MarkedPair]) -> list[AgreementTable]:
    """One table per matrix version, over the pairs with both audits submitted."""
    groups: dict[int | None, list[MarkedPair]] = {}
    for pair in pairs:
        if pair.both_submitted:
            groups.setdefault(pair.first.matrix_version_id, []).append(pair)
    return [
        _table(audit_matrix(group[0].first), group)
        for _, group in sorted(groups.items(), key=_order)
    ]


def _order(item: tuple[int | None, list[MarkedPair]]) -> int:
    return item[0] or 0


def _table(matrix: Matrix, pairs: Sequence[MarkedPair]) -> AgreementTable:
    scale = [grade.id for grade in matrix.scale.grades]
    graded = [(grades_of(p.first), grades_of(p.second)) for p in pairs]
    rows = [
        AgreementRow(
            c.id, c.title, agreement([(a.get(c.id), b.get(c.id)) for a, b in graded], scale)
        )
        for c in matrix.criteria
    ]
    rows.append(
        AgreementRow(
            OVERALL, OVERALL_LABEL, agreement([(a[OVERALL], b[OVERALL]) for a, b in graded], scale)
        )
    )
    # The threshold decision as a two-point scale (meets first): what the headline counts.
    decisions = [(_met(p.first.meets_threshold), _met(p.second.meets_threshold)) for p in pairs]
    rows.append(AgreementRow("threshold", THRESHOLD_LABEL, agreement(decisions, ["yes", "no"])))
    return AgreementTable(matrix, tuple(rows))


def _met(value: bool | None) -> str | None:
    return None if value is None else "yes" if value else "no"
