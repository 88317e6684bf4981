"""Matrix -> plain data in the same layout as a matrix TOML file, every default written out.

This is the form stored in the database (as JSON) and the input of the content hash, so it must
stay deterministic: the same content always gives the same dictionary.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from qa_audit.matrix.model import Criterion, Grade, Matrix, Measure


def matrix_to_json(matrix: Matrix) -> str:
    """The stored form of ``matrix``, read back by :func:`qa_audit.matrix.matrix_from_json`."""
    return json.dumps(matrix_to_dict(matrix), sort_keys=True, ensure_ascii=False, indent=1)


def matrix_hash(matrix: Matrix) -> str:
    """sha256 of the canonical JSON: comments and layout of the file do not change it."""
    canonical = json.dumps(
        matrix_to_dict(matrix), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def matrix_to_dict(matrix: Matrix) -> dict[str, Any]:
    """The canonical plain-data form: the TOML layout with every default written out."""
    judgement: dict[str, Any] = {"mode": matrix.judgement.mode}
    if matrix.judgement.threshold is not None:
        judgement["threshold"] = matrix.judgement.threshold
    if matrix.judgement.mode == "auditor":
        judgement["ceiling"] = matrix.judgement.ceiling
        judgement["caps"] = [
            {
                "criteria": c.criteria,
                "at_or_below": c.at_or_below,
                "overall_at_most": c.overall_at_most,
            }
            for c in matrix.judgement.caps
        ]
    data = _without_blank_description(
        {
            "id": matrix.id,
            "title": matrix.title,
            "description": matrix.description,
            "scale": {"grades": [_grade(g) for g in matrix.scale.grades]},
            "judgement": judgement,
            "domains": [
                _without_blank_description(
                    {"id": d.id, "title": d.title, "description": d.description}
                )
                for d in matrix.domains
            ],
            "criteria": [_criterion(c, matrix.kind) for c in matrix.criteria],
            "measures": [_measure(m, matrix.kind) for m in matrix.measures],
        }
    )
    if matrix.kind != "plan":  # plan matrices stored before kinds existed keep their hash
        data["kind"] = matrix.kind
    return data


def _grade(grade: Grade) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": grade.id,
        "label": grade.label,
        "meets_threshold": grade.meets_threshold,
    }
    if grade.points is not None:
        data["points"] = grade.points
    return data


def _criterion(criterion: Criterion, kind: str) -> dict[str, Any]:
    data = {
        "id": criterion.id,
        "title": criterion.title,
        "domain": criterion.domain,
        "sections": list(criterion.sections),
        "guidance": criterion.guidance,
        "descriptors": dict(criterion.descriptors),
        "key": criterion.key,
        "weight": criterion.weight,
        "flags": list(criterion.flags),
        "allow_not_applicable": criterion.allow_not_applicable,
    }
    if kind == "advice":  # advice is not a plan: it has no sections
        del data["sections"]
    return data


def _measure(measure: Measure, kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": measure.id,
        "title": measure.title,
        "description": measure.description,
        "target": measure.target,
        "green_from": measure.green_from,
        "amber_from": measure.amber_from,
    }
    if kind != "advice":  # advice measures count every piece of advice, not kinds of plan
        data["applies_to"] = list(measure.applies_to)
    if measure.source == "judgement":
        data["source"] = "judgement"
    else:
        data["criteria"] = list(measure.criteria)
    return _without_blank_description(data)


def _without_blank_description(data: dict[str, Any]) -> dict[str, Any]:
    """Descriptions are optional; a missing one is left out rather than stored as ""."""
    if not data["description"]:
        del data["description"]
    return data
