from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import User
from tests.factories import csrf_token_from, login


def _new_user(client, **overrides):
    data = {
        "email": "new.auditor@example.org",
        "name": "New Auditor",
        "role": "auditor",
        "team": "South",
        "agency": "health",
        "password": "a-long-temporary-password",
    }
    data.update(overrides)
    data["csrf_token"] = csrf_token_from(client, "/admin/users/new")
    return client.post("/admin/users/new", data=data)


def test_admin_adds_a_user_who_can_then_sign_in(app, client, make):
    login(client, make.user("admin"))
    response = _new_user(client)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new.auditor@example.org"))
    assert (user.role, user.team, user.agency) == ("auditor", "South", "health")
    other = app.test_client()
    assert login(other, user, password="a-long-temporary-password").status_code == 302


def test_short_password_and_duplicate_email_are_explained(client, make):
    admin = make.user("admin")
    login(client, admin)
    body = _new_user(client, password="short").get_data(as_text=True)
    assert "Password must be at least 12 characters" in body
    assert "There is a problem" in body  # GOV.UK error summary
    body = _new_user(client, email=admin.email).get_data(as_text=True)
    assert "There is already an account with this email address" in body


def test_admin_deactivates_a_user_and_their_sessions_end(app, client, make):
    admin, auditor = make.user("admin"), make.user("auditor")
    auditor_client = app.test_client()
    login(auditor_client, auditor)
    login(client, admin)
    url = f"/admin/users/{auditor.id}"
    response = client.post(
        url,
        data={
            "name": auditor.name,
            "role": "auditor",
            "team": "",
            "agency": "",
            "csrf_token": csrf_token_from(client, url),
        },
    )
    assert response.status_code == 302
    db.session.refresh(auditor)
    assert auditor.active is False
    assert auditor_client.get("/").status_code == 302


def test_admin_cannot_remove_their_own_admin_role(client, make):
    admin = make.user("admin")
    login(client, admin)
    url = f"/admin/users/{admin.id}"
    body = client.post(
        url,
        data={
            "name": admin.name,
            "role": "auditor",
            "active": "y",
            "csrf_token": csrf_token_from(client, url),
        },
    ).get_data(as_text=True)
    assert "You cannot remove your own administrator access" in body
    db.session.refresh(admin)
    assert admin.role == "admin"
