"""Read and check the domains and criteria of a matrix."""

from __future__ import annotations

from qa_audit.matrix.codes import ADVICE_FLAG_CODES, FLAG_CODES, PLAN_SECTIONS
from qa_audit.matrix.fields import TableReader
from qa_audit.matrix.model import Criterion, Domain, Judgement, MatrixKind, Scale

_CRITERION_FIELDS = {
    "id",
    "title",
    "domain",
    "sections",
    "guidance",
    "descriptors",
    "key",
    "weight",
    "flags",
    "allow_not_applicable",
}


def read_domains(
    root: TableReader, scale: Scale, judgement: Judgement, kind: MatrixKind = "plan"
) -> tuple[Domain, ...]:
    """Domains in file order, each holding its criteria in file order."""
    headers: list[tuple[str, str, str]] = []
    for index in range(len(root.tables("domains"))):
        reader = root.item("domains", index, "domain")
        reader.reject_unknown({"id", "title", "description"})
        domain_id = reader.slug()
        if domain_id and domain_id in {h[0] for h in headers}:
            reader.problem("id", f"domain id '{domain_id}' is used twice")
        headers.append(
            (domain_id, reader.text("title"), reader.text("description", required=False))
        )
    criteria = _read_criteria(root, scale, {h[0] for h in headers}, kind)
    if judgement.mode == "key_criteria" and criteria and not any(c.key for c in criteria):
        root.problem(
            "judgement",
            'mode "key_criteria" needs at least one criterion with key = true',
        )
    return tuple(
        Domain(
            id=d_id,
            title=title,
            description=description,
            criteria=tuple(c for c in criteria if c.domain == d_id),
        )
        for d_id, title, description in headers
    )


def _read_criteria(
    root: TableReader, scale: Scale, domain_ids: set[str], kind: MatrixKind
) -> list[Criterion]:
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for index in range(len(root.tables("criteria"))):
        reader = root.item("criteria", index, "criterion")
        reader.reject_unknown(_CRITERION_FIELDS)
        criterion = _read_criterion(reader, scale, kind)
        if criterion.id and criterion.id in seen:
            reader.problem("id", f"criterion id '{criterion.id}' is used twice")
        seen.add(criterion.id)
        if criterion.domain and criterion.domain not in domain_ids:
            reader.problem("domain", f"domain '{criterion.domain}' is not one of the [[domains]]")
        criteria.append(criterion)
    return criteria


def _read_criterion(reader: TableReader, scale: Scale, kind: MatrixKind) -> Criterion:
    weight = reader.number("weight", required=False)
    if weight is not None and weight <= 0:
        reader.problem("weight", f"'weight' must be more than 0 (found {weight:g})")
    return Criterion(
        id=reader.slug(),
        title=reader.text("title"),
        domain=reader.text("domain"),
        sections=_read_sections(reader, kind),
        guidance=reader.text("guidance"),
        descriptors=_read_descriptors(reader, scale),
        key=reader.boolean("key"),
        weight=weight if weight is not None and weight > 0 else 1.0,
        flags=reader.text_list(
            "flags", allowed=ADVICE_FLAG_CODES if kind == "advice" else FLAG_CODES
        ),
        allow_not_applicable=reader.boolean("allow_not_applicable"),
    )


def _read_sections(reader: TableReader, kind: MatrixKind) -> tuple[str, ...]:
    """The plan sections a criterion concerns; an advice matrix scores no plan, so has none."""
    if kind == "advice":
        if "sections" in reader.table:
            reader.problem(
                "sections",
                "'sections' names parts of a plan, but this matrix scores professional advice: "
                "remove it",
            )
        return ()
    sections = reader.text_list("sections", allowed=PLAN_SECTIONS)
    if not sections and "sections" in reader.table:
        reader.problem("sections", "'sections' must name at least one plan section")
    elif "sections" not in reader.table:
        reader.problem(None, '\'sections\' is missing (plan sections it concerns, e.g. ["E", "F"])')
    return sections


def _read_descriptors(reader: TableReader, scale: Scale) -> tuple[tuple[str, str], ...]:
    table = reader.sub_table("descriptors")
    sub = TableReader(table, (*reader.path, "descriptors"), reader.where, reader.problems)
    grade_ids = [grade.id for grade in scale.grades]
    for key in table:
        if key not in grade_ids:
            sub.problem(
                key, f"descriptor '{key}' is not a grade on the scale ({', '.join(grade_ids)})"
            )
    descriptors: list[tuple[str, str]] = []
    for grade in scale.grades if table else ():
        value = table.get(grade.id)
        if not isinstance(value, str) or not value.strip():
            where = (*reader.path, "descriptors", grade.id) if grade.id in table else sub.path
            reader.problems.add(where, reader.where, f"grade '{grade.label}' has no descriptor")
            continue
        descriptors.append((grade.id, value.strip()))
    return tuple(descriptors)
