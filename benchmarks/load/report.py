"""Figures over repeated runs (medians, so one noisy run does not decide), the targets, and the
printed table."""

from __future__ import annotations

import math
import statistics

from benchmarks.load.run import BASELINE_OP, PROBE_OP, SAVE_OPS, USER_STOPPED_OP, LoadResult
from benchmarks.load.stats import OpFigures

SAVE_P95_TARGET_MS = 300.0
OP_ORDER = (
    BASELINE_OP,
    PROBE_OP,
    "sign-in page",
    "sign in",
    "dashboard",
    "scoring page",
    "autosave",
    "save button",
    "submit",
    "batch page",
    "batch upload",
    "analysis progress",
    USER_STOPPED_OP,
)


def combine(figures: list[OpFigures]) -> OpFigures:
    """Requests and errors added up over runs; p50 and p95 the median of the runs'; the max
    the largest of any run."""
    return OpFigures(
        requests=sum(f.requests for f in figures),
        errors=sum(f.errors for f in figures),
        p50_ms=statistics.median(f.p50_ms for f in figures),
        p95_ms=statistics.median(f.p95_ms for f in figures),
        max_ms=max(f.max_ms for f in figures),
    )


def _combined(per_run: list[dict[str, OpFigures]]) -> dict[str, OpFigures]:
    names = {name for figures in per_run for name in figures}
    return {name: combine([f[name] for f in per_run if name in f]) for name in names}


def summary(results: list[LoadResult]) -> dict:
    """One backend's runs: combined figures, saves by background activity and the targets."""
    ops = _combined([r.figures for r in results])
    activity = _combined([r.saves_by_activity() for r in results])
    locked = sum(r.log["database is locked"] for r in results)
    errors = sum(r.errors for r in results)
    auditors = results[0].settings.auditors
    submitted = [r.stored["audits submitted"] for r in results]
    slowest = max(ops[op].p95_ms for op in SAVE_OPS if op in ops)
    return {
        "runs": len(results),
        "ops": ops,
        "saves_by_activity": activity,
        "targets": {
            "zero errors": errors == 0,
            "no 'database is locked'": locked == 0,
            f"form saves p95 under {SAVE_P95_TARGET_MS:.0f} ms": slowest < SAVE_P95_TARGET_MS,
            "every audit submitted": all(count == auditors for count in submitted),
        },
        "errors": errors,
        "resent_after_idle_close": sum(r.resent for r in results),
        "database_locked": locked,
        "form_save_p95_ms": slowest,
        "audits_submitted": submitted,
        "cpu_seconds": {
            part: statistics.median(r.cpu[part] for r in results) for part in results[0].cpu
        },
        "server_cpu_ms_per_request": statistics.median(
            r.server_cpu_ms_per_request for r in results
        ),
        "server_log": {problem: sum(r.log[problem] for r in results) for problem in results[0].log},
    }


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:,.0f}"


def _ratio(value: float, baseline: float) -> str:
    return "-" if math.isnan(value) or not baseline else f"{value / baseline:,.1f}x"


def table(backend: str, found: dict) -> str:
    ops: dict[str, OpFigures] = found["ops"]
    base = ops[BASELINE_OP]
    header = f"{'operation':<28}{'requests':>9}{'errors':>7}{'p50 ms':>8}{'p95 ms':>8}"
    header += f"{'max ms':>8}{'p50/base':>10}{'p95/base':>10}"
    lines = [f"{backend}: {found['runs']} run(s); p50/p95 medians of the runs", header]
    for op in sorted(ops, key=lambda name: OP_ORDER.index(name)):
        f = ops[op]
        lines.append(
            f"{op:<28}{f.requests:>9}{f.errors:>7}{_ms(f.p50_ms):>8}{_ms(f.p95_ms):>8}"
            f"{_ms(f.max_ms):>8}{_ratio(f.p50_ms, base.p50_ms):>10}"
            f"{_ratio(f.p95_ms, base.p95_ms):>10}"
        )
    lines.append("form saves (autosave and Save button) by what else was running:")
    for activity, f in sorted(found["saves_by_activity"].items()):
        lines.append(f"  {activity:<26}{f.requests:>9}{'':>7}{_ms(f.p50_ms):>8}{_ms(f.p95_ms):>8}")
    cpu = ", ".join(f"{part} {seconds:g}" for part, seconds in found["cpu_seconds"].items())
    lines.append(f"CPU seconds while the users ran (medians): {cpu}")
    lines.append(
        f"server CPU per request, analysis included: {found['server_cpu_ms_per_request']:.1f} ms"
    )
    log = ", ".join(f'"{problem}": {count}' for problem, count in found["server_log"].items())
    lines.append(f"server log lines: {log}")
    lines.append(f"audits submitted per run: {found['audits_submitted']}")
    lines.append(
        "requests sent again, as a browser does, after the server closed an idle kept-alive "
        f"connection: {found['resent_after_idle_close']}"
    )
    for target, met in found["targets"].items():
        lines.append(f"target {target}: {'met' if met else 'MISSED'}")
    return "\n".join(lines)
