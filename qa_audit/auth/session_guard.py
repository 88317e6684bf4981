"""Runs before every request: sign-in, absolute session lifetime and the permission table."""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, request, session, url_for
from flask_login import current_user, logout_user

from qa_audit.access_recorder import refuse
from qa_audit.auth.permissions import PUBLIC, can, required_action
from qa_audit.extensions import login_manager
from qa_audit.web.json_views import SIGNED_OUT, answers_json, json_error

UNGUARDED_ENDPOINTS = {"static"}
# All a person whose administrator asked for a new password can reach until they choose one.
WHILE_PASSWORD_MUST_CHANGE = {"auth.change_password", "auth.logout"}
MUST_CHANGE = "Choose a new password before you continue. Your administrator asked for this."


def start_session() -> None:
    """Call right after a successful sign-in."""
    session.permanent = True  # idle timeout: PERMANENT_SESSION_LIFETIME, checked on every load
    session["signed_in_at"] = int(time.time())


def _session_too_old() -> bool:
    signed_in_at = session.get("signed_in_at")
    limit = current_app.config["SESSION_ABSOLUTE_LIFETIME"].total_seconds()
    return signed_in_at is None or time.time() - signed_in_at > limit


def enforce_access():
    if request.endpoint is None or request.endpoint in UNGUARDED_ENDPOINTS:
        return None  # unknown URL: the 404 handler answers
    view = current_app.view_functions.get(request.endpoint)
    action = required_action(view)
    if action == PUBLIC:
        return None
    if current_user.is_authenticated and _session_too_old():
        logout_user()
        session.clear()
        flash("You were signed out because your session reached its time limit.")
    if not current_user.is_authenticated:
        if answers_json(view):
            return json_error(SIGNED_OUT, 401, signed_out=True)
        return login_manager.unauthorized()
    if action is None or not can(current_user.role, action):
        refuse(403)
    if current_user.must_change_password and request.endpoint not in WHILE_PASSWORD_MUST_CHANGE:
        if answers_json(view):
            return json_error(MUST_CHANGE, 403)
        return redirect(url_for("auth.change_password"))
    return None
