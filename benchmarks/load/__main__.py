"""``python -m benchmarks.load``: the load test on SQLite and PostgreSQL, repeated, with a table
printed and the figures written as JSON. Exits 1 when any target is missed."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import shutil
import sys
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

from benchmarks.load.report import summary, table
from benchmarks.load.run import LoadSettings, run_load
from tests.services import postgres_server

BACKENDS = ("sqlite", "postgres")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--backend", choices=(*BACKENDS, "both"), default="both")
    parser.add_argument("--runs", type=int, default=3, help="runs per backend (medians reported)")
    parser.add_argument("--out", type=Path, default=Path("bench-results/load.json"))
    for setting in fields(LoadSettings):
        if setting.name != "backend":
            option = "--" + setting.name.replace("_", "-")
            parser.add_argument(option, type=type(setting.default), default=setting.default)
    return parser.parse_args()


def _keep_log(log: Path, folder: Path) -> None:
    """Keep the server log of a run that went wrong (its data is generated, never real)."""
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"load-{log.parent.name}-server.log"
    shutil.copyfile(log, kept)
    print(f"server log kept in {kept}")


def main() -> int:
    args = _arguments()
    logging.disable(logging.INFO)  # the seeding app's and the HTTP client's chatter
    chosen = BACKENDS if args.backend == "both" else (args.backend,)
    options = {f.name: getattr(args, f.name) for f in fields(LoadSettings) if f.name != "backend"}
    report = {}
    with contextlib.ExitStack() as stack:
        postgres_url = stack.enter_context(postgres_server()) if "postgres" in chosen else None
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="qa-audit-load-")))
        for backend in chosen:
            settings = LoadSettings(backend=backend, **options)
            results = []
            for run in range(1, args.runs + 1):
                result = run_load(settings, folder / f"{backend}-{run}", postgres_url)
                print(f"{backend} run {run}: {result.seconds:.1f} s, {result.errors} errors")
                if result.errors or any(result.log.values()):
                    _keep_log(folder / f"{backend}-{run}" / "server.log", args.out.parent)
                results.append(result)
            found = summary(results)
            print(table(backend, found), flush=True)
            report[backend] = {
                "summary": {
                    **found,
                    "ops": {op: asdict(f) for op, f in found["ops"].items()},
                    "saves_by_activity": {
                        a: asdict(f) for a, f in found["saves_by_activity"].items()
                    },
                },
                "runs": [result.to_dict() for result in results],
            }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(f"figures written to {args.out}")
    met = all(all(entry["summary"]["targets"].values()) for entry in report.values())
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
