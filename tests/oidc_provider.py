"""A small OpenID Connect provider for the tests and the benchmark, built from Authlib's server
components and run as its own process on loopback: discovery, JWKS, authorize (code flow, PKCE
S256 required, nonce required) and token endpoints, ID tokens signed RS256 with a key made at
start.

Nobody types a password here: the authorize endpoint signs in whoever the test last named
(``POST /test/person``), as a provider would after its own sign-in and MFA. A test can also ask
for the next ID tokens to be wrong in one way (``fault``): signed with a key not in the JWKS, for
another audience, already expired, with another nonce, or from another issuer.

Run: ``python -m tests.oidc_provider PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI``.
"""

from __future__ import annotations

import contextlib
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import requests
from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, jsonify, request
from joserfc.jwk import KeySet, RSAKey

from tests.app_processes import process_environment, wait_for
from tests.services import free_port

FAULTS = {"wrong_key", "wrong_audience", "expired", "wrong_nonce", "other_issuer"}
KEY_ID = "provider-key-1"


@dataclass
class Client:
    client_id: str
    client_secret: str
    redirect_uri: str

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in scope.split() if s in {"openid", "email", "profile"})

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri == self.redirect_uri

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(self.client_secret, client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in {"client_secret_basic", "client_secret_post"}

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class Code:
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: dict
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None

    def is_expired(self) -> bool:
        return time.time() - self.auth_time > 60


@dataclass
class State:
    """What the provider holds in memory: its keys, one client, codes not yet used, the person
    who signs in next and the fault asked for."""

    issuer: str
    client: Client
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, {"kid": KEY_ID}))
    forger: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, {"kid": KEY_ID}))
    codes: dict[str, Code] = field(default_factory=dict)
    person: dict = field(default_factory=dict)
    fault: str | None = None


def build_provider(state: State) -> Flask:
    app = Flask(__name__)

    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

        def save_authorization_code(self, code, request):
            payload = request.payload
            state.codes[code] = Code(
                code=code,
                client_id=request.client.client_id,
                redirect_uri=payload.redirect_uri,
                scope=payload.scope,
                user=request.user,
                nonce=payload.data.get("nonce"),
                code_challenge=payload.data.get("code_challenge"),
                code_challenge_method=payload.data.get("code_challenge_method"),
            )

        def query_authorization_code(self, code, client):
            found = state.codes.get(code)
            if found and found.client_id == client.client_id and not found.is_expired():
                return found
            return None

        def delete_authorization_code(self, authorization_code):
            state.codes.pop(authorization_code.code, None)  # a code works once

        def authenticate_user(self, authorization_code):
            return authorization_code.user

    class IdTokens(OpenIDCode):
        def exists_nonce(self, nonce, request):
            return any(code.nonce == nonce for code in state.codes.values())

        def resolve_client_private_key(self, client):
            return state.forger if state.fault == "wrong_key" else state.key

        def get_client_algorithm(self, client):
            return "RS256"

        def get_encode_header(self, client):
            return {"alg": "RS256", "kid": KEY_ID}

        def get_client_claims(self, client):
            now = int(time.time())
            expired = state.fault == "expired"
            audience = "another-client" if state.fault == "wrong_audience" else client.client_id
            issuer = f"{state.issuer}/other-tenant" if state.fault == "other_issuer" else None
            return {
                "iss": issuer or state.issuer,
                "aud": [audience],
                "azp": client.client_id,
                "iat": now - 3600 if expired else now,
                "exp": now - 1800 if expired else now + 300,
            }

        def get_authorization_code_claims(self, authorization_code):
            claims = super().get_authorization_code_claims(authorization_code)
            if state.fault == "wrong_nonce":
                claims["nonce"] = secrets.token_urlsafe(16)
            return claims

        def generate_user_info(self, user, scope):
            return dict(user)

    server = AuthorizationServer(
        app,
        query_client=lambda client_id: (
            state.client if client_id == state.client.client_id else None
        ),
        save_token=lambda token, request: None,
    )
    server.register_grant(CodeGrant, [IdTokens(require_nonce=True), CodeChallenge(required=True)])

    @app.get("/.well-known/openid-configuration")
    def discovery():
        return jsonify(
            issuer=state.issuer,
            authorization_endpoint=f"{state.issuer}/authorize",
            token_endpoint=f"{state.issuer}/token",
            jwks_uri=f"{state.issuer}/jwks",
            response_types_supported=["code"],
            subject_types_supported=["public"],
            id_token_signing_alg_values_supported=["RS256"],
            code_challenge_methods_supported=["S256"],
            token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post"],
        )

    @app.get("/jwks")
    def jwks():
        return jsonify(KeySet([state.key]).as_dict(private=False))

    @app.get("/authorize")
    def authorize():
        return server.create_authorization_response(grant_user=dict(state.person))

    @app.post("/token")
    def token():
        return server.create_token_response()

    @app.post("/test/person")
    def set_person():
        body = request.get_json()
        state.person = body["person"]
        state.fault = body.get("fault")
        if state.fault is not None and state.fault not in FAULTS:
            return jsonify(error=f"no such fault {state.fault}"), 400
        return jsonify(ok=True)

    return app


@dataclass
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str

    def sign_in_as(self, fault: str | None = None, **person) -> None:
        """The person the next authorization signs in (``sub``, ``email``, ``email_verified``,
        ``name``, ``groups``), and the fault its ID token should have."""
        reply = requests.post(
            f"{self.issuer}/test/person", json={"person": person, "fault": fault}, timeout=5
        )
        reply.raise_for_status()


@contextlib.contextmanager
def oidc_provider(redirect_uri: str) -> Iterator[RunningProvider]:
    """Start the provider on a free loopback port; stop it afterwards."""
    port = free_port()
    client_id, client_secret = "qa-audit", secrets.token_urlsafe(24)
    command = [sys.executable, "-m", "tests.oidc_provider", str(port), client_id, client_secret]
    process = subprocess.Popen(
        [*command, redirect_uri], env=process_environment(), stderr=subprocess.DEVNULL
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        wait_for(
            lambda: _answers(f"{issuer}/.well-known/openid-configuration"),
            timeout=20,
            what="the OpenID Connect provider",
        )
        yield RunningProvider(issuer, client_id, client_secret)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).ok
    except requests.ConnectionError:
        return False


def main() -> None:
    from werkzeug.serving import make_server

    port, client_id, client_secret, redirect_uri = sys.argv[1:5]
    issuer = f"http://127.0.0.1:{port}"
    state = State(issuer=issuer, client=Client(client_id, client_secret, redirect_uri))
    make_server("127.0.0.1", int(port), build_provider(state), threaded=True).serve_forever()


if __name__ == "__main__":
    main()
