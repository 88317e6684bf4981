"""Signing in through the organisation's OpenID Connect provider: the button's route, which
sends the browser there, and the callback it comes back to."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user

from qa_audit.access_recorder import record_access
from qa_audit.auth import single_sign_on
from qa_audit.auth.permissions import public
from qa_audit.auth.session_guard import SIGNED_IN_BY, start_session
from qa_audit.extensions import db, limiter
from qa_audit.web.commit_point import keep_error_answer
from qa_audit.web.safe_redirect import safe_next_url

bp = Blueprint("single_sign_on", __name__)

NEXT = "sso_next"


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login/sso")
@limiter.limit(_login_limit)
@public
def start():
    """A link, not a form: the page's Content Security Policy (``form-action 'self'``) would
    stop a form's redirect to the provider. Starting costs nothing to forge: the callback only
    accepts the state this browser's session was given here."""
    if not single_sign_on.enabled():
        return redirect(url_for("auth.login"))
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    next_url = safe_next_url(request.args.get("next"))
    try:
        answer = single_sign_on.redirect_to_provider()
    except single_sign_on.SignInRefused as refused:
        return _refuse(refused)
    session[NEXT] = next_url
    return answer


@bp.route("/login/sso/callback")
@limiter.limit(_login_limit)
@public
def callback():
    if not single_sign_on.enabled():
        return redirect(url_for("auth.login"))
    try:
        user = single_sign_on.account_for(single_sign_on.verified_claims())
    except single_sign_on.SignInRefused as refused:
        return _refuse(refused)
    next_url = session.get(NEXT)
    session.clear()
    login_user(user)
    start_session()
    session[SIGNED_IN_BY] = "single sign-on"
    record_access("sign_in", "account", user.id, detail="single sign-on")
    return redirect(next_url or url_for("main.dashboard"))


def _refuse(refused: single_sign_on.SignInRefused):
    """One plain page whatever went wrong; the reason goes to the access log."""
    db.session.rollback()
    detail = f"single sign-on: {refused}"[:200]
    record_access("sign_in_failed", "account", refused.account_id, detail)
    keep_error_answer()
    session.pop(NEXT, None)
    return render_template("auth/sign_in_refused.html"), 403
