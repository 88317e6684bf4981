"""Template globals: navigation by role and permission checks for links."""

from flask import Flask, request, url_for
from flask_login import current_user

from qa_audit.auth.permissions import can
from qa_audit.web.csp_nonce import csp_nonce
from qa_audit.web.evidence import mark_evidence
from qa_audit.web.local_time import age_in_words, clock_time, day_and_clock

# (endpoint, label, action): each role sees the links its permissions allow.
NAVIGATION = [
    ("main.dashboard", "Home", "dashboard"),
    ("audits.index", "My audits", "audits.score"),
    ("advice_quality.index", "Advice audits", "advice_audits.score"),
    ("plans.index", "Plans", "plans.list"),
    ("uploads.upload_batch", "Upload plans", "documents.upload"),
    ("sampling.index", "Sampling", "audits.manage"),
    ("matrices.index", "Matrices", "matrices.view"),
    ("admin.users", "Users", "users.manage"),
    ("access_log.index", "Access log", "access_log.view"),
    ("alerts.index", "Alerts", "alerts.review"),
    ("reports.index", "Reports", "reports.view"),
    ("moderation.follow_ups", "Follow-ups", "follow_ups.own"),
]


def allowed(action: str) -> bool:
    return current_user.is_authenticated and can(current_user.role, action)


def navigation() -> list[dict]:
    """Service navigation items for the signed-in user's role, the current area marked."""
    current_area = (request.endpoint or "").split(".")[0]
    return [
        {
            "href": url_for(endpoint),
            "text": label,
            "active": request.endpoint == endpoint
            or (endpoint != "main.dashboard" and endpoint.split(".")[0] == current_area),
        }
        for endpoint, label, action in NAVIGATION
        if allowed(action)
    ]


def register_template_helpers(app: Flask) -> None:
    app.add_template_global(allowed)
    app.add_template_global(navigation)
    app.add_template_global(csp_nonce)
    app.add_template_filter(clock_time)
    app.add_template_filter(day_and_clock)
    app.add_template_filter(age_in_words)
    app.add_template_filter(mark_evidence)
