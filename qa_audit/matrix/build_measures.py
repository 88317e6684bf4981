"""Read and check the headline measures (targets and RAG bands) of a matrix."""

from __future__ import annotations

from typing import Literal

from qa_audit.matrix.codes import PLAN_KINDS
from qa_audit.matrix.fields import TableReader
from qa_audit.matrix.model import Criterion, MatrixKind, Measure

_MEASURE_FIELDS = {
    "id",
    "title",
    "description",
    "target",
    "green_from",
    "amber_from",
    "applies_to",
    "source",
    "criteria",
}


def read_measures(
    root: TableReader, criteria: tuple[Criterion, ...], kind: MatrixKind = "plan"
) -> tuple[Measure, ...]:
    criterion_ids = {c.id for c in criteria}
    measures: list[Measure] = []
    seen: set[str] = set()
    for index in range(len(root.tables("measures", required=False))):
        reader = root.item("measures", index, "measure")
        reader.reject_unknown(_MEASURE_FIELDS)
        measure = _read_measure(reader, criterion_ids, kind)
        if measure.id and measure.id in seen:
            reader.problem("id", f"measure id '{measure.id}' is used twice")
        seen.add(measure.id)
        measures.append(measure)
    return tuple(measures)


def _read_measure(reader: TableReader, criterion_ids: set[str], kind: MatrixKind) -> Measure:
    target = reader.share("target")
    green_from = reader.share("green_from", required=False)
    if green_from is None and "green_from" not in reader.table:
        green_from = target
    amber_from = reader.share("amber_from")
    if green_from is not None and amber_from is not None and amber_from > green_from:
        reader.problem(
            "amber_from",
            f"'amber_from' ({amber_from:g}) must not be above 'green_from' ({green_from:g})",
        )
    applies_to = _read_applies_to(reader, kind)
    source, criteria = _read_source(reader, criterion_ids)
    return Measure(
        id=reader.slug(),
        title=reader.text("title"),
        description=reader.text("description", required=False),
        target=target or 0.0,
        green_from=green_from or 0.0,
        amber_from=amber_from or 0.0,
        applies_to=applies_to,
        source=source,
        criteria=criteria,
    )


def _read_applies_to(reader: TableReader, kind: MatrixKind) -> tuple[str, ...]:
    """The kinds of plan a measure counts; advice measures count every piece of advice."""
    if kind == "advice":
        if "applies_to" in reader.table:
            reader.problem(
                "applies_to",
                "'applies_to' names kinds of plan, but this matrix scores professional advice: "
                "remove it",
            )
        return ()
    if "applies_to" not in reader.table:
        return ("new",)
    applies_to = reader.text_list("applies_to", allowed=PLAN_KINDS)
    if not applies_to:
        reader.problem("applies_to", "'applies_to' must name at least one kind of plan")
    return applies_to


def _read_source(
    reader: TableReader, criterion_ids: set[str]
) -> tuple[Literal["judgement", "criteria"], tuple[str, ...]]:
    has_source = "source" in reader.table
    has_criteria = "criteria" in reader.table
    if has_source and has_criteria:
        reader.problem("criteria", "give either source = \"judgement\" or 'criteria', not both")
    if has_source:
        if reader.table["source"] != "judgement":
            reader.problem(
                "source", "'source' can only be \"judgement\" (or list 'criteria' instead)"
            )
        return "judgement", ()
    if not has_criteria:
        reader.problem(None, 'say what feeds the measure: source = "judgement" or criteria = [...]')
        return "judgement", ()
    criteria = reader.text_list("criteria")
    if not criteria and reader.table["criteria"] == []:
        reader.problem("criteria", "'criteria' must name at least one criterion")
    for criterion_id in criteria:
        if criterion_id not in criterion_ids:
            reader.problem("criteria", f"criterion '{criterion_id}' does not exist in this matrix")
    return "criteria", criteria
