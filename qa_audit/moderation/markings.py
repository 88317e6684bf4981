"""What each auditor of a double-marked plan wrote, criterion by criterion, for the moderator:
grade, evidence and the pre-flag hints they confirmed, labelled by agency, never by name.

Only for a pair whose two audits are both submitted: until then neither marking may be shown
beside the other (see :func:`qa_audit.audits.double_marking.can_see_other_marking`).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_audit.matrix.codes import FLAG_LABELS
from qa_audit.matrix.model import Criterion, Matrix
from qa_audit.models import AuditScore
from qa_audit.moderation.pairs import MarkedPair, auditor_labels


@dataclass(frozen=True)
class Marking:
    auditor: str  # "Health auditor", or "First auditor" when the agencies do not tell them apart
    grade: str | None  # grade id, "n/a", or None when not given
    evidence: str
    confirmed: tuple[str, ...]  # labels of the hints the auditor confirmed


@dataclass(frozen=True)
class CriterionMarkings:
    criterion: Criterion
    markings: tuple[Marking, ...]

    @property
    def differ(self) -> bool:
        return len({marking.grade for marking in self.markings}) > 1


@dataclass(frozen=True)
class OverallMarking:
    auditor: str
    grade: str | None
    comments: tuple[tuple[str, str], ...]  # (heading, text) for each comment written


COMMENT_HEADINGS = (
    ("summary", "Summary"),
    ("strengths", "What works well"),
    ("to_improve", "What to improve"),
)


def criterion_markings(pair: MarkedPair, matrix: Matrix) -> list[CriterionMarkings]:
    if not pair.both_submitted:
        raise ValueError("markings are shown side by side only once both are submitted")
    audits = [pair.first, pair.second]
    labels = auditor_labels(audits)
    scores = [{score.criterion_id: score for score in audit.scores} for audit in audits]
    return [
        CriterionMarkings(
            criterion,
            tuple(
                _marking(labels[audit.id], by_criterion.get(criterion.id))
                for audit, by_criterion in zip(audits, scores, strict=True)
            ),
        )
        for criterion in matrix.criteria
    ]


def overall_markings(pair: MarkedPair) -> list[OverallMarking]:
    if not pair.both_submitted:
        raise ValueError("markings are shown side by side only once both are submitted")
    audits = [pair.first, pair.second]
    labels = auditor_labels(audits)
    return [
        OverallMarking(
            labels[audit.id],
            audit.overall_grade,
            tuple(
                (heading, text)
                for field, heading in COMMENT_HEADINGS
                if (text := (getattr(audit, field) or "").strip())
            ),
        )
        for audit in audits
    ]


def _marking(auditor: str, score: AuditScore | None) -> Marking:
    if score is None:
        return Marking(auditor, None, "", ())
    confirmed = tuple(FLAG_LABELS.get(code, code) for code in score.confirmed_flags or ())
    return Marking(auditor, score.grade, (score.evidence or "").strip(), confirmed)
