"""The ``qa-audit`` command: Flask's commands (run, routes, db ...) plus the project's own."""

from flask.cli import FlaskGroup

from qa_audit.app import create_app

main = FlaskGroup(create_app=lambda: create_app(), help="Quality assurance of EHC plans.")
