from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from qa_audit.admin.forms import EditUserForm, NewUserForm
from qa_audit.auth import accounts
from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import User

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users")
@requires("users.manage")
def users():
    people = db.session.scalars(select(User).order_by(User.role, User.name)).all()
    return render_template("admin/users.html", users=people)


@bp.route("/users/new", methods=["GET", "POST"])
@requires("users.manage")
def new_user():
    form = NewUserForm()
    if form.validate_on_submit():
        user = accounts.create_user(
            email=form.email.data,
            name=form.name.data,
            role=form.role.data,
            password=form.password.data,
            team=form.team.data,
            agency=form.agency.data,
        )
        db.session.commit()
        flash(f"Account created for {user.email}.")
        return redirect(url_for("admin.users"))
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
            accounts.update_user(
                user,
                name=form.name.data,
                role=form.role.data,
                team=form.team.data,
                agency=form.agency.data,
                active=form.active.data,
            )
            if form.new_password.data:
                accounts.set_password(user, form.new_password.data)
            db.session.commit()
            flash(f"Saved changes to {user.email}.")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, title=f"Edit {user.email}", user=user)
