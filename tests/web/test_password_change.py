"""Changing one's own password, the common-password rule wherever a password is set, and an
administrator asking for a new password at the next sign-in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qa_audit.auth.accounts import create_user
from qa_audit.auth.password_links import issue_link
from qa_audit.auth.passwords import TOO_COMMON, common_passwords, password_problem
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import AccessLog, User
from tests.factories import PASSWORD, csrf_token_from, login

NEW = "marmalade otter lantern"


def _change(client, current=PASSWORD, new=NEW, confirm=None):
    token = csrf_token_from(client, "/account/password")
    return client.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current": current,
            "password": new,
            "confirm": new if confirm is None else confirm,
        },
    )


def _actions(user_id: int) -> list[str]:
    query = select(AccessLog.action).where(AccessLog.object_id == user_id).order_by(AccessLog.id)
    return list(db.session.scalars(query))


def test_the_common_list_comes_from_the_zxcvbn_package():
    assert len(common_passwords()) >= 30_000
    assert "qwerty123456" in common_passwords()


@pytest.mark.parametrize(
    "password",
    ["qwerty123456", "QWERTY123456", "1qaz2wsx3edc", "Password1234!", "!!iloveyou2024"],
)
def test_common_passwords_are_refused_in_plain_english(password):
    assert password_problem(password) == TOO_COMMON
    assert "most common passwords" in TOO_COMMON


@pytest.mark.parametrize("password", ["passwordpassword", "abcabcabcabc", "!!!!!!!!!!!!"])
def test_one_short_piece_repeated_is_refused(password):
    assert "one short piece repeated" in password_problem(password)


def test_uncommon_passphrases_are_accepted():
    assert password_problem(NEW) is None
    assert password_problem(PASSWORD) is None


def test_a_user_changes_their_password_and_their_other_sessions_end(app, make):
    user = make.user("auditor")
    here, elsewhere = app.test_client(), app.test_client()
    login(here, user)
    login(elsewhere, user)
    response = _change(here)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Your password is changed" in here.get("/").get_data(as_text=True)
    assert here.get("/").status_code == 200  # this session carries on
    assert elsewhere.get("/").status_code == 302  # the other one has ended
    assert login(app.test_client(), user).status_code == 200  # the old password is refused
    assert login(app.test_client(), user, password=NEW).status_code == 302
    assert "change_password" in _actions(user.id)


def test_the_current_password_is_required(client, make):
    user = make.user("auditor")
    login(client, user)
    body = _change(client, current="not-my-password").get_data(as_text=True)
    assert "Your current password is not right" in body
    db.session.expire_all()
    assert login(client.application.test_client(), user).status_code == 302
    assert "change_password_failed" in _actions(user.id)
    assert "Enter your current password" in _change(client, current="").get_data(as_text=True)


@pytest.mark.parametrize(
    ("new", "confirm", "message"),
    [
        ("qwerty123456", None, "one of the most common passwords"),
        ("short one", None, "Password must be at least 12 characters"),
        (NEW, "something else entirely", "The two passwords are not the same"),
        (PASSWORD, None, "must be different from your current one"),
    ],
)
def test_a_weak_or_mistyped_new_password_is_explained(client, make, new, confirm, message):
    user = make.user("auditor")
    login(client, user)
    response = _change(client, new=new, confirm=confirm)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert client.get("/").status_code == 200  # still signed in, nothing changed


def test_changing_the_password_is_rate_limited(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    with app.app_context():
        client = app.test_client()
        user = make.user("auditor")
        login(client, user)
        codes = [_change(client, current="wrong-guess-123").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_a_set_password_link_refuses_a_common_password(client, make):
    user = make.user("auditor")
    token = issue_link(user, None)
    db.session.commit()
    url = f"/set-password/{token}"
    data = {"csrf_token": csrf_token_from(client, url), "password": "qwerty123456"}
    body = client.post(url, data={**data, "confirm": "qwerty123456"}).get_data(as_text=True)
    assert "one of the most common passwords" in body


def test_an_account_made_on_the_server_refuses_a_common_password(app):
    with pytest.raises(QaAuditError, match="most common passwords"):
        create_user(email="x@example.org", name="X", role="admin", password="1qaz2wsx3edc")


def _require_change(client, admin, user):
    login(client, admin)
    url = f"/admin/users/{user.id}"
    data = {
        "csrf_token": csrf_token_from(client, url),
        "name": user.name,
        "role": user.role,
        "team": user.team or "",
        "agency": user.agency or "",
        "active": "y",
        "require_password_change": "y",
    }
    return client.post(url, data=data)


def test_an_admin_asks_for_a_new_password_and_only_the_change_page_opens(app, make):
    admin, user = make.user("admin"), make.user("qa_lead")
    theirs = app.test_client()
    login(theirs, user)
    assert _require_change(app.test_client(), admin, user).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).must_change_password
    assert theirs.get("/").status_code == 302  # their open session has ended
    assert "require_password_change" in _actions(user.id)

    response = login(theirs, user)
    assert response.headers["Location"] == "/account/password"
    for path in ("/", "/plans/", "/reports/"):
        blocked = theirs.get(path)
        assert blocked.status_code == 302 and blocked.headers["Location"] == "/account/password"
    page = theirs.get("/account/password").get_data(as_text=True)
    assert "Your administrator asked for this" in page

    assert _change(theirs).status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, user.id).must_change_password
    assert theirs.get("/plans/").status_code == 200


def test_the_flag_blocks_scripts_too_and_signing_out_still_works(app, client, make):
    user = make.user("qa_lead")
    audit = make.audit(make.plan(), user)
    user.must_change_password = True
    db.session.commit()
    login(client, user)
    draft = client.get(f"/audits/{audit.id}/draft")
    assert draft.status_code == 403 and "Choose a new password" in draft.json["error"]
    token = csrf_token_from(client, "/account/password")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/account/password").status_code == 302  # signed out
