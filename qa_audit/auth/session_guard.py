"""Runs before every request: sign-in, absolute session lifetime and the permission table."""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user

from qa_audit.access_recorder import refuse
from qa_audit.auth.permissions import PUBLIC, can, required_action
from qa_audit.auth.two_factor import needs_enrolment
from qa_audit.extensions import login_manager
from qa_audit.web.json_views import SIGNED_OUT, answers_json, json_error

UNGUARDED_ENDPOINTS = {"static"}
# All a person whose administrator asked for a new password can reach until they choose one.
WHILE_PASSWORD_MUST_CHANGE = {"auth.change_password", "auth.logout"}
MUST_CHANGE = "Choose a new password before you continue. Your administrator asked for this."
# All someone whose role must use two-factor sign-in can reach until they have set it up.
WHILE_ENROLMENT_NEEDED = {"two_factor.setup", "auth.logout"}
MUST_ENROL = "Set up two-factor sign-in before you continue."
# How this session signed in; the provider of single sign-on does its own MFA, and no local
# password is used, so neither of the steps above applies to such a session.
SIGNED_IN_BY = "signed_in_by"
# Pages of signing in with a password, refused when PASSWORD_SIGN_IN is off.
PASSWORD_PAGES = {
    "auth.set_password",
    "auth.change_password",
    "two_factor.code",
    "two_factor.setup",
}


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
    if not current_app.config["PASSWORD_SIGN_IN"] and _password_page():
        return render_template("auth/passwords_off.html"), 403
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
    return _first_things_first(view)


def _password_page() -> bool:
    return request.endpoint in PASSWORD_PAGES or (
        request.endpoint == "auth.login" and request.method == "POST"
    )


def _first_things_first(view):
    """A new password an administrator asked for, then two-factor sign-in where the role must
    use it: until then, only the page for it (and signing out) opens. Not after single
    sign-on."""
    if session.get(SIGNED_IN_BY) == "single sign-on":
        return None
    if current_user.must_change_password:
        if request.endpoint in WHILE_PASSWORD_MUST_CHANGE:
            return None
        if answers_json(view):
            return json_error(MUST_CHANGE, 403)
        return redirect(url_for("auth.change_password"))
    if needs_enrolment(current_user) and request.endpoint not in WHILE_ENROLMENT_NEEDED:
        if answers_json(view):
            return json_error(MUST_ENROL, 403)
        return redirect(url_for("two_factor.setup"))
    return None
