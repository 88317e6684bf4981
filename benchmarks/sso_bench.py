"""Median time of a whole single sign-on through an OpenID Connect provider on loopback, against
a password sign-in measured in the same run.

Run: ``python -m benchmarks.sso_bench [--runs 15]``

The app is served over HTTP on loopback (a temporary SQLite database); the provider is the
tests' own process (``tests/oidc_provider.py``, Authlib's server, RS256). Each sign-in is a new
browser (a fresh ``requests`` session) and follows every redirect:

- single sign-on: the button's link, the provider's authorize endpoint, the app's callback
  (the app exchanges the code and checks the ID token), the home page;
- password: the sign-in page, the form sent, the home page.

The first of each is left out of the median (the provider's discovery document and keys are
fetched once per process). Target: under 1 s.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import requests
from flask_migrate import upgrade
from werkzeug.serving import make_server

from benchmarks.timing import seconds
from qa_audit.app import create_app
from tests.factories import PASSWORD, Factory, csrf_token_in
from tests.oidc_provider import oidc_provider
from tests.services import free_port

TARGET = 1.0
EMAIL = "bench.lead@council.example"


def sso_sign_in(base: str) -> None:
    browser = requests.Session()
    home = browser.get(f"{base}/login/sso", timeout=30)
    assert home.url == f"{base}/", f"single sign-on ended at {home.url}"


def password_sign_in(base: str) -> None:
    browser = requests.Session()
    token = csrf_token_in(browser.get(f"{base}/login", timeout=30).text)
    form = {"email": EMAIL, "password": PASSWORD, "csrf_token": token}
    home = browser.post(f"{base}/login", data=form, timeout=30)
    assert home.url == f"{base}/", f"password sign-in ended at {home.url}"


def _median(action: Callable[[str], None], base: str, runs: int) -> float:
    action(base)  # warm: discovery, JWKS, first queries
    return statistics.median(seconds(action, base) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    logging.disable(logging.INFO)
    folder = Path(tempfile.mkdtemp(prefix="sso-bench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with oidc_provider(f"{base}/login/sso/callback") as provider:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
                "SECRET_KEY": "sso-bench",
                "SESSION_COOKIE_SECURE": False,
                "RATELIMIT_ENABLED": False,
                "MFA_REQUIRED_ROLES": frozenset(),
                "OIDC_ISSUER_URL": provider.issuer,
                "OIDC_CLIENT_ID": provider.client_id,
                "OIDC_CLIENT_SECRET": provider.client_secret,
            }
        )
        with app.app_context():
            upgrade()
            Factory().user("qa_lead", email=EMAIL)
        provider.sign_in_as(sub="bench-1", email=EMAIL, email_verified=True)
        server = make_server("127.0.0.1", port, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            password = _median(password_sign_in, base, args.runs)
            sso = _median(sso_sign_in, base, args.runs)
        finally:
            server.shutdown()
            thread.join(timeout=5)
    verdict = "OK" if sso < TARGET else "OVER TARGET"
    print(
        f"single sign-on {sso * 1000:6.0f} ms | password sign-in {password * 1000:6.0f} ms | "
        f"ratio {sso / password:4.1f}x | median of {args.runs} | "
        f"target < {TARGET * 1000:.0f} ms: {verdict}"
    )


if __name__ == "__main__":
    main()
