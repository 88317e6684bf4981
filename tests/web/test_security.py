import re

from tests.factories import csrf_token_from, login


def test_security_headers_and_strict_csp(client, make):
    login(client, make.user("qa_lead"))
    response = client.get("/")
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    body = response.get_data(as_text=True)
    # Every inline script carries this response's nonce.
    for tag in re.findall(r"<script[^>]*>", body):
        assert f'nonce="{nonce}"' in tag
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"


def test_nonce_changes_per_response(client):
    first = client.get("/login").headers["Content-Security-Policy"]
    second = client.get("/login").headers["Content-Security-Policy"]
    assert first != second


def test_session_cookie_flags_in_default_config(app_config, extra_app, monkeypatch):
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    app_config.pop("SESSION_COOKIE_SECURE")
    app = extra_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    with app.app_context():
        response = app.test_client().get("/login", base_url="https://localhost")
        headers = response.headers
    assert "Strict-Transport-Security" in headers


def test_cookie_set_on_sign_in_is_httponly(client, make):
    response = login(client, make.user("auditor"))
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_forms_without_csrf_token_are_refused(client, make):
    user = make.user("auditor")
    response = client.post("/login", data={"email": user.email, "password": "x" * 12})
    assert response.status_code == 400
    assert "form may have expired" in response.get_data(as_text=True)


def test_csrf_token_lasts_as_long_as_a_session(app):
    assert app.config["WTF_CSRF_TIME_LIMIT"] >= 8 * 3600


def test_forged_csrf_token_is_refused(client, make):
    login(client, make.user("admin"))
    response = client.post(
        "/admin/users/new",
        data={
            "csrf_token": "forged",
            "email": "x@example.org",
            "name": "X",
            "role": "admin",
            "password": "long-enough-password",
        },
    )
    assert response.status_code == 400
    assert csrf_token_from(client, "/")
