from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from qa_audit.access_recorder import record_access
from qa_audit.admin.account_events import AccountState, record_changes, record_creation
from qa_audit.admin.forms import EditUserForm, NewUserForm
from qa_audit.auth import accounts, single_sign_on, two_factor
from qa_audit.auth.password_links import issue_link
from qa_audit.auth.permissions import can, requires
from qa_audit.extensions import db
from qa_audit.models import User

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users")
@requires("users.manage")
def users():
    people = db.session.scalars(select(User).order_by(User.role, User.name)).all()
    return render_template("admin/users.html", users=people)


def _link_page(user: User, token: str, created: bool):
    """The set-password link, shown once (it is stored only as a hash)."""
    return render_template(
        "admin/password_link.html",
        user=user,
        link=url_for("auth.set_password", token=token, _external=True),
        created=created,
        reads_plans=can(user.role, "plans.view"),
        title="Pass on the set-password link",
    )


@bp.route("/users/new", methods=["GET", "POST"])
@requires("users.manage")
def new_user():
    form = NewUserForm()
    if form.validate_on_submit():
        user = accounts.create_user(
            email=form.email.data,
            name=form.name.data,
            role=form.role.data,
            password=None,
            team=form.team.data,
            agency=form.agency.data,
        )
        record_creation(user)
        if not current_app.config["PASSWORD_SIGN_IN"]:
            flash(f"Added {user.email}: they sign in with single sign-on.", "success")
            return redirect(url_for("admin.users"))
        token = issue_link(user, current_user)
        record_access("issue_password_link", "account", user.id)
        return _link_page(user, token, created=True)
    return render_template("admin/user_form.html", form=form, title="Add a user")


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires("users.manage")
def edit_user(user_id: int):
    user = db.session.get(User, user_id) or abort(404)
    form = EditUserForm(obj=user)
    if form.validate_on_submit():
        if user.id == current_user.id and (form.role.data != "admin" or not form.active.data):
            form.role.errors.append("You cannot remove your own administrator access")
        else:
            before = AccountState.of(user)
            accounts.update_user(
                user,
                name=form.name.data,
                role=form.role.data,
                team=form.team.data,
                agency=form.agency.data,
                active=form.active.data,
            )
            gained = record_changes(user, before)
            token = None
            if form.reset_password.data:
                accounts.reset_password(user)
                record_access("reset_password", "account", user.id)
                token = issue_link(user, current_user)
                record_access("issue_password_link", "account", user.id)
            elif form.require_password_change.data:
                accounts.require_password_change(user)
                record_access("require_password_change", "account", user.id)
                flash(f"{user.email} must choose a new password when they next sign in.")
            if form.forget_single_sign_on.data and user.oidc_subject is not None:
                single_sign_on.forget_identity(user)
                record_access("single_sign_on_forgotten", "account", user.id)
                flash(f"The next single sign-on as {user.email} binds the account afresh.")
            if form.remove_two_factor.data and user.totp_secret is not None:
                two_factor.remove(user)
                accounts.end_sessions(user)
                record_access("two_factor_removed", "account", user.id)
                flash(f"Two-factor sign-in is off for {user.email} until they set it up again.")
            if token:
                return _link_page(user, token, created=False)
            flash(f"Saved changes to {user.email}.", "success")
            if gained:
                flash(f"{user.email} can now read plans; this is recorded in the access log.")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, title=f"Edit {user.email}", user=user)
