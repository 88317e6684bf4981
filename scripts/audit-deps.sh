#!/usr/bin/env bash
# Audits the installed Python packages for known vulnerabilities with pip-audit, which reads
# PyPI's vulnerability data for each installed version. Audits .venv, or $PYTHON's environment.
#   exit 0  no known vulnerability in any installed package
#   exit 1  a known vulnerability, or a package that could not be audited (both are listed)
#   exit 2  PyPI's vulnerability data could not be read: nothing was checked
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"

# --strict fails on any package whose data cannot be fetched; probe one first so that a service
# out of reach is told apart from a finding, in one plain line.
if ! problem=$("$python" - 2>&1 <<'EOF'
import importlib.metadata
import urllib.request

version = importlib.metadata.version("pip")
try:
    urllib.request.urlopen(f"https://pypi.org/pypi/pip/{version}/json", timeout=20).close()
except OSError as error:
    raise SystemExit(str(error)) from None
EOF
); then
  echo "Dependency audit NOT done: PyPI's vulnerability data could not be read" \
    "(https://pypi.org/pypi/NAME/VERSION/json: ${problem})." >&2
  exit 2
fi
exec "$python" -m pip_audit --strict --skip-editable --progress-spinner off
