"""Error pages in the service's layout; a 500 rolls back and logs an id, never a traceback; a
database that cannot be reached gives a 503 that says so; a save that lost a race with another
one gives a 409 that says so."""

import uuid

from flask import Flask, current_app, make_response, render_template, request
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from qa_audit.access_recorder import record_refusal
from qa_audit.errors import NotAllowed, NotFound, NotVisible, QaAuditError
from qa_audit.extensions import db
from qa_audit.web.family_pages import for_families
from qa_audit.web.json_views import answers_json, json_error

MESSAGES = {
    400: (
        "Sorry, there is a problem with your request",
        "The form may have expired. Go back, "
        "reload the page and try again; anything you saved is still there.",
    ),
    403: (
        "You do not have access to this page",
        "Your role does not include this page. "
        "Ask your QA lead or an administrator if you think it should.",
    ),
    404: ("Page not found", "Check the address, or go back to your dashboard."),
    405: ("Sorry, there is a problem with your request", "This page cannot be used that way."),
    413: (
        "The file is too large",
        "The upload is larger than this service accepts. Split a "
        "batch into smaller batches, or check the file is a plan document.",
    ),
    429: ("Too many attempts", "Wait a minute, then try again."),
}


FAMILY_BODIES = {
    404: "Check the address in the letter or message you were sent.",
    500: (
        "Nothing you sent before this page has been lost. Try again later; if it keeps "
        "happening, tell the person who sent you the link."
    ),
}
"""Messages that would send a family to a staff dashboard, said for a family instead."""


def _render(status: int, title: str, body: str, reference: str | None = None):
    family = for_families(current_app.view_functions.get(request.endpoint or ""))
    return (
        render_template(
            "errors/error.html",
            title=title,
            body=FAMILY_BODIES.get(status, body) if family else body,
            reference=reference,
            family=family,
        ),
        status,
    )


def handle_http_error(error: HTTPException):
    if error.code == 429:  # a client reached a rate limit: repeated sign-in attempts, say
        record_refusal("rate_limited")
    title, body = MESSAGES.get(error.code or 500, ("Sorry, there is a problem", ""))
    return _render(error.code or 500, title, body)


def handle_domain_error(error: QaAuditError):
    db.session.rollback()
    return _render(400, "Sorry, there is a problem", str(error))


def handle_refusal(error: NotAllowed):
    """A visibility or permission rule said no: the refusal is logged, and the answer is "not
    found" where "forbidden" would tell the person the object exists."""
    record_refusal("refused")
    status = 404 if isinstance(error, NotVisible) else 403
    return _render(status, *MESSAGES[status])


def handle_not_found(error: NotFound):
    return _render(404, *MESSAGES[404])


def handle_unexpected(error: Exception):
    db.session.rollback()
    reference = uuid.uuid4().hex[:12]
    current_app.logger.exception("unhandled error, reference %s", reference)
    return _render(
        500,
        "Sorry, there is a problem with the service",
        "Nothing you saved before this page has been lost. Try again later; if it keeps "
        "happening, give this reference to your administrator.",
        reference,
    )


CONFLICT = (
    "Someone else saved a change to this at the same moment, so yours was not saved. Reload "
    "the page to see theirs, then make your change again."
)


def handle_conflict(error: StaleDataError):
    """A row changed by another request between this one's read and its write, found when the
    request's changes were written (see :mod:`qa_audit.web.commit_point`): nothing is saved."""
    db.session.rollback()
    current_app.logger.info("conflicting save (%s): %s", request.endpoint, error)
    if answers_json(current_app.view_functions.get(request.endpoint)):
        return json_error(CONFLICT, 409, stale=True)
    return _render(409, "This was changed by someone else", CONFLICT)


UNAVAILABLE = "The service cannot reach its database"
UNAVAILABLE_BODY = (
    "Nothing you saved before has been lost. Try again in a few minutes; if this keeps "
    "happening, tell your administrator."
)
UNAVAILABLE_JSON = (
    f"{UNAVAILABLE}, so this was not saved. It will be tried again: nothing you typed on this "
    "page has been lost."
)


def handle_database_unavailable(error: OperationalError):
    """The database is stopped, unreachable or cannot be written to. The page is drawn as for a
    signed-out visitor, without Flask's context processors: Flask-Login's would load the
    signed-in user from the database. The log gets the driver's reason, not the statement,
    whose values may hold plan text."""
    db.session.rollback()
    reason = str(error.orig).strip().splitlines()[0]
    current_app.logger.error("database unavailable (%s): %s", request.endpoint, reason)
    if answers_json(current_app.view_functions.get(request.endpoint)):
        response = make_response(json_error(UNAVAILABLE_JSON, 503))
    else:
        template = current_app.jinja_env.get_template("errors/error.html")
        anonymous = current_app.login_manager.anonymous_user()
        page = template.render(title=UNAVAILABLE, body=UNAVAILABLE_BODY, current_user=anonymous)
        response = make_response(page, 503)
    response.headers["Retry-After"] = "60"
    return response


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(NotAllowed, handle_refusal)
    app.register_error_handler(NotFound, handle_not_found)
    app.register_error_handler(QaAuditError, handle_domain_error)
    app.register_error_handler(OperationalError, handle_database_unavailable)
    app.register_error_handler(StaleDataError, handle_conflict)
    app.register_error_handler(Exception, handle_unexpected)
