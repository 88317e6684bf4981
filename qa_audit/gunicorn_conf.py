"""Settings every gunicorn serving the app starts with (``--config python:qa_audit.gunicorn_conf``).

Each worker is replaced after about ``max_requests`` requests (the jitter spreads the replacements
so that the workers are not all replaced at once): memory that a long-running process keeps from
drawing reports, analysing plans or fragmenting its heap goes back to the system. Documents
themselves are read in short-lived child processes (``qa_audit.documents.isolation``). Options
given on the command line override these values.
"""

max_requests = 1000
max_requests_jitter = 100


def on_starting(server) -> None:
    """Check the settings once, before any worker starts: a mistake is one plain line in the log
    and the server stops, instead of a traceback from every worker that tries to boot."""
    from qa_audit.app import create_app
    from qa_audit.errors import QaAuditError

    try:
        create_app()
    except QaAuditError as err:
        server.log.error("The service cannot start: %s", err)
        raise SystemExit(1) from None
