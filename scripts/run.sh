#!/usr/bin/env bash
# Sets up, migrates the embedded SQLite database, loads demo data once and serves
# the app on http://127.0.0.1:5000.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh run
# Served over plain HTTP on this machine only, so the session cookie cannot be Secure-only.
export SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-0}"
# The demo's administrator and QA lead sign in with the printed password alone; a real
# installation keeps the default (administrators and QA leads must use two-factor sign-in).
export MFA_REQUIRED_ROLES="${MFA_REQUIRED_ROLES-}"
.venv/bin/qa-audit db upgrade
.venv/bin/qa-audit demo
.venv/bin/qa-audit analyse-pending  # resumes analyses that a restart interrupted
# Files a stopped server stored without recording them; no server is running yet, so none is
# an upload still in progress.
.venv/bin/qa-audit remove-orphan-files --older-than-minutes 0
echo "Serving on http://127.0.0.1:5000 (Ctrl+C to stop)"
# Threaded workers: a save is not kept waiting behind an upload or a page being drawn
# (see the load test in the README).
exec .venv/bin/gunicorn --config python:qa_audit.gunicorn_conf --workers "${WORKERS:-2}" --worker-class gthread --threads "${THREADS:-4}" \
  --bind 127.0.0.1:5000 \
  --access-logfile - "qa_audit:create_app()"
