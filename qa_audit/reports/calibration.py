"""How far to trust the pre-flags: precision of each machine hint against auditors' judgements.

For each audit in the term's samples, the pre-flags raised on the audited document version are
matched to the matrix criteria that show them as hints, exactly as the scoring page shows them.
Each time a code was raised as a hint for a criterion, the auditor either confirmed it (the
code is in that criterion's confirmed flags) or not. Precision = confirmed / raised, with
n = times raised. Flags the machine missed cannot be counted this way (the auditor is not
asked about them), so recall is not reported. The same shares are given for all hints on the
audits whose auditor found the plan meeting the quality threshold, and on those below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from qa_audit.audits.preflags import preflags_by_criterion
from qa_audit.reports.records import AuditRecord, VersionInfo
from qa_audit.reports.shares import Share


@dataclass(frozen=True)
class Calibration:
    """Confirmed share of each pre-flag, least trustworthy first, and of all hints on the plans
    the auditor found meeting the quality threshold and on those below it: hints that auditors
    confirm on good plans are slips worth putting right; hints they reject there are noise."""

    by_flag: list[tuple[str, Share]]
    on_plans_meeting: Share
    on_plans_below: Share


def calibration(
    audits: Iterable[AuditRecord],
    versions: Mapping[int, VersionInfo],
    analysis_of: Callable[[AuditRecord], Mapping | None],
) -> Calibration:
    raised: Counter[str] = Counter()
    confirmed: Counter[str] = Counter()
    by_verdict = {True: [0, 0], False: [0, 0]}  # meets threshold -> [confirmed, raised]
    for audit in audits:
        result = analysis_of(audit)
        version = versions.get(audit.matrix_version_id or -1)
        if result is None or version is None:
            continue
        for criterion_id, flags in preflags_by_criterion(version.matrix, result).items():
            for code in {flag.code for flag in flags}:
                agreed = code in audit.confirmed_flags.get(criterion_id, ())
                raised[code] += 1
                confirmed[code] += agreed
                if audit.meets_threshold is not None:
                    by_verdict[audit.meets_threshold][0] += agreed
                    by_verdict[audit.meets_threshold][1] += 1
    rows = [(code, Share(met=confirmed[code], n=n)) for code, n in raised.items()]
    return Calibration(
        sorted(rows, key=lambda row: (row[1].value or 0, row[0])),
        Share(*by_verdict[True]),
        Share(*by_verdict[False]),
    )
