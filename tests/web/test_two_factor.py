"""Two-factor sign-in with real TOTP codes from pyotp: setting it up, signing in with a code or
a recovery code, replays refused, the rate limit, and the roles that must use it."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from qa_audit.auth import two_factor
from qa_audit.cli import main
from qa_audit.extensions import db
from qa_audit.models import AccessLog, RecoveryCode, User
from tests.factories import PASSWORD, csrf_token_from, login

STEP = 30


def _post(client, path: str, **data):
    return client.post(path, data={"csrf_token": csrf_token_from(client, path), **data})


def _enrol(client, user) -> tuple[str, list[str]]:
    """Set it up through the page as the signed-in ``user``: the key, the recovery codes."""
    page = client.get("/account/two-factor").get_data(as_text=True)
    secret = re.search(r'id="totp-key">([A-Z2-7]+)<', page).group(1)
    done = _post(client, "/account/two-factor", code=pyotp.TOTP(secret).now())
    assert done.status_code == 200
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", done.get_data(as_text=True))
    return secret, codes


def _actions(user_id: int) -> list[str]:
    query = select(AccessLog.action).where(AccessLog.object_id == user_id).order_by(AccessLog.id)
    return list(db.session.scalars(query))


def _next_code(secret: str) -> str:
    """The code of the next time step: accepted (one step of clock drift is allowed), and later
    than the step spent setting it up, so no test waits for the clock."""
    return pyotp.TOTP(secret).at(time.time() + STEP)


@pytest.fixture
def enrolled(app, make):
    """A QA lead with two-factor sign-in on, signed out; their key and recovery codes."""
    user = make.user("qa_lead")
    client = app.test_client()
    login(client, user)
    secret, codes = _enrol(client, user)
    db.session.expire_all()
    return user, secret, codes


def test_setting_up_shows_a_qr_code_drawn_inline_and_ten_recovery_codes(app, client, make):
    user = make.user("auditor")
    login(client, user)
    page = client.get("/account/two-factor").get_data(as_text=True)
    assert '<svg role="img" aria-label="QR code to scan"' in page
    assert "<img" not in page.split('id="main-content"')[-1]  # nothing fetched for the code
    secret, codes = _enrol(client, user)
    assert len(codes) == 10 and len(set(codes)) == 10
    db.session.expire_all()
    stored = db.session.get(User, user.id)
    assert stored.totp_secret == secret
    hashes = db.session.scalars(
        select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)
    )
    hashes = list(hashes)
    assert len(hashes) == 10 and all(h.startswith("$argon2id$") for h in hashes)
    assert not any(code.replace("-", "") in h for code in codes for h in hashes)
    assert "two_factor_on" in _actions(user.id)
    again = client.get("/account/two-factor").get_data(as_text=True)
    assert "10 unused recovery codes" in again and 'id="recovery-codes"' not in again  # once


def test_a_wrong_code_does_not_turn_it_on(client, make):
    user = make.user("auditor")
    login(client, user)
    client.get("/account/two-factor")
    body = _post(client, "/account/two-factor", code="000000").get_data(as_text=True)
    assert "The code is not right" in body
    db.session.expire_all()
    assert db.session.get(User, user.id).totp_secret is None


def _session_cookie(app, client) -> dict:
    """The session as the browser holds it, decoded with the app's own session interface."""
    interface = app.session_interface
    cookie = client.get_cookie(interface.get_cookie_name(app))
    return interface.get_signing_serializer(app).loads(cookie.value)


def _key_on(page) -> str:
    return re.search(r'id="totp-key">([A-Z2-7]+)<', page.get_data(as_text=True)).group(1)


def _pending(user_id: int) -> str | None:
    db.session.expire_all()
    return db.session.get(User, user_id).totp_pending_secret


def test_the_key_being_set_up_stays_on_the_server_and_a_new_start_replaces_it(app, client, make):
    user = make.user("auditor")
    login(client, user)
    first = _key_on(client.get("/account/two-factor"))
    cookie = _session_cookie(app, client)
    assert cookie.get("_user_id") == user.get_id()  # the real session, decoded
    assert first.lower() not in repr(cookie).lower()
    assert _pending(user.id) == first
    assert _key_on(client.get("/account/two-factor")) == first  # the set-up goes on

    elsewhere = app.test_client()  # set-up started again, in another session
    login(elsewhere, user)
    second = _key_on(elsewhere.get("/account/two-factor"))
    assert second != first and _pending(user.id) == second
    refused = _post(client, "/account/two-factor", code=pyotp.TOTP(first).now())
    assert "The code is not right" in refused.get_data(as_text=True)
    assert _key_on(refused) == second
    assert second.lower() not in repr(_session_cookie(app, client)).lower()

    done = _post(client, "/account/two-factor", code=pyotp.TOTP(second).now())
    assert 'id="recovery-codes"' in done.get_data(as_text=True)
    db.session.expire_all()
    stored = db.session.get(User, user.id)
    assert (stored.totp_secret, stored.totp_pending_secret) == (second, None)


def test_signing_out_mid_set_up_forgets_the_key(client, make):
    user = make.user("auditor")
    login(client, user)
    client.get("/account/two-factor")
    assert _pending(user.id) is not None
    signed_out = client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    assert signed_out.status_code == 302 and _pending(user.id) is None


def test_sign_in_asks_for_the_code_and_accepts_a_fresh_one(app, enrolled):
    user, secret, _ = enrolled
    client = app.test_client()
    response = login(client, user)
    assert response.headers["Location"] == "/login/code"
    assert client.get("/").status_code == 302  # not signed in with the password alone
    done = _post(client, "/login/code", code=_next_code(secret))
    assert done.status_code == 302 and done.headers["Location"] == "/"
    assert client.get("/").status_code == 200


def test_the_same_code_is_refused_a_second_time(app, enrolled):
    user, secret, _ = enrolled
    code = _next_code(secret)
    first, second = app.test_client(), app.test_client()
    login(first, user)
    login(second, user)
    assert _post(first, "/login/code", code=code).status_code == 302
    replay = _post(second, "/login/code", code=code)
    assert "already been used" in replay.get_data(as_text=True)
    assert second.get("/").status_code == 302
    assert "sign_in_code_failed" in _actions(user.id)


def test_a_code_from_an_earlier_step_than_one_used_is_refused(app, enrolled):
    user, secret, _ = enrolled
    now = time.time()
    totp = pyotp.TOTP(secret)
    assert two_factor.accept_code(user, totp.at(now + STEP), now=now)  # the next step
    assert not two_factor.accept_code(user, totp.at(now), now=now)  # the current: older
    assert not two_factor.accept_code(user, totp.at(now + 3 * STEP), now=now)  # too far ahead


def test_a_wrong_code_is_refused_and_logged(app, enrolled):
    user, _, _ = enrolled
    client = app.test_client()
    login(client, user)
    body = _post(client, "/login/code", code="123456").get_data(as_text=True)
    assert "The code is not right" in body
    assert client.get("/").status_code == 302


def test_a_recovery_code_works_once(app, enrolled):
    user, _, codes = enrolled
    client = app.test_client()
    login(client, user)
    done = _post(client, "/login/code", code=codes[0].upper())
    assert done.status_code == 302
    assert "You have 9 left" in client.get("/").get_data(as_text=True)
    assert "recovery_code_used" in _actions(user.id)
    other = app.test_client()
    login(other, user)
    assert "The code is not right" in _post(other, "/login/code", code=codes[0]).get_data(
        as_text=True
    )


def test_the_code_page_without_a_password_first_sends_to_sign_in(client, make):
    response = client.get("/login/code")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    login(client, make.user("auditor"))
    assert client.get("/login/code").headers["Location"] == "/"
    assert client.get("/").status_code == 200  # still signed in


def test_code_guessing_is_rate_limited_per_account(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, MFA_RATE_LIMIT="3 per minute")
    with app.app_context():
        user = make.user("qa_lead")
        client = app.test_client()
        login(client, user)
        _enrol(client, user)
        codes = []
        for _ in range(4):  # a fresh sign-in (and cookie) each time: the account's limit holds
            guesser = app.test_client()
            login(guesser, user)
            codes.append(_post(guesser, "/login/code", code="000000").status_code)
    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize("role", ["admin", "qa_lead"])
def test_required_roles_must_set_it_up_before_anything_else(extra_app, make, role):
    app = extra_app(MFA_REQUIRED_ROLES=frozenset({"admin", "qa_lead"}))
    with app.app_context():
        client = app.test_client()
        user = make.user(role)
        login(client, user)
        for path in ("/", "/account/password"):
            blocked = client.get(path)
            assert blocked.status_code == 302
            assert blocked.headers["Location"] == "/account/two-factor"
        assert "Your role must sign in with a code" in client.get("/account/two-factor").get_data(
            as_text=True
        )
        _enrol(client, user)
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("role", ["auditor", "sen_manager"])
def test_other_roles_are_not_made_to_set_it_up(extra_app, make, role):
    app = extra_app(MFA_REQUIRED_ROLES=frozenset({"admin", "qa_lead"}))
    with app.app_context():
        client = app.test_client()
        login(client, make.user(role))
        assert client.get("/").status_code == 200


def test_admins_and_qa_leads_must_use_it_by_default(monkeypatch, tmp_path):
    from qa_audit.config import load_settings

    monkeypatch.delenv("MFA_REQUIRED_ROLES", raising=False)
    assert load_settings(str(tmp_path))["MFA_REQUIRED_ROLES"] == {"admin", "qa_lead"}
    monkeypatch.setenv("MFA_REQUIRED_ROLES", "")
    assert load_settings(str(tmp_path))["MFA_REQUIRED_ROLES"] == frozenset()


def test_an_admin_turns_it_off_for_a_lost_phone(app, make, enrolled):
    user, _, _ = enrolled
    admin = make.user("admin")
    theirs = app.test_client()
    login(theirs, user)  # waiting for their code
    client = app.test_client()
    login(client, admin)
    url = f"/admin/users/{user.id}"
    assert "Turn off two-factor sign-in" in client.get(url).get_data(as_text=True)
    data = {"name": user.name, "role": user.role, "team": "", "agency": "", "active": "y"}
    assert _post(client, url, **data, remove_two_factor="y").status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).totp_secret is None
    assert (
        db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id)).all() == []
    )
    assert "two_factor_removed" in _actions(user.id)
    assert theirs.get("/login/code").status_code == 302  # the half-done sign-in has ended
    assert login(app.test_client(), user).headers["Location"] == "/"


def test_a_new_password_comes_first_then_two_factor_set_up(extra_app, make):
    app = extra_app(MFA_REQUIRED_ROLES=frozenset({"admin", "qa_lead"}))
    with app.app_context():
        client = app.test_client()
        user = make.user("admin")
        user.must_change_password = True
        db.session.commit()
        assert login(client, user).headers["Location"] == "/account/password"
        assert client.get("/account/password").status_code == 200
        assert client.get("/account/two-factor").headers["Location"] == "/account/password"
        new = "marmalade otter lantern"
        changed = _post(client, "/account/password", current=PASSWORD, password=new, confirm=new)
        assert changed.status_code == 302
        assert client.get("/").headers["Location"] == "/account/two-factor"
        _enrol(client, user)
        assert client.get("/").status_code == 200


def test_a_misspelt_role_stops_the_service_starting_with_a_plain_message(tmp_path):
    settings = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "a-test-secret-key-of-some-length",
        "MFA_REQUIRED_ROLES": "admin,qa-lead",
    }
    out = str(tmp_path / "report.pdf")
    result = CliRunner().invoke(
        main, ["report", "--term", "autumn-2025", "--out", out], env=settings
    )
    assert result.exit_code != 0
    assert "MFA_REQUIRED_ROLES names no such role: qa-lead" in result.output
    assert "Traceback" not in result.output


def _codes_in(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", response.get_data(as_text=True))


def _signs_in_with(app, user, code: str) -> bool:
    client = app.test_client()
    login(client, user)
    return _post(client, "/login/code", code=code).status_code == 302


def test_new_recovery_codes_take_the_password_or_an_app_code_and_end_the_old_ones(app, enrolled):
    user, secret, old = enrolled
    client = app.test_client()
    login(client, user)
    assert _post(client, "/login/code", code=old[0]).status_code == 302
    path = "/account/two-factor/recovery-codes"
    assert path in client.get("/account/two-factor").get_data(as_text=True)
    for wrong in (old[1], "not my password", "000000"):  # a recovery code does not count
        refused = _post(client, path, answer=wrong)
        assert "That is not your password, nor a current code" in refused.get_data(as_text=True)
    assert _actions(user.id).count("recovery_codes_refused") == 3
    by_app = _codes_in(_post(client, path, answer=_next_code(secret)))
    assert len(by_app) == 10 and not set(by_app) & set(old)
    assert not _signs_in_with(app, user, old[2])
    by_password = _codes_in(_post(client, path, answer=PASSWORD))
    assert len(set(by_password)) == 10 and not set(by_password) & set(by_app)
    assert not _signs_in_with(app, user, by_app[0])
    assert _signs_in_with(app, user, by_password[0])
    assert _actions(user.id).count("recovery_codes_replaced") == 2
    unused = select(RecoveryCode).where(RecoveryCode.user_id == user.id)
    assert len(db.session.scalars(unused.where(RecoveryCode.used_at.is_(None))).all()) == 9


def test_new_recovery_codes_need_two_factor_on_and_are_rate_limited(extra_app, make):
    app = extra_app(RATELIMIT_ENABLED=True, MFA_RATE_LIMIT="2 per minute")
    with app.app_context():
        user = make.user("auditor")
        client = app.test_client()
        login(client, user)
        path = "/account/two-factor/recovery-codes"
        assert client.get(path).headers["Location"] == "/account/two-factor"
        _enrol(client, user)
        answers = [_post(client, path, answer="wrong").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
