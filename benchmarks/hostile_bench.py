"""Hostile files through ``qa-audit analyse``: time to the refusal and peak memory of the whole
process tree (the command, the fork server and the child that reads the file, sampled every
20 ms), medians of a few runs, beside a one-page plan analysed the same way in the same run.

Run: ``python -m benchmarks.hostile_bench``. Target: each hostile file refused
within the parse limit (30 s) plus 5 s, the tree under 600 MB at its peak.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from qa_audit.synthetic import generate_plan
from tests.hostile.hostile_files import (
    content_types_bomb_docx,
    path_segments_pdf,
    stream_bomb_pdf,
)

MIB = 1024 * 1024
ROUNDS = 3
LIMIT_SECONDS = 30 + 5
LIMIT_MB = 600
CASES = {
    "bzip2 [Content_Types].xml, 1 GiB": (
        lambda: content_types_bomb_docx(zipfile.ZIP_BZIP2, 1024 * MIB),
        "plan.docx",
    ),
    "bzip2, 1 GiB declared as 2 KB": (
        lambda: content_types_bomb_docx(zipfile.ZIP_BZIP2, 1024 * MIB, declared=2000),
        "plan.docx",
    ),
    "deflate [Content_Types].xml, 256 MiB": (
        lambda: content_types_bomb_docx(zipfile.ZIP_DEFLATED, 256 * MIB),
        "plan.docx",
    ),
    "PDF content stream, 512 MiB": (lambda: stream_bomb_pdf(512 * MIB), "plan.pdf"),
    "PDF of 4 million path segments": (lambda: path_segments_pdf(4_000_000), "plan.pdf"),
}


def tree_memory_mb(root: int) -> float:
    """Proportional set size of ``root`` and every process below it: resident memory with the
    pages that forked processes share counted once between them, not once per process."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
        pending += [int(child) for child in children]
    return total / 1024


def analyse(path: Path) -> tuple[float, float, str]:
    """Seconds, peak tree memory in MB and the first line of output of one analysis."""
    command = [sys.executable, "-m", "qa_audit", "analyse", str(path)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # noqa: S603
    peak = 0.0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_memory_mb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output = process.communicate()[0].decode(errors="replace")
    elapsed = time.perf_counter() - started
    sampler.join()
    return elapsed, peak, output.strip().splitlines()[-1][:110] if output.strip() else ""


def measure(path: Path) -> tuple[float, float, str]:
    runs = [analyse(path) for _ in range(ROUNDS)]
    return (
        statistics.median(run[0] for run in runs),
        statistics.median(run[1] for run in runs),
        runs[-1][2],
    )


def main() -> None:
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        plan = generate_plan(1, "headed", "docx")
        normal = Path(folder, plan.filename)
        normal.write_bytes(plan.data)
        base_seconds, base_mb, _ = measure(normal)
        print(f"{'one-page plan (baseline)':<40} {base_seconds:6.2f} s {base_mb:7.0f} MB")
        for name, (make, filename) in CASES.items():
            path = Path(folder, filename)
            path.write_bytes(make())
            seconds, peak, said = measure(path)
            good = seconds < LIMIT_SECONDS and peak < LIMIT_MB
            ok &= good
            print(
                f"{name:<40} {seconds:6.2f} s ({seconds / base_seconds:4.1f}x) "
                f"{peak:7.0f} MB ({peak / base_mb:4.1f}x) {'OK' if good else 'OVER TARGET'}"
            )
            print(f"    {said}")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
