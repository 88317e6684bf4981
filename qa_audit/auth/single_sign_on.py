"""Single sign-on through the organisation's OpenID Connect provider (Microsoft Entra ID or
another), with Authlib as the client.

The authorisation code flow with PKCE (S256), a state and a nonce kept in the session cookie and
each usable once. The ID token's RS256/PS256/ES256 signature is checked against the provider's
JWKS, and its issuer (one of ``OIDC_ALLOWED_ISSUERS``, else the provider's own), audience (this
service's client id), expiry and nonce.

The person is matched to an account by the email in ``OIDC_EMAIL_CLAIM``, ignoring case,
refused when the provider says that email is not verified. The account is then bound to the
provider's issuer and subject: a later sign-in with the same email but another identity (an
address reused or claimed by someone else) is refused, and the bound identity still signs in
after its email changed. Accounts are created by an administrator, or by ``OIDC_GROUP_ROLES``
when the person is in one of the groups named there (their role follows the group at each
sign-in). Operations flush, never commit.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, current_app, url_for
from sqlalchemy import select

from qa_audit.auth.accounts import create_user, end_sessions, find_user, update_user
from qa_audit.errors import QaAuditError
from qa_audit.extensions import db
from qa_audit.models import User
from qa_audit.models._base import utcnow
from qa_audit.models.user import ROLES

CLIENT = "oidc"
SIGNATURE_ALGORITHMS = ["RS256", "PS256", "ES256"]
SECONDS_OF_CLOCK_SKEW = 60
PROVIDER_TIMEOUT_SECONDS = 10


class SignInRefused(Exception):
    """The provider's answer does not sign anyone in here. ``reason`` goes to the access log
    (never the email itself); the person sees one plain page whatever the reason."""

    def __init__(self, reason: str, account_id: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.account_id = account_id


def enabled() -> bool:
    return bool(current_app.config["OIDC_ISSUER_URL"])


def check_settings(config: Mapping) -> None:
    """Refuse at start-up settings that would leave nobody able to sign in, or that name roles
    that do not exist."""
    if config["OIDC_ISSUER_URL"] and not (
        config["OIDC_CLIENT_ID"] and config["OIDC_CLIENT_SECRET"]
    ):
        raise QaAuditError("OIDC_ISSUER_URL is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too.")
    if not config["PASSWORD_SIGN_IN"] and not config["OIDC_ISSUER_URL"]:
        raise QaAuditError(
            "PASSWORD_SIGN_IN is off and single sign-on is not set up (OIDC_ISSUER_URL): "
            "nobody could sign in."
        )
    if unknown := sorted({role for _, role in config["OIDC_GROUP_ROLES"]} - set(ROLES)):
        raise QaAuditError(
            f"OIDC_GROUP_ROLES names no such role: {', '.join(unknown)}. "
            f"Roles are: {', '.join(ROLES)}."
        )


def register(app: Flask) -> None:
    """Register the provider's client with this app (nothing is fetched until someone signs in:
    then the discovery document and the JWKS, kept for the life of the process)."""
    if not app.config["OIDC_ISSUER_URL"]:
        return
    from authlib.integrations.flask_client import OAuth

    oauth = OAuth(app)
    oauth.register(
        CLIENT,
        client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=app.config["OIDC_ISSUER_URL"] + "/.well-known/openid-configuration",
        client_kwargs={
            "scope": "openid email profile",
            "code_challenge_method": "S256",
            "default_timeout": PROVIDER_TIMEOUT_SECONDS,
        },
    )


def _client():
    return current_app.extensions["authlib.integrations.flask_client"].create_client(CLIENT)


def redirect_to_provider():
    """The answer that sends the browser to the provider, with a new state, nonce and PKCE
    verifier kept in the session. Raises :class:`SignInRefused`."""
    import requests

    client = _client()
    try:
        _trust_only_strong_signatures(client)
    except requests.RequestException as err:
        raise SignInRefused(f"provider did not answer: {type(err).__name__}") from err
    return client.authorize_redirect(url_for("single_sign_on.callback", _external=True))


def _trust_only_strong_signatures(client) -> None:
    """Whatever the discovery document offers ("none" included), only these are accepted."""
    metadata = client.load_server_metadata()
    offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    metadata["id_token_signing_alg_values_supported"] = [
        alg for alg in offered if alg in SIGNATURE_ALGORITHMS
    ] or ["RS256"]


def verified_claims() -> dict:
    """The claims of the ID token the provider sent back to the callback, every check made.
    Raises :class:`SignInRefused`."""
    import requests
    from authlib.integrations.base_client import OAuthError
    from joserfc.errors import JoseError

    client = _client()
    try:
        _trust_only_strong_signatures(client)
        allowed = list(current_app.config["OIDC_ALLOWED_ISSUERS"]) or [
            client.load_server_metadata()["issuer"]
        ]
        token = client.authorize_access_token(
            claims_options={
                "iss": {"essential": True, "values": allowed},
                # Authlib alone accepts another audience when ``azp`` names this client.
                "aud": {"essential": True, "values": [current_app.config["OIDC_CLIENT_ID"]]},
                "sub": {"essential": True},
            },
            leeway=SECONDS_OF_CLOCK_SKEW,
        )
    except requests.RequestException as err:
        raise SignInRefused(f"provider did not answer: {type(err).__name__}") from err
    except OAuthError as err:
        raise SignInRefused(f"provider's answer refused: {err.error}") from err
    except JoseError as err:
        raise SignInRefused(f"ID token refused: {err.error}: {err.description}") from err
    except (KeyError, TypeError, ValueError) as err:
        raise SignInRefused(f"provider's answer unreadable: {type(err).__name__}") from err
    claims = token.get("userinfo")
    if claims is None:
        raise SignInRefused("provider sent no ID token")
    return dict(claims)


def account_for(claims: Mapping) -> User:
    """The account the verified claims sign in, created or given its role by the group mapping
    where one is set. Raises :class:`SignInRefused`."""
    config = current_app.config
    email = claims.get(config["OIDC_EMAIL_CLAIM"])
    if not isinstance(email, str) or "@" not in email:
        raise SignInRefused(f"no email in claim {config['OIDC_EMAIL_CLAIM']}")
    if "email_verified" in claims and claims["email_verified"] is not True:
        raise SignInRefused("email not verified by the provider")
    role = mapped_role(claims)
    identity = (claims["iss"], claims["sub"])
    user = _bound_to(*identity) or find_user(email)
    if user is None:
        if role is None:
            raise SignInRefused("no account for this email")
        user = create_user(email=email, name=_name(claims, email), role=role, password=None)
    if not user.active:
        raise SignInRefused("account deactivated", user.id)
    if user.oidc_subject is None:
        user.oidc_issuer, user.oidc_subject = identity  # bound from now on
    elif (user.oidc_issuer, user.oidc_subject) != identity:
        raise SignInRefused("account bound to another identity at the provider", user.id)
    if role is not None and role != user.role:
        update_user(
            user, name=user.name, role=role, team=user.team, agency=user.agency, active=True
        )
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def forget_identity(user: User) -> None:
    """An administrator's undoing of the binding (the person's identity at the provider was
    made again): the next single sign-on with the account's email binds it afresh. Every
    session of the account ends."""
    user.oidc_issuer = user.oidc_subject = None
    end_sessions(user)


def _bound_to(issuer: str, subject: str) -> User | None:
    query = select(User).where(User.oidc_issuer == issuer, User.oidc_subject == subject)
    return db.session.scalar(query)


def mapped_role(claims: Mapping) -> str | None:
    """The role of the first ``OIDC_GROUP_ROLES`` group the person is in, if a mapping is set."""
    claim = current_app.config["OIDC_GROUP_CLAIM"]
    groups = claims.get(claim) if claim else None
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        return None
    for group, role in current_app.config["OIDC_GROUP_ROLES"]:
        if group in groups:
            return role
    return None


def _name(claims: Mapping, email: str) -> str:
    name = claims.get("name")
    return name.strip()[:120] if isinstance(name, str) and name.strip() else email.split("@")[0]
