"""Starting the app must not import the slow libraries: each web worker and CLI command pays it.

spaCy, statsmodels (with scipy and pandas), WeasyPrint and openpyxl (with numpy) together took 3 to
9 s to import; they are imported when an analysis, a kappa or interval, a PDF or a spreadsheet first
needs them (``benchmarks/startup_bench.py`` measures the start-up time).
"""

import json
import subprocess
import sys

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
