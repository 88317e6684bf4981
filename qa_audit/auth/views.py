from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user

from qa_audit.access_recorder import record_access
from qa_audit.auth import single_sign_on, two_factor
from qa_audit.auth.accounts import CURRENT_NOT_RIGHT, authenticate, end_sessions, find_user
from qa_audit.auth.accounts import change_password as change_own_password
from qa_audit.auth.forms import ChangePasswordForm, LoginForm, SetPasswordForm
from qa_audit.auth.password_links import LINK_NOT_USABLE, usable_link, use_link
from qa_audit.auth.permissions import public, requires
from qa_audit.auth.session_guard import MUST_CHANGE, start_session
from qa_audit.auth.two_factor_views import begin as begin_two_factor
from qa_audit.errors import QaAuditError
from qa_audit.extensions import limiter
from qa_audit.web.safe_redirect import safe_next_url

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is None:
            # By account id when the address is one; the typed address itself is never kept.
            attempted = find_user(form.email.data)
            record_access("sign_in_failed", "account", attempted.id if attempted else None)
            form.password.errors.append("Email address or password is not right")
        elif user.totp_secret is not None:
            return begin_two_factor(user, safe_next_url(request.args.get("next")))
        else:
            session.clear()
            login_user(user)
            start_session()
            record_access("sign_in", "account", user.id)
            if user.must_change_password:
                return redirect(url_for("auth.change_password"))
            return redirect(safe_next_url(request.args.get("next")) or url_for("main.dashboard"))
    return render_template("auth/login.html", form=form, single_sign_on=single_sign_on.enabled())


@bp.route("/set-password/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def set_password(token: str):
    """Where a new or reset account sets its own password, through the link it was given."""
    link = usable_link(token)
    if link is None:
        return render_template("auth/set_password.html", problem=LINK_NOT_USABLE), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        user = use_link(token, form.password.data)
        record_access("set_password", "account", user.id)
        if current_user.is_authenticated:
            logout_user()  # whoever was signed in here, the link's owner signs in afresh
        session.clear()
        flash("Your password is set. Sign in with it.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form)


@bp.route("/logout", methods=["POST"])
@requires("account")
def logout():
    # The session lives in a signed cookie: without a new token a copy taken before signing out
    # would still work until it timed out.
    end_sessions(current_user)
    two_factor.abandon_enrolment(current_user)
    record_access("sign_out", "account", current_user.id)
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@requires("account")
def change_password():
    """Change one's own password, giving the current one. Every other session of the account
    ends; this one carries on."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_own_password(current_user, form.current.data, form.password.data)
        except QaAuditError as err:
            record_access("change_password_failed", "account", current_user.id)
            field = form.current if str(err) == CURRENT_NOT_RIGHT else form.password
            field.errors.append(str(err))
        else:
            record_access("change_password", "account", current_user.id)
            signed_in_at = session.get("signed_in_at")
            login_user(current_user._get_current_object())  # the cookie carries the new token
            session["signed_in_at"] = signed_in_at  # the session's time limit still counts
            flash("Your password is changed. You have been signed out everywhere else.", "success")
            return redirect(url_for("main.dashboard"))
    must_change = current_user.must_change_password
    return render_template(
        "auth/change_password.html", form=form, notice=MUST_CHANGE if must_change else None
    )
