"""Which professionals' advice is reflected least, by discipline (advice listed in section K).

Two views side by side, over the plans in the headline sample:

* machine: of the advice items the pre-flags found in K for a discipline, how many were found
  reflected in the needs and provision;
* auditors: of the plans with advice from that discipline, how many the auditor graded at or
  above the threshold on the advice criteria (criteria carrying the ``advice_not_reflected``
  pre-flag).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qa_audit.reports.criteria import is_below
from qa_audit.reports.records import PlanResult, VersionInfo
from qa_audit.reports.shares import Share

ADVICE_FLAG = "advice_not_reflected"


@dataclass(frozen=True)
class AdviceRow:
    discipline: str
    items: Share  # advice items found reflected by the pre-flags
    auditor: Share  # plans graded at or above the threshold on the advice criteria


def advice_ok(result: PlanResult, versions: Mapping[int, VersionInfo]) -> bool | None:
    """Whether the auditor judged the plan's advice criteria at or above the threshold."""
    matrix = versions[result.version_id].matrix
    verdicts = [
        is_below(matrix, result.grades.get(c.id)) for c in matrix.criteria if ADVICE_FLAG in c.flags
    ]
    known = [v for v in verdicts if v is not None]
    return None if not known else not any(known)


def advice_by_discipline(
    results: Sequence[PlanResult],
    analyses: Mapping[int, Mapping],
    versions: Mapping[int, VersionInfo],
) -> list[AdviceRow]:
    """``analyses`` maps plan id to its analysis result; plans without one are left out."""
    reflected: dict[str, list[bool]] = defaultdict(list)
    judged: dict[str, list[bool]] = defaultdict(list)
    for result in results:
        analysis = analyses.get(result.plan.id)
        if not analysis:
            continue
        disciplines = set()
        for item in analysis.get("advice") or []:
            name = item.get("discipline") or item.get("source") or "Not recognised"
            reflected[name].append(bool(item.get("reflected")))
            disciplines.add(name)
        verdict = advice_ok(result, versions)
        for name in disciplines:
            if verdict is not None:
                judged[name].append(verdict)
    rows = [
        AdviceRow(
            discipline=name,
            items=Share(met=sum(flags), n=len(flags)),
            auditor=Share(met=sum(judged[name]), n=len(judged[name])),
        )
        for name, flags in reflected.items()
    ]
    rows.sort(key=lambda row: (row.items.value or 0, row.discipline))
    return rows
