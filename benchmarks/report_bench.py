"""Speed of the termly report for a term of 500 audits.

Run: ``python -m benchmarks.report_bench [--plans 500] [--runs 3]``

Builds a temporary SQLite database with one term of submitted audits (with scores, analyses and
a few double-marked plans), then reports the median seconds to compute every figure
(``build_report``) and to render the PDF from them, against a baseline measured in the same run:
WeasyPrint rendering a trivial one-page PDF.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from flask_migrate import upgrade
from weasyprint import HTML

from benchmarks.timing import seconds
from qa_audit.app import create_app
from qa_audit.reports import build_report
from qa_audit.reports.outputs import report_file
from tests.factories import Factory
from tests.reports.demo_term import build_demo_term
from tests.reports.factories import ReportWorld

TODAY = date(2026, 1, 10)


def _median(action: Callable[[], object], runs: int) -> float:
    return statistics.median(seconds(action) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.INFO)
    folder = Path(tempfile.mkdtemp(prefix="report-bench-"))
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "SECRET_KEY": "b"}
    )
    with app.app_context():
        upgrade()
        make = Factory()
        started = time.perf_counter()
        build_demo_term(ReportWorld(make.user("auditor"), make.user("auditor")), args.plans)
        print(f"built {args.plans} audited plans in {time.perf_counter() - started:.1f} s")
        with app.test_request_context():
            baseline = _median(lambda: HTML(string="<p>One page.</p>").write_pdf(), args.runs)
            figures = _median(lambda: build_report("autumn-2025", today=TODAY), args.runs)
            report = build_report("autumn-2025", today=TODAY)
            pdf = _median(lambda: report_file(report, "pdf"), args.runs)
    total = figures + pdf
    print(f"baseline one-page PDF: {baseline:.3f} s (median of {args.runs})")
    print(f"figures (build_report): {figures:.3f} s ({figures / baseline:.1f}x baseline)")
    print(f"PDF from figures:       {pdf:.3f} s ({pdf / baseline:.1f}x baseline)")
    print(f"figures + PDF:          {total:.3f} s (budget 5 s: {'OK' if total < 5 else 'OVER'})")


if __name__ == "__main__":
    main()
