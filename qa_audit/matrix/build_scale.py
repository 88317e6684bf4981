"""Read and check the grading scale and the plan-judgement settings of a matrix."""

from __future__ import annotations

from itertools import pairwise
from typing import cast

from qa_audit.matrix.codes import CAP_CRITERIA, CEILINGS, JUDGEMENT_MODES
from qa_audit.matrix.fields import TableReader
from qa_audit.matrix.model import (
    Cap,
    CapCriteria,
    Ceiling,
    Criterion,
    Grade,
    Judgement,
    JudgementMode,
    Scale,
)
from qa_audit.matrix.problems import Problems


def read_scale(root: TableReader) -> Scale:
    table = root.sub_table("scale")
    reader = TableReader(table, ("scale",), "scale", root.problems)
    reader.reject_unknown({"grades"})
    grades: list[Grade] = []
    seen: set[str] = set()
    for index in range(len(reader.tables("grades")) if table else 0):
        grade_reader = reader.item("grades", index, "grade", name_field="label")
        grade = _read_grade(grade_reader)
        if grade.id and grade.id in seen:
            grade_reader.problem("id", f"grade id '{grade.id}' is used twice")
        seen.add(grade.id)
        grades.append(grade)
    scale = Scale(tuple(grades))
    if grades:
        _check_threshold_split(scale, root.problems)
    return scale


def _read_grade(reader: TableReader) -> Grade:
    reader.reject_unknown({"id", "label", "meets_threshold", "points"})
    if "meets_threshold" not in reader.table:
        reader.problem(None, "'meets_threshold' is missing (true or false)")
    return Grade(
        id=reader.slug("id"),
        label=reader.text("label"),
        meets_threshold=reader.boolean("meets_threshold"),
        points=reader.number("points", required=False),
    )


def _check_threshold_split(scale: Scale, problems: Problems) -> None:
    flags = [grade.meets_threshold for grade in scale.grades]
    if all(flags) or not any(flags):
        problems.add(
            ("scale",),
            "scale",
            "at least one grade must meet the quality threshold and at least one must not",
        )
    elif flags != sorted(flags, reverse=True):
        problems.add(
            ("scale",),
            "scale",
            "grades are listed best first, so every grade that meets the quality threshold "
            "must come before every grade that does not",
        )


def read_judgement(root: TableReader, scale: Scale) -> Judgement:
    table = root.sub_table("judgement")
    reader = TableReader(table, ("judgement",), "judgement", root.problems)
    reader.reject_unknown({"mode", "threshold", "ceiling", "caps"})
    mode = reader.text("mode", required=bool(table), default="auditor")
    if mode not in JUDGEMENT_MODES:
        reader.problem(
            "mode", f"mode '{mode}' is not known (use one of: {', '.join(JUDGEMENT_MODES)})"
        )
        mode = "auditor"
    threshold = reader.number("threshold", required=mode == "weighted")
    if mode != "weighted" and threshold is not None:
        reader.problem("threshold", "'threshold' is only used when mode is \"weighted\"")
        threshold = None
    if mode == "weighted":
        _check_points(scale, threshold, root.problems)
    if mode != "auditor":
        for key in ("ceiling", "caps"):
            if key in table:
                reader.problem(
                    key,
                    f'\'{key}\' is only used when mode is "auditor": in mode "{mode}" the '
                    "overall grade is worked out from the criteria",
                )
        return Judgement(mode=cast(JudgementMode, mode), threshold=threshold)
    return Judgement(mode="auditor", ceiling=_read_ceiling(reader), caps=_read_caps(reader, scale))


def _read_ceiling(reader: TableReader) -> Ceiling:
    ceiling = reader.text("ceiling", required=False, default="best-criterion")
    if ceiling not in CEILINGS:
        reader.problem(
            "ceiling", f"ceiling '{ceiling}' is not known (use one of: {', '.join(CEILINGS)})"
        )
        return "best-criterion"
    return cast(Ceiling, ceiling)


def _read_caps(reader: TableReader, scale: Scale) -> tuple[Cap, ...]:
    grade_ids = [grade.id for grade in scale.grades]
    caps: list[Cap] = []
    for index, table in enumerate(reader.tables("caps", required=False)):
        where = f"judgement cap number {index + 1}"
        cap_reader = TableReader(table, (*reader.path, "caps", index), where, reader.problems)
        cap_reader.reject_unknown({"criteria", "at_or_below", "overall_at_most"})
        criteria = cap_reader.text("criteria")
        if criteria and criteria not in CAP_CRITERIA:
            cap_reader.problem(
                "criteria",
                f"criteria '{criteria}' is not known (use \"key\" for key criteria or "
                '"any" for every criterion)',
            )
        grades = {}
        for key in ("at_or_below", "overall_at_most"):
            grades[key] = cap_reader.text(key)
            if grades[key] and grades[key] not in grade_ids:
                cap_reader.problem(
                    key,
                    f"'{key}' names grade '{grades[key]}', which is not on the scale "
                    f"(grades: {', '.join(grade_ids)})",
                )
        caps.append(
            Cap(cast(CapCriteria, criteria), grades["at_or_below"], grades["overall_at_most"])
        )
    return tuple(caps)


def check_caps_name_key_criteria(
    judgement: Judgement, criteria: tuple[Criterion, ...], root: TableReader
) -> None:
    """A cap on key criteria needs at least one criterion marked ``key = true``."""
    if any(criterion.key for criterion in criteria):
        return
    for index, cap in enumerate(judgement.caps):
        if cap.criteria == "key":
            root.problems.add(
                ("judgement", "caps", index, "criteria"),
                f"judgement cap number {index + 1}",
                'caps "key" criteria, but no criterion is marked key = true',
            )


def _check_points(scale: Scale, threshold: float | None, problems: Problems) -> None:
    points: list[float] = []
    for index, grade in enumerate(scale.grades):
        if grade.points is None:
            problems.add(
                ("scale", "grades", index),
                f"grade '{grade.label or grade.id}'",
                "'points' is missing: the weighted judgement needs points for every grade",
            )
        else:
            points.append(grade.points)
    if len(points) != len(scale.grades) or not points:
        return
    if any(better <= worse for better, worse in pairwise(points)):
        problems.add(
            ("scale",), "scale", "points must go down from the best grade to the worst grade"
        )
    elif threshold is not None and not points[-1] <= threshold <= points[0]:
        problems.add(
            ("judgement", "threshold"),
            "judgement",
            f"threshold {threshold:g} must lie between the worst and best grade points "
            f"({points[-1]:g} to {points[0]:g})",
        )
