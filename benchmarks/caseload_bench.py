"""Import of a 50,000-row case-management extract, against reading the same CSV alone.

Run: ``python -m benchmarks.caseload_bench [--rows 50000] [--runs 3]``. Target: under 30 s.
Each run imports into an empty SQLite database (a first import: every row is new).
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from flask_migrate import upgrade

from qa_audit.app import create_app
from qa_audit.extensions import db
from qa_audit.timeliness.extract import COLUMNS, read_extract
from qa_audit.timeliness.importing import store_extract

START = date(2023, 9, 1)


def extract_csv(rows: int) -> bytes:
    """A fictional extract: new plans, annual reviews and phase transfers, some late."""
    rng = random.Random(50_000)  # noqa: S311 (reproducible test data)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[:12])
    writer.writeheader()
    for number in range(rows):
        day = START + timedelta(days=rng.randrange(900))
        row = {"reference": f"EHC-{number // 2:06d}"}
        if number % 2 == 0:
            row |= {
                "request_date": day.isoformat(),
                "issue_date": (day + timedelta(days=rng.randint(90, 200))).strftime("%d/%m/%Y"),
                "exceptions": "yes" if rng.random() < 0.05 else "no",
            }
        else:
            meeting = day + timedelta(days=rng.randint(300, 400))
            row |= {
                "previous_review_date": day.isoformat(),
                "review_meeting_date": meeting.isoformat(),
                "review_decision_date": (meeting + timedelta(days=rng.randint(5, 40))).isoformat(),
                "review_decision": rng.choice(("maintain", "amend", "cease")),
                "phase_transfer": "no",
            }
        writer.writerow(row)
    return out.getvalue().encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.INFO)
    data = extract_csv(args.rows)
    baseline, imports = [], []
    for run in range(args.runs):
        started = time.perf_counter()
        sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        baseline.append(time.perf_counter() - started)
        folder = Path(tempfile.mkdtemp(prefix="caseload-bench-"))
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / f'run{run}.sqlite3'}"}
            | {"SECRET_KEY": "b"}
        )
        with app.app_context():
            upgrade()
            started = time.perf_counter()
            store_extract(read_extract(data, "extract.csv", {}))
            db.session.commit()
            imports.append(time.perf_counter() - started)
    base, ours = statistics.median(baseline), statistics.median(imports)
    print(f"{args.rows:,} rows, {len(data) / 1e6:.1f} MB; median of {args.runs} runs")
    print(f"reading the CSV alone (baseline): {base:.3f} s")
    verdict = "OK" if ours < 30 else "OVER TARGET"
    print(f"check and import: {ours:.2f} s ({ours / base:.0f}x baseline; target < 30 s: {verdict})")
    raise SystemExit(0 if ours < 30 else 1)


if __name__ == "__main__":
    main()
