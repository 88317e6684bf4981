"""Starting the app must not import the slow libraries: each web worker and CLI command pays it.

spaCy, statsmodels (with scipy and pandas), WeasyPrint and openpyxl (with numpy) together took 3 to
9 s to import; they are imported when an analysis, a kappa or interval, a PDF or a spreadsheet first
needs them (``benchmarks/startup_bench.py`` measures the start-up time).
"""

import json
import subprocess
import sys
from pathlib import Path

from tests.app_processes import process_environment

SLOW = ("spacy", "statsmodels", "scipy", "pandas", "weasyprint", "openpyxl", "numpy")
PROBE = (
    "import json, sys; from qa_audit.app import create_app; create_app(); "
    f"print(json.dumps([name for name in {SLOW!r} if name in sys.modules]))"
)


def test_creating_the_app_imports_no_slow_library(tmp_path):
    env = process_environment(SECRET_KEY="startup-test", DATABASE_URL="sqlite://")
    run = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.splitlines()[-1]) == []


GUNICORN_ARGS = ("--config", "python:qa_audit.gunicorn_conf", "--bind", "127.0.0.1:0")
GUNICORN_ARGS += ("qa_audit:create_app()",)


def test_gunicorn_refuses_a_mistaken_setting_in_one_plain_line(tmp_path):
    """A misspelt role or a number that is not one stops the server before any worker boots,
    with one sentence in the log and no traceback."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    for name, value, sentence in (
        ("MFA_REQUIRED_ROLES", "admin,qa_leed", "MFA_REQUIRED_ROLES names no such role: qa_leed"),
        ("SESSION_IDLE_MINUTES", "half an hour", "SESSION_IDLE_MINUTES must be a whole number"),
    ):
        env = process_environment(SECRET_KEY="startup-test", DATABASE_URL="sqlite://")
        env[name] = value
        run = subprocess.run(
            [str(gunicorn), *GUNICORN_ARGS],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 1
        assert f"The service cannot start: {sentence}" in run.stderr
        assert "Traceback" not in run.stderr
