"""How far to trust the pre-flags: precision of each machine hint against auditors' judgements.

For each audit in the term's samples, the pre-flags raised on the audited document version (by
its analysis and by the stored trace of the plan's advice into it) are matched to the matrix
criteria that show them as hints, exactly as the scoring page shows them. Each time a code was
raised as a hint for a criterion, the auditor either confirmed it (the code is in that
criterion's confirmed flags) or not. Precision = confirmed / raised, with
n = times raised. Flags the machine missed cannot be counted this way (the auditor is not
asked about them), so recall is not reported. The same shares are given for all hints on the
audits whose auditor found the plan meeting the quality threshold, and on those below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from qa_audit.audits.preflags import preflags_by_criterion
from qa_audit.reports.records import AuditRecord, VersionInfo
from qa_audit.reports.shares import Share


@dataclass(frozen=True)
class Calibration:
    """Confirmed share of each pre-flag, least trustworthy first, and of all hints on the plans
    the auditor found meeting the quality threshold and on those below it: hints that auditors
    confirm on good plans are slips worth putting right; hints they reject there are noise.
    The same split per pre-flag shows whether a hint is raised on good plans at all."""

    by_flag: list[tuple[str, Share]]
    on_plans_meeting: Share
    on_plans_below: Share
    # Per code, on plans meeting the threshold (True) and below it (False): confirmed / shown.
    by_flag_verdict: dict[str, dict[bool, Share]] = field(default_factory=dict)
    # Audits with hints read, by verdict: how many plans a hint could have been shown on.
    audits: dict[bool, int] = field(default_factory=dict)

    def on(self, code: str, meets: bool) -> Share:
        return self.by_flag_verdict.get(code, {}).get(meets, Share(0, 0))


def calibration(
    audits: Iterable[AuditRecord],
    versions: Mapping[int, VersionInfo],
    analysis_of: Callable[[AuditRecord], Mapping | None],
    traced_of: Callable[[AuditRecord], Mapping | None] = lambda audit: None,
) -> Calibration:
    """``analysis_of`` and ``traced_of`` give the analysis result and the stored advice trace
    of the audited version, read in bulk beforehand."""
    raised: Counter[str] = Counter()
    confirmed: Counter[str] = Counter()
    by_verdict = {True: [0, 0], False: [0, 0]}  # meets threshold -> [confirmed, raised]
    per_code: dict[tuple[str, bool], list[int]] = {}  # (code, meets) -> [confirmed, raised]
    audits_read: Counter[bool] = Counter()
    for audit in audits:
        result, traced = analysis_of(audit), traced_of(audit)
        version = versions.get(audit.matrix_version_id or -1)
        if (result is None and traced is None) or version is None:
            continue
        hints = preflags_by_criterion(version.matrix, result, traced)
        if audit.meets_threshold is not None:
            audits_read[audit.meets_threshold] += 1
        for criterion_id, flags in hints.items():
            for code in {flag.code for flag in flags}:
                agreed = code in audit.confirmed_flags.get(criterion_id, ())
                raised[code] += 1
                confirmed[code] += agreed
                if audit.meets_threshold is not None:
                    by_verdict[audit.meets_threshold][0] += agreed
                    by_verdict[audit.meets_threshold][1] += 1
                    counts = per_code.setdefault((code, audit.meets_threshold), [0, 0])
                    counts[0] += agreed
                    counts[1] += 1
    rows = [(code, Share(met=confirmed[code], n=n)) for code, n in raised.items()]
    return Calibration(
        sorted(rows, key=lambda row: (row[1].value or 0, row[0])),
        Share(*by_verdict[True]),
        Share(*by_verdict[False]),
        {
            code: {meets: Share(*per_code.get((code, meets), (0, 0))) for meets in (True, False)}
            for code in raised
        },
        {meets: audits_read[meets] for meets in (True, False)},
    )
