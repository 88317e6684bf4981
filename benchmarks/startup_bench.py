"""Median time to start the app in a fresh interpreter, against importing its frameworks alone.

Run: ``python -m benchmarks.startup_bench``. Every gunicorn worker and every
``qa-audit`` command pays this. spaCy, statsmodels and WeasyPrint are imported when first needed,
not at start-up (``tests/test_startup.py`` keeps it so). Target: under 1 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from functools import partial

from benchmarks.timing import seconds

ROUNDS = 7
APP = "from qa_audit.app import create_app; create_app()"
FRAMEWORKS = "import flask, flask_sqlalchemy, flask_migrate, flask_wtf, flask_login, flask_limiter"
TARGET = 1.0


def median_start(code: str, env: dict[str, str]) -> float:
    command = [sys.executable, "-c", code]
    run = partial(subprocess.run, command, check=True, env=env)
    return statistics.median(seconds(run) for _ in range(ROUNDS))


def main() -> None:
    env = {**os.environ, "SECRET_KEY": "startup-benchmark", "DATABASE_URL": "sqlite://"}
    app = median_start(APP, env)
    frameworks = median_start(FRAMEWORKS, env)
    verdict = "OK" if app < TARGET else "OVER TARGET"
    print(
        f"create_app {app * 1000:6.0f} ms | frameworks alone {frameworks * 1000:6.0f} ms | "
        f"ratio {app / frameworks:4.1f}x | target < {TARGET * 1000:.0f} ms: {verdict}"
    )


if __name__ == "__main__":
    main()
