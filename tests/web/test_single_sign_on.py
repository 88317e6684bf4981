"""Single sign-on against a real OpenID Connect provider process on loopback
(``tests/oidc_provider.py``): the app's own routes, Authlib's client talking HTTP to the provider
for discovery, JWKS and the token, ID tokens really signed. The browser's part (following the
redirects) is done with ``requests`` against the provider and the test client against the app."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
import requests
from click.testing import CliRunner
from sqlalchemy import select

from qa_audit.auth.accounts import update_user
from qa_audit.cli import main
from qa_audit.config import load_settings
from qa_audit.extensions import db
from qa_audit.models import AccessLog, User
from tests.factories import PASSWORD, csrf_token_from, login
from tests.oidc_provider import oidc_provider

CALLBACK = "http://localhost/login/sso/callback"
REFUSED = "You cannot sign in here with that account"


@pytest.fixture(scope="module")
def provider():
    with oidc_provider(CALLBACK) as running:
        yield running


@pytest.fixture
def sso_settings(app_config, provider) -> dict:
    """The app's settings with single sign-on on; a test may change them before ``app``."""
    app_config.update(
        OIDC_ISSUER_URL=provider.issuer,
        OIDC_CLIENT_ID=provider.client_id,
        OIDC_CLIENT_SECRET=provider.client_secret,
        OIDC_ALLOWED_ISSUERS=(),
        OIDC_EMAIL_CLAIM="email",
        OIDC_GROUP_CLAIM="groups",
        OIDC_GROUP_ROLES=(),
        OIDC_PROVIDER_NAME="Test Council",
        PASSWORD_SIGN_IN=True,
        MFA_REQUIRED_ROLES=frozenset({"admin", "qa_lead"}),
    )
    return app_config


def person(email="sam.lee@council.example", **claims) -> dict:
    return {"sub": "subject-1", "email": email, "email_verified": True, "name": "Sam Lee", **claims}


def to_provider(client, next_url: str | None = None) -> str:
    """Press the sign-in button: the provider's authorize address the app sends the browser to."""
    path = "/login/sso" + (f"?next={next_url}" if next_url else "")
    pressed = client.get(path)
    assert pressed.status_code == 302, pressed.get_data(as_text=True)
    return pressed.headers["Location"]


def back_from_provider(authorize_url: str) -> str:
    """The provider signs the person in: the callback address (path and query) it sends back."""
    answer = requests.get(authorize_url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == CALLBACK
    return f"{back.path}?{back.query}"


def sso_sign_in(client, provider, fault=None, next_url=None, **claims):
    provider.sign_in_as(fault=fault, **person(**claims))
    return client.get(back_from_provider(to_provider(client, next_url)))


def last_entry() -> AccessLog:
    return db.session.scalars(select(AccessLog).order_by(AccessLog.id.desc())).first()


def assert_refused(answer, reason: str, account_id: int | None = None) -> None:
    assert answer.status_code == 403
    assert REFUSED in answer.get_data(as_text=True)
    entry = last_entry()
    assert entry.action == "sign_in_failed"
    assert entry.object_id == account_id
    assert reason in entry.detail


def test_a_known_person_signs_in_through_the_provider_and_skips_local_two_factor(
    sso_settings, app, client, make, provider
):
    lead = make.user(role="qa_lead", email="Sam.Lee@Council.example")  # case differs
    answer = sso_sign_in(client, provider, next_url="/plans")
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/plans"
    # A QA lead must use two-factor sign-in with a password; the provider did its own MFA.
    home = client.get("/")
    assert home.status_code == 200
    entry = last_entry()
    assert (entry.action, entry.object_id, entry.detail) == ("sign_in", lead.id, "single sign-on")
    assert entry.user_id == lead.id


def test_the_authorize_request_uses_pkce_s256_a_state_and_a_nonce(sso_settings, app, client):
    query = urlsplit(to_provider(client)).query
    for part in ("code_challenge_method=S256", "code_challenge=", "state=", "nonce="):
        assert part in query


def test_a_token_signed_with_another_key_is_refused(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    answer = sso_sign_in(client, provider, fault="wrong_key")
    assert_refused(answer, "ID token refused: bad_signature")
    assert client.get("/").status_code == 302  # still signed out


def test_a_token_for_another_audience_is_refused(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    assert_refused(sso_sign_in(client, provider, fault="wrong_audience"), "aud")


def test_an_expired_token_is_refused(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    assert_refused(sso_sign_in(client, provider, fault="expired"), "expired")


def test_a_token_with_another_nonce_is_refused(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    assert_refused(sso_sign_in(client, provider, fault="wrong_nonce"), "nonce")


def test_a_replayed_state_is_refused(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    provider.sign_in_as(**person())
    callback = back_from_provider(to_provider(client))
    assert client.get(callback).status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    assert_refused(client.get(callback), "mismatching_state")
    # Another browser with the same answer from the provider has no such state either.
    assert_refused(app.test_client().get(callback), "mismatching_state")


def test_a_code_is_exchanged_once_even_with_the_state_copied(
    sso_settings, app, client, make, provider
):
    """A copy of the session cookie from before the callback still holds the state; the
    provider refuses the used code."""
    make.user(email="sam.lee@council.example")
    provider.sign_in_as(**person())
    authorize = to_provider(client)
    copy = app.test_client()
    cookie = client.get_cookie("qa_audit_session")
    copy.set_cookie(cookie.key, cookie.value)
    callback = back_from_provider(authorize)
    assert client.get(callback).status_code == 302
    assert_refused(copy.get(callback), "provider's answer refused: invalid_grant")


def test_an_issuer_not_allowed_is_refused(sso_settings, app, client, make, provider):
    """A provider shared by several tenants: a token from a tenant on the list is accepted
    though the discovery document names another issuer; one from any other is refused."""
    make.user(email="sam.lee@council.example")
    app.config["OIDC_ALLOWED_ISSUERS"] = ("https://login.example/tenant-a",)
    assert_refused(sso_sign_in(client, provider, fault="other_issuer"), "iss")
    assert_refused(sso_sign_in(client, provider), "iss")  # the provider's own is not listed
    app.config["OIDC_ALLOWED_ISSUERS"] = (f"{provider.issuer}/other-tenant",)
    assert sso_sign_in(client, provider, fault="other_issuer").status_code == 302


def test_an_unverified_email_is_refused(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    answer = sso_sign_in(client, provider, email_verified=False)
    assert_refused(answer, "email not verified")


def test_an_email_from_another_claim(sso_settings, app, client, make, provider):
    app.config["OIDC_EMAIL_CLAIM"] = "preferred_username"
    user = make.user(email="sam.lee@council.example")
    answer = sso_sign_in(
        client,
        provider,
        email="other@council.example",
        preferred_username="sam.lee@council.example",
    )
    assert answer.status_code == 302
    assert last_entry().object_id == user.id


def test_an_unknown_person_is_refused_plainly_and_logged(sso_settings, app, client, provider):
    answer = sso_sign_in(client, provider, email="stranger@elsewhere.example")
    assert_refused(answer, "no account for this email")
    assert "stranger" not in last_entry().detail  # the email itself is not kept
    assert db.session.scalar(select(User).where(User.email.like("stranger%"))) is None


def test_the_account_is_bound_to_the_identity_it_first_signed_in_with(
    sso_settings, app, client, make, provider
):
    user = make.user(email="sam.lee@council.example")
    assert sso_sign_in(client, provider).status_code == 302
    db.session.expire_all()
    bound = db.session.get(User, user.id)
    assert (bound.oidc_issuer, bound.oidc_subject) == (provider.issuer, "subject-1")
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    # Someone else given the same address at the provider later does not get the account.
    refused = sso_sign_in(client, provider, sub="subject-2")
    assert_refused(refused, "account bound to another identity", user.id)
    # The person whose address changed at the provider still gets theirs.
    assert sso_sign_in(client, provider, email="sam.lee-smith@council.example").status_code == 302
    assert last_entry().object_id == user.id


def test_a_deactivated_account_is_refused(sso_settings, app, client, make, provider):
    user = make.user(email="sam.lee@council.example")
    user.active = False
    db.session.commit()
    assert_refused(sso_sign_in(client, provider), "account deactivated", user.id)


def test_a_group_mapping_creates_the_account_and_keeps_its_role_up_to_date(
    sso_settings, app, client, provider
):
    app.config["OIDC_GROUP_ROLES"] = (("ehcp-qa-leads", "qa_lead"), ("ehcp-auditors", "auditor"))
    answer = sso_sign_in(client, provider, groups=["staff", "ehcp-auditors"])
    assert answer.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "sam.lee@council.example"))
    assert (user.role, user.name) == ("auditor", "Sam Lee")
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})

    # Moved to the QA leads' group at the provider: the role follows at the next sign-in.
    answer = sso_sign_in(client, provider, groups=["ehcp-auditors", "ehcp-qa-leads"])
    assert answer.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).role == "qa_lead"
    assert client.get("/").status_code == 200  # signed in with the new role


def test_without_a_mapped_group_no_account_is_created(sso_settings, app, client, provider):
    app.config["OIDC_GROUP_ROLES"] = (("ehcp-auditors", "auditor"),)
    answer = sso_sign_in(client, provider, groups=["staff"])
    assert_refused(answer, "no account for this email")


def test_with_passwords_switched_off_only_single_sign_on_works(
    sso_settings, app, client, make, provider
):
    user = make.user(email="sam.lee@council.example")
    token = csrf_token_from(client, "/login")  # a form someone opened before the switch
    app.config["PASSWORD_SIGN_IN"] = False
    page = client.get("/login").get_data(as_text=True)
    assert "Sign in with Test Council" in page
    assert 'name="password"' not in page
    refused = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert refused.status_code == 403
    assert "Signing in with a password is switched off" in refused.get_data(as_text=True)
    assert client.get("/").status_code == 302  # not signed in
    for path in ("/set-password/anything", "/login/code", "/account/password"):
        assert client.get(path).status_code == 403
    assert sso_sign_in(client, provider).status_code == 302
    home = client.get("/")
    assert home.status_code == 200
    assert "Change password" not in home.get_data(as_text=True)  # no link to a refused page
    assert client.get("/account/password").status_code == 403


def test_passwords_still_work_beside_single_sign_on(sso_settings, app, client, make):
    user = make.user(email="sam.lee@council.example")
    page = client.get("/login").get_data(as_text=True)
    assert "Sign in with Test Council" in page and 'name="password"' in page
    assert login(client, user).status_code == 302
    assert client.get("/").status_code == 200


def test_signing_out_ends_a_single_sign_on_session(sso_settings, app, client, make, provider):
    make.user(email="sam.lee@council.example")
    sso_sign_in(client, provider)
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    assert client.get("/").status_code == 302


def test_a_single_sign_on_session_has_the_same_time_limit(
    sso_settings, app, client, make, provider
):
    make.user(email="sam.lee@council.example")
    sso_sign_in(client, provider)
    with client.session_transaction() as session:
        assert session.permanent  # the idle limit applies
        session["signed_in_at"] = int(time.time()) - 11 * 3600
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_a_deactivation_ends_a_single_sign_on_session(sso_settings, app, client, make, provider):
    user = make.user(email="sam.lee@council.example")
    sso_sign_in(client, provider)
    update_user(user, name=user.name, role=user.role, team=None, agency=None, active=False)
    db.session.commit()
    assert client.get("/").status_code == 302


def test_a_provider_that_does_not_answer_gets_a_plain_refusal(sso_settings, app, client):
    app.config["OIDC_ISSUER_URL"] = "http://127.0.0.1:9"  # nothing listens on the discard port
    from qa_audit.auth.single_sign_on import register

    app.extensions.pop("authlib.integrations.flask_client")
    register(app)
    pressed = client.get("/login/sso")
    assert pressed.status_code == 403
    assert REFUSED in pressed.get_data(as_text=True)
    assert "provider did not answer" in last_entry().detail


def test_the_settings_are_read_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("OIDC_ISSUER_URL", "https://login.example/tenant/v2.0/")
    monkeypatch.setenv("OIDC_ALLOWED_ISSUERS", "https://a.example/v2.0, https://b.example/v2.0")
    monkeypatch.setenv("OIDC_GROUP_ROLES", "g-1=qa_lead, g-2=auditor")
    monkeypatch.setenv("PASSWORD_SIGN_IN", "off")
    settings = load_settings(str(tmp_path))
    assert settings["OIDC_ISSUER_URL"] == "https://login.example/tenant/v2.0"
    assert settings["OIDC_ALLOWED_ISSUERS"] == ("https://a.example/v2.0", "https://b.example/v2.0")
    assert settings["OIDC_GROUP_ROLES"] == (("g-1", "qa_lead"), ("g-2", "auditor"))
    assert settings["OIDC_EMAIL_CLAIM"] == "email"
    assert settings["PASSWORD_SIGN_IN"] is False


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        ({"PASSWORD_SIGN_IN": "off"}, "nobody could sign in"),
        ({"OIDC_ISSUER_URL": "https://login.example"}, "set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET"),
        (
            {
                "OIDC_ISSUER_URL": "https://login.example",
                "OIDC_CLIENT_ID": "x",
                "OIDC_CLIENT_SECRET": "y",
                "OIDC_GROUP_ROLES": "g=qa-lead",
            },
            "OIDC_GROUP_ROLES names no such role: qa-lead",
        ),
    ],
)
def test_settings_that_would_lock_everyone_out_stop_the_start(tmp_path, settings, complaint):
    env = {"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}", **settings}
    out = str(tmp_path / "report.pdf")
    result = CliRunner().invoke(main, ["report", "--term", "autumn-2025", "--out", out], env=env)
    assert result.exit_code != 0
    assert complaint in result.output
    assert "Traceback" not in result.output


def test_the_callback_is_rate_limited_like_signing_in(sso_settings, extra_app):
    app = extra_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    with app.app_context():
        client = app.test_client()
        codes = [client.get("/login/sso/callback?code=x&state=y").status_code for _ in range(4)]
    assert codes == [403, 403, 403, 429]


def test_an_admin_forgets_the_identity_and_the_next_sign_in_binds_afresh(
    sso_settings, app, client, make, provider
):
    app.config["MFA_REQUIRED_ROLES"] = frozenset()
    user = make.user(email="sam.lee@council.example")
    assert sso_sign_in(client, provider).status_code == 302
    admin_client = app.test_client()
    login(admin_client, make.user("admin"))
    url = f"/admin/users/{user.id}"
    assert "Forget the single sign-on identity" in admin_client.get(url).get_data(as_text=True)
    form = {"name": user.name, "role": "auditor", "team": "", "agency": "", "active": "y"}
    form |= {"forget_single_sign_on": "y", "csrf_token": csrf_token_from(admin_client, url)}
    assert admin_client.post(url, data=form).status_code == 302
    assert last_entry().action == "single_sign_on_forgotten"
    assert client.get("/").status_code == 302  # their session ended
    assert sso_sign_in(client, provider, sub="subject-2").status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).oidc_subject == "subject-2"


def test_with_passwords_off_an_admin_adds_an_account_without_a_link(
    sso_settings, app, client, make, provider
):
    app.config["PASSWORD_SIGN_IN"] = False
    make.user("admin", email="sam.lee@council.example")
    assert sso_sign_in(client, provider).status_code == 302
    page = client.get("/admin/users/new").get_data(as_text=True)
    assert "signs in through Test Council" in page
    form = {"email": "new.person@council.example", "name": "New Person", "role": "auditor"}
    form |= {"team": "", "agency": "", "csrf_token": csrf_token_from(client, "/admin/users/new")}
    added = client.post("/admin/users/new", data=form)
    assert added.status_code == 302
    assert added.headers["Location"] == "/admin/users"
    made = db.session.scalar(select(User).where(User.email == "new.person@council.example"))
    assert made.role == "auditor"
