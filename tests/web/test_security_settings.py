"""The session, password, sign-in limit and header settings that SECURITY.md promises, each
checked on what the server actually does."""

from __future__ import annotations

import stat
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from argon2 import PasswordHasher
from sqlalchemy import delete, select

from qa_audit.auth.passwords import password_problem, verify_password
from qa_audit.config import load_settings
from qa_audit.extensions import db
from qa_audit.models import AccessLog, User
from tests.factories import PASSWORD, csrf_token_from, login

CURRENT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$"
SETTINGS_FROM_ENVIRONMENT = (
    "SECRET_KEY",
    "SESSION_IDLE_MINUTES",
    "SESSION_ABSOLUTE_HOURS",
    "SESSION_COOKIE_SECURE",
    "LOGIN_RATE_LIMIT",
    "RATELIMIT_STORAGE_URI",
    "TRUSTED_PROXIES",
)


def test_defaults_for_sessions_and_sign_in(monkeypatch, tmp_path):
    for name in SETTINGS_FROM_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(str(tmp_path))
    assert settings["PERMANENT_SESSION_LIFETIME"] == timedelta(minutes=30)
    assert settings["SESSION_ABSOLUTE_LIFETIME"] == timedelta(hours=10)
    assert settings["SESSION_REFRESH_EACH_REQUEST"] is True
    assert settings["REMEMBER_COOKIE_DURATION"] == timedelta(0)
    assert settings["LOGIN_RATE_LIMIT"] == "10 per minute;50 per hour"
    assert settings["TRUSTED_PROXIES"] == 0  # X-Forwarded-For ignored unless a proxy is named
    # The generated secret key: 256 random bits, readable by the service's user only, kept.
    key_file = tmp_path / "secret_key"
    assert len(bytes.fromhex(settings["SECRET_KEY"])) == 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_settings(str(tmp_path))["SECRET_KEY"] == settings["SECRET_KEY"]


def _https_client(extra_app):
    app = extra_app(SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    client.environ_base["wsgi.url_scheme"] = "https"
    return app, client


def test_sign_in_cookie_is_host_only_secure_httponly_lax_and_expires_when_idle(extra_app, make):
    app, client = _https_client(extra_app)
    with app.app_context():
        response = login(client, make.user("auditor"))
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-qa_audit_session=")
    for attribute in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert attribute in cookie.split("; ")
    expires = parsedate_to_datetime(cookie.split("Expires=")[1].split(";")[0])
    idle_end = datetime.now(UTC) + timedelta(minutes=30)
    assert abs((expires - idle_end).total_seconds()) < 120
    assert "Domain=" not in cookie  # sent back to this host only


def test_idle_limit_holds_for_a_cookie_kept_past_its_expiry(app, client, make):
    """The browser drops the cookie after 30 idle minutes; the server refuses a kept copy too."""
    login(client, make.user("auditor"))
    kept = client.get_cookie("qa_audit_session").value
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    time.sleep(2.1)
    replay = app.test_client()
    replay.set_cookie("qa_audit_session", kept)
    assert replay.get("/").headers["Location"].startswith("/login")


def test_a_copy_of_the_session_cookie_stops_working_at_sign_out(app, client, make):
    login(client, make.user("auditor"))
    copy = client.get_cookie("qa_audit_session").value
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    replay = app.test_client()
    replay.set_cookie("qa_audit_session", copy)
    assert replay.get("/").headers["Location"].startswith("/login")


def test_password_length_rules_and_no_truncation():
    assert password_problem("plum kettle") == "Password must be at least 12 characters"
    assert password_problem("plum kettle!") is None
    passphrase = ("correct horse £ battery ✓ " * 6)[:128]
    assert password_problem(passphrase) is None
    assert password_problem(passphrase + "x") == "Password must be 128 characters or fewer"
    hashed = PasswordHasher().hash(passphrase)
    assert verify_password(hashed, passphrase)
    assert not verify_password(hashed, passphrase[:-1])


def test_a_hash_with_older_parameters_is_upgraded_at_sign_in(client, make):
    user = make.user("auditor")
    weaker = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    user.password_hash = weaker
    db.session.commit()
    assert login(client, user).status_code == 302
    db.session.expire_all()
    upgraded = db.session.get(User, user.id).password_hash
    assert upgraded.startswith(CURRENT_HASH)
    assert verify_password(upgraded, PASSWORD)


def test_default_sign_in_limit_refuses_the_eleventh_attempt_in_a_minute(
    app_config, extra_app, make, monkeypatch
):
    monkeypatch.delenv("LOGIN_RATE_LIMIT", raising=False)
    app = extra_app(RATELIMIT_ENABLED=True)
    with app.app_context():
        client = app.test_client()
        user = make.user("auditor")
        codes = [login(client, user, password="wrong-password").status_code for _ in range(11)]
        refused = login(client, user)  # the right password too, until the minute is over
    assert codes == [200] * 10 + [429]
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True)


EVERY_RESPONSE = {
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Permissions-Policy",
}


def test_security_headers_on_pages_errors_downloads_and_static_files(client, make):
    login(client, make.user("sen_manager"))
    plan = make.plan(team="North")
    document = make.document(plan)
    responses = {
        "page": client.get("/"),
        "error": client.get("/no-such-page"),
        "download": client.get(f"/documents/{document.id}/download"),
        "static": client.get("/static/js/init.mjs"),
    }
    for response in responses.values():
        response.close()
    for kind, response in responses.items():
        assert set(response.headers.keys()) >= EVERY_RESPONSE, kind
        assert response.headers["X-Content-Type-Options"] == "nosniff", kind
        assert response.headers["Referrer-Policy"] == "same-origin", kind
        assert response.headers["Permissions-Policy"].endswith("geolocation=()"), kind
        # Plain HTTP in the tests: no HSTS, which would pin a browser to HTTPS.
        assert "Strict-Transport-Security" not in response.headers, kind
        cache = response.headers.get("Cache-Control", "")
        assert ("no-store" in cache) == (kind != "static"), kind


def test_hsts_for_a_year_once_served_over_https(extra_app):
    app, client = _https_client(extra_app)
    with app.app_context():
        response = client.get("/login")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def _address_of_a_failed_sign_in(app, make, forwarded_for: str) -> str:
    with app.app_context():
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = "10.0.0.2"  # the proxy
        client.environ_base["HTTP_X_FORWARDED_FOR"] = forwarded_for
        login(client, make.user("auditor"), password="wrong-password")
        return db.session.scalars(select(AccessLog.ip)).one()


def test_client_address_comes_from_a_trusted_proxy_only(extra_app, make):
    assert _address_of_a_failed_sign_in(extra_app(), make, "203.0.113.9") == "10.0.0.2"
    db.session.execute(delete(AccessLog))
    db.session.commit()
    trusting = extra_app(TRUSTED_PROXIES=1)
    # Only the address the proxy itself added counts, not one the client wrote before it.
    assert _address_of_a_failed_sign_in(trusting, make, "6.6.6.6, 203.0.113.9") == "203.0.113.9"
