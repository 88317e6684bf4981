"""How far to trust the pre-flags: precision of each machine hint against auditors' judgements.

For each audit in the term's samples, the pre-flags raised on the audited document version are
matched to the matrix criteria that show them as hints, exactly as the scoring page shows them.
Each time a code was raised as a hint for a criterion, the auditor either confirmed it (the
code is in that criterion's confirmed flags) or not. Precision = confirmed / raised, with
n = times raised. Flags the machine missed cannot be counted this way (the auditor is not
asked about them), so recall is not reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from qa_audit.audits.preflags import preflags_by_criterion
from qa_audit.reports.records import AuditRecord, VersionInfo
from qa_audit.reports.shares import Share


def calibration(
    audits: Iterable[AuditRecord],
    versions: Mapping[int, VersionInfo],
    analysis_of: Callable[[AuditRecord], Mapping | None],
) -> list[tuple[str, Share]]:
    """(code, confirmed share of times raised), least trustworthy first."""
    raised: Counter[str] = Counter()
    confirmed: Counter[str] = Counter()
    for audit in audits:
        result = analysis_of(audit)
        version = versions.get(audit.matrix_version_id or -1)
        if result is None or version is None:
            continue
        for criterion_id, flags in preflags_by_criterion(version.matrix, result).items():
            for code in {flag.code for flag in flags}:
                raised[code] += 1
                confirmed[code] += code in audit.confirmed_flags.get(criterion_id, ())
    rows = [(code, Share(met=confirmed[code], n=n)) for code, n in raised.items()]
    return sorted(rows, key=lambda row: (row[1].value or 0, row[0]))
