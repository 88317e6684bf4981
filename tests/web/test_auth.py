import time
from datetime import timedelta

from qa_audit.auth.accounts import set_password
from qa_audit.extensions import db
from qa_audit.models import User
from tests.factories import PASSWORD, csrf_token_from, login


def test_login_with_right_password_reaches_dashboard(client, make):
    user = make.user("auditor")
    response = login(client, user)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert "My audits" in page.get_data(as_text=True)


def test_wrong_password_gives_one_plain_message(client, make):
    user = make.user("auditor")
    response = login(client, user, password="not-the-password")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Email address or password is not right" in body
    assert client.get("/").status_code == 302


def test_unknown_email_gets_the_same_message(client, make):
    ghost = User(email="nobody@example.org")
    body = login(client, ghost).get_data(as_text=True)
    assert "Email address or password is not right" in body


def test_deactivated_account_cannot_sign_in(client, make):
    user = make.user("auditor")
    user.active = False
    db.session.commit()
    body = login(client, user).get_data(as_text=True)
    assert "Email address or password is not right" in body


def test_password_is_stored_as_argon2id(make):
    user = make.user("auditor")
    assert user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in user.password_hash


def test_next_parameter_only_goes_to_local_paths(client, make):
    user = make.user("qa_lead")
    token = csrf_token_from(client, "/login")
    for target, expected in [
        ("/plans/", "/plans/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ]:
        response = client.post(
            f"/login?next={target}",
            data={"email": user.email, "password": PASSWORD, "csrf_token": token},
        )
        assert response.headers["Location"] == expected, target
        client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
        token = csrf_token_from(client, "/login")


def test_sign_out_ends_the_session(client, make):
    login(client, make.user("auditor"))
    response = client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302


def test_session_ends_after_absolute_lifetime(client, make):
    login(client, make.user("auditor"))
    with client.session_transaction() as session:
        session["signed_in_at"] = int(time.time()) - 11 * 3600
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_session_ends_after_idle_timeout(app, client, make):
    login(client, make.user("auditor"))
    app.permanent_session_lifetime = timedelta(seconds=1)
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    time.sleep(2.1)
    response = client.get("/")
    assert response.status_code == 302


def test_password_change_signs_out_other_sessions(app, client, make):
    user = make.user("auditor")
    login(client, user)
    set_password(user, "another-long-password")
    db.session.commit()
    assert client.get("/").status_code == 302


def test_login_is_rate_limited(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    with app.app_context():
        client = app.test_client()
        user = make.user("auditor")
        codes = [login(client, user, password="wrong-password").status_code for _ in range(4)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3] == 429


def test_sign_in_prompt_is_a_notice_and_signing_out_a_success(client, make):
    prompt = client.get("/plans/", follow_redirects=True).get_data(as_text=True)
    assert "Sign in to continue." in prompt
    assert "govuk-notification-banner--success" not in prompt and ">Success<" not in prompt
    assert "Important" in prompt

    login(client, make.user("auditor"))
    token = csrf_token_from(client, "/")
    signed_out = client.post("/logout", data={"csrf_token": token}, follow_redirects=True)
    page = signed_out.get_data(as_text=True)
    assert "You have signed out." in page and "govuk-notification-banner--success" in page
