"""The second step of signing in (a code from an authenticator app, or a recovery code), and
setting two-factor sign-in up."""

from __future__ import annotations

import time

from flask import Blueprint, current_app, flash, redirect, render_template, session, url_for
from flask_login import current_user, login_user

from qa_audit.access_recorder import record_access
from qa_audit.auth import two_factor
from qa_audit.auth.accounts import load_user
from qa_audit.auth.forms import CodeForm, ConfirmIdentityForm, EnrolForm
from qa_audit.auth.permissions import public, requires
from qa_audit.auth.session_guard import start_session
from qa_audit.extensions import limiter
from qa_audit.files.qr import qr_svg
from qa_audit.models import User

bp = Blueprint("two_factor", __name__)

PENDING_SECONDS = 5 * 60  # between the right password and the code
SETTING_UP = "mfa_setting_up"  # in the session: this session started setting up (no secret)
CODE_NOT_RIGHT = (
    "The code is not right, or it has already been used. Wait for a new code in your app "
    "and try again."
)


def _mfa_limit() -> str:
    return current_app.config["MFA_RATE_LIMIT"]


def _pending_account() -> str:
    """The rate-limit key of the account waiting for its code, whatever address it comes from."""
    return "mfa-account:" + str(session.get("mfa_pending", "")).partition(":")[0]


def begin(user: User, next_url: str | None):
    """After the right password for an account with two-factor sign-in: ask for the code."""
    session.clear()
    session["mfa_pending"] = user.get_id()
    session["mfa_since"] = int(time.time())
    session["mfa_next"] = next_url
    return redirect(url_for("two_factor.code"))


def _pending_user() -> User | None:
    pending, since = session.get("mfa_pending"), session.get("mfa_since", 0)
    if not pending or time.time() - since > PENDING_SECONDS:
        return None
    user = load_user(pending)  # a password change or deactivation since ends it
    return user if user is not None and user.active and user.totp_secret else None


@bp.route("/login/code", methods=["GET", "POST"])
@limiter.limit(_mfa_limit, methods=["POST"])
@limiter.limit(_mfa_limit, methods=["POST"], key_func=_pending_account)
@public
def code():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    user = _pending_user()
    if user is None:
        session.clear()
        flash("Sign in again: the time to enter your code ran out.")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        by_recovery = False
        if not two_factor.accept_code(user, form.code.data):
            by_recovery = two_factor.accept_recovery_code(user, form.code.data)
            if not by_recovery:
                record_access("sign_in_code_failed", "account", user.id)
                form.code.errors.append(CODE_NOT_RIGHT)
                return render_template("auth/two_factor_code.html", form=form)
        next_url = session.get("mfa_next")
        session.clear()
        login_user(user)
        start_session()
        record_access("sign_in", "account", user.id, detail="two-factor")
        if by_recovery:
            record_access("recovery_code_used", "account", user.id)
            left = two_factor.unused_recovery_codes(user)
            flash(f"You used a recovery code. You have {left} left.")
        if user.must_change_password:
            return redirect(url_for("auth.change_password"))
        return redirect(next_url or url_for("main.dashboard"))
    return render_template("auth/two_factor_code.html", form=form)


def _own_account() -> str:
    return f"recovery-codes:{current_user.id}"


@bp.route("/account/two-factor/recovery-codes", methods=["GET", "POST"])
@limiter.limit(_mfa_limit, methods=["POST"])
@limiter.limit(_mfa_limit, methods=["POST"], key_func=_own_account)
@requires("account")
def new_recovery_codes():
    """New recovery codes for oneself, giving one's password or a code from the app; the old
    codes stop working."""
    if current_user.totp_secret is None:
        return redirect(url_for("two_factor.setup"))
    form = ConfirmIdentityForm()
    if form.validate_on_submit():
        if two_factor.confirms_identity(current_user, form.answer.data):
            codes = two_factor.replace_recovery_codes(current_user)
            record_access("recovery_codes_replaced", "account", current_user.id)
            return render_template("auth/recovery_codes.html", codes=codes)
        record_access("recovery_codes_refused", "account", current_user.id)
        form.answer.errors.append(
            "That is not your password, nor a current code from your app. Try again."
        )
    return render_template("auth/new_recovery_codes.html", form=form)


@bp.route("/account/two-factor", methods=["GET", "POST"])
@limiter.limit(_mfa_limit, methods=["POST"])
@requires("account")
def setup():
    """Set up an authenticator app: scan the QR code, type one code, keep the recovery codes.

    The new secret waits on the account row (:func:`two_factor.start_enrolment`), never in the
    session cookie, which only marks that this session started the set-up; the page is the
    only place the secret is sent. A set-up started in another session replaces it."""
    if current_user.totp_secret is not None:
        left = two_factor.unused_recovery_codes(current_user)
        return render_template("auth/two_factor_on.html", left=left)
    if not session.get(SETTING_UP) or current_user.totp_pending_secret is None:
        two_factor.start_enrolment(current_user)
        session[SETTING_UP] = True
    form = EnrolForm()
    if form.validate_on_submit():
        codes = two_factor.enrol(current_user, form.code.data)
        if codes is not None:
            session.pop(SETTING_UP, None)
            record_access("two_factor_on", "account", current_user.id)
            return render_template("auth/recovery_codes.html", codes=codes)
        record_access("two_factor_setup_failed", "account", current_user.id)
        form.code.errors.append(CODE_NOT_RIGHT)
    secret = current_user.totp_pending_secret
    uri = two_factor.provisioning_uri(secret, current_user)
    return render_template(
        "auth/two_factor_setup.html",
        form=form,
        qr=qr_svg(uri),
        secret=secret,
        required=two_factor.required_for(current_user),
    )
