import hashlib
import re
from datetime import timedelta

from sqlalchemy import select

from qa_audit.extensions import db
from qa_audit.models import AccessLog, PasswordLink, User
from qa_audit.models._base import utcnow
from tests.factories import csrf_token_from, login

NEW_PASSWORD = "a-password-they-chose"


def _new_user(client, **overrides):
    data = {
        "email": "new.auditor@example.org",
        "name": "New Auditor",
        "role": "auditor",
        "team": "South",
        "agency": "health",
    }
    data.update(overrides)
    data["csrf_token"] = csrf_token_from(client, "/admin/users/new")
    return client.post("/admin/users/new", data=data)


def _link_path(page: str) -> str:
    match = re.search(r'id="password-link"[^>]*>https?://[^/]+(/set-password/[^<\s]+)<', page)
    assert match, "the page shows no set-password link"
    return match.group(1)


def _set_password(client, path: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    data = {"password": password, "confirm": confirm or password}
    data["csrf_token"] = csrf_token_from(client, path)
    return client.post(path, data=data)


def _log(action: str) -> list[AccessLog]:
    db.session.expire_all()
    query = select(AccessLog).where(AccessLog.action == action).order_by(AccessLog.id)
    return list(db.session.scalars(query))


def test_admin_adds_a_user_who_can_then_sign_in(app, client, make):
    login(client, make.user("admin"))
    response = _new_user(client)
    assert response.status_code == 200
    user = db.session.scalar(select(User).where(User.email == "new.auditor@example.org"))
    assert (user.role, user.team, user.agency) == ("auditor", "South", "health")
    path = _link_path(response.get_data(as_text=True))
    other = app.test_client()
    assert _set_password(other, path).status_code == 302
    assert login(other, user, password=NEW_PASSWORD).status_code == 302


def test_short_password_and_duplicate_email_are_explained(app, client, make):
    admin = make.user("admin")
    login(client, admin)
    body = _new_user(client, email=admin.email).get_data(as_text=True)
    assert "There is already an account with this email address" in body
    assert "There is a problem" in body  # GOV.UK error summary
    path = _link_path(_new_user(client).get_data(as_text=True))
    other = app.test_client()
    body = _set_password(other, path, "short").get_data(as_text=True)
    assert "Password must be at least 12 characters" in body and "There is a problem" in body
    body = _set_password(other, path, NEW_PASSWORD, "something-else-entirely").get_data(
        as_text=True
    )
    assert "The two passwords are not the same" in body


def test_an_admin_never_chooses_a_plan_readers_password(app, client, make):
    admin = make.user("admin")
    login(client, admin)
    form = client.get("/admin/users/new").get_data(as_text=True)
    assert 'type="password"' not in form
    page = _new_user(client, role="qa_lead", password="admins-own-choice").get_data(as_text=True)
    lead = db.session.scalar(select(User).where(User.email == "new.auditor@example.org"))
    assert login(app.test_client(), lead, password="admins-own-choice").status_code == 200
    assert "This account can read plans" in page
    path = _link_path(page)
    (link,) = db.session.scalars(select(PasswordLink)).all()
    assert link.token_hash == hashlib.sha256(path.rsplit("/", 1)[1].encode()).hexdigest()
    assert _set_password(app.test_client(), path).status_code == 302
    again = app.test_client().get(path)
    assert again.status_code == 404 and "expired or has already been used" in again.text
    (created,) = _log("create_account")
    (grant,) = _log("grant_plan_access")
    assert (created.user_id, created.object_id) == (admin.id, lead.id)
    assert (grant.user_id, grant.object_id, grant.detail) == (admin.id, lead.id, "QA lead")
    (chosen,) = _log("set_password")
    assert (chosen.user_id, chosen.object_id) == (None, lead.id)
    listed = client.get("/admin/access-log/?action=grant_plan_access").get_data(as_text=True)
    assert "grant plan access" in listed.split("<table")[1]


def test_an_expired_link_does_not_work(app, client, make):
    login(client, make.user("admin"))
    path = _link_path(_new_user(client).get_data(as_text=True))
    link = db.session.scalar(select(PasswordLink))
    link.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert app.test_client().get(path).status_code == 404


def _edit(client, user, **fields):
    url = f"/admin/users/{user.id}"
    data = {"name": user.name, "role": user.role, "team": user.team or "", "agency": ""}
    data.update(fields)
    data["csrf_token"] = csrf_token_from(client, url)
    return client.post(url, data={k: v for k, v in data.items() if v is not None})


def test_role_changes_resets_and_deactivations_are_logged(app, client, make):
    admin, person = make.user("admin"), make.user("auditor", team="North")
    login(client, admin)
    assert _edit(client, person, role="qa_lead", active="y").status_code == 302
    assert _edit(client, person, role="qa_lead", active="y", team="South").status_code == 302
    page = _edit(client, person, role="qa_lead", active="y", reset_password="y")
    path = _link_path(page.get_data(as_text=True))
    assert login(app.test_client(), person).status_code == 200  # the old password stopped
    assert _edit(client, person, role="qa_lead", active=None).status_code == 302
    assert app.test_client().get(path).status_code == 404  # not for a deactivated account
    assert [e.detail for e in _log("change_role")] == ["Auditor to QA lead"]
    assert [e.detail for e in _log("change_team")] == ["North to South"]
    assert [e.detail for e in _log("grant_plan_access")] == ["QA lead"]
    assert len(_log("reset_password")) == 1 and len(_log("deactivate_account")) == 1
    assert {e.user_id for e in _log("change_role") + _log("deactivate_account")} == {admin.id}
    assert {e.object_id for e in _log("reset_password")} == {person.id}


def test_a_sen_managers_new_team_is_a_grant(client, make):
    login(client, make.user("admin"))
    manager = make.user("sen_manager", team="North")
    _edit(client, manager, active="y", team="")
    assert [e.detail for e in _log("grant_plan_access")] == ["SEN manager, every team"]


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


def test_a_new_account_has_no_role_until_one_is_chosen(client, make):
    login(client, make.user("admin"))
    form = client.get("/admin/users/new").get_data(as_text=True)
    role_select = form[
        form.index('name="role"') : form.index("</select>", form.index('name="role"'))
    ]
    assert "selected" not in role_select
    page = _new_user(client, role="").get_data(as_text=True)
    assert "Choose the account&#39;s role" in page or "Choose the account's role" in page
    assert db.session.scalar(select(User).where(User.email == "new.auditor@example.org")) is None
