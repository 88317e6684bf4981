#!/usr/bin/env bash
# Sets up and runs the whole test suite (SQLite and PostgreSQL, headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
.venv/bin/ruff check qa_audit tests benchmarks
.venv/bin/ruff format --check qa_audit tests benchmarks
exec .venv/bin/python -m pytest "$@"
