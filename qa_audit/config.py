"""Settings from environment variables, with safe defaults for the embedded single-machine setup."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from qa_audit.errors import QaAuditError


def project_root() -> Path:
    """Folder holding ``templates/``, ``static/`` and ``matrix/`` (``QA_AUDIT_ROOT`` overrides)."""
    configured = os.environ.get("QA_AUDIT_ROOT")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise QaAuditError(f"{name} must be a whole number, not '{value}'.") from None


def _roles(name: str, default: str) -> frozenset[str]:
    value = os.environ.get(name, default)
    return frozenset(role.strip() for role in value.split(",") if role.strip())


def _list(name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in os.environ.get(name, "").split(",") if item.strip())


def _pairs(name: str) -> tuple[tuple[str, str], ...]:
    """``"a=x,b=y"`` as ``(("a", "x"), ("b", "y"))``, in the order written."""
    pairs = (item.rpartition("=") for item in _list(name))
    return tuple((key.strip(), value.strip()) for key, _, value in pairs)


def _secret_key(instance: Path) -> str:
    """``SECRET_KEY`` from the environment, else one generated once and kept in ``instance/``."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def load_settings(instance_path: str) -> dict:
    """All configuration keys the app reads, from the environment."""
    instance = Path(instance_path)
    root = project_root()
    idle_minutes = _int("SESSION_IDLE_MINUTES", 30)
    absolute_hours = _int("SESSION_ABSOLUTE_HOURS", 10)
    return {
        "SECRET_KEY": _secret_key(instance),
        "SQLALCHEMY_DATABASE_URI": os.environ.get(
            "DATABASE_URL", f"sqlite:///{instance / 'qa_audit.sqlite3'}"
        ),
        # Test each pooled connection before use, so the first request after the database
        # restarts gets a new connection instead of an error.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "UPLOAD_FOLDER": os.environ.get("UPLOAD_FOLDER", str(instance / "uploads")),
        "REPORT_FOLDER": os.environ.get("REPORT_FOLDER", str(instance / "reports")),
        "MATRIX_DIR": os.environ.get("MATRIX_DIR", str(root / "matrix")),
        "ACTIVE_MATRIX": os.environ.get("ACTIVE_MATRIX", "default"),
        # The matrix professional advice is audited against: MATRIX_DIR/advice/<name>.toml.
        "ACTIVE_ADVICE_MATRIX": os.environ.get("ACTIVE_ADVICE_MATRIX", "default"),
        # Printed on the termly report's cover and board summary.
        "COUNCIL_NAME": os.environ.get("COUNCIL_NAME", "").strip(),
        "MAX_CONTENT_LENGTH": _int("MAX_UPLOAD_MB", 200) * 1024 * 1024,
        "MAX_DOCUMENT_MB": _int("MAX_DOCUMENT_MB", 25),
        "MAX_PDF_PAGES": _int("MAX_PDF_PAGES", 300),
        # How long a set-password link an administrator passes on keeps working.
        "PASSWORD_LINK_HOURS": _int("PASSWORD_LINK_HOURS", 72),
        # Feedback from families: the questions, how long a link works, and per-address limits
        # on the public form (every request; and links that turned out not to work, which
        # bounds guessing).
        "FAMILY_QUESTIONS": os.environ.get(
            "FAMILY_QUESTIONS", str(root / "matrix" / "family" / "questions.toml")
        ),
        "FAMILY_LINK_WEEKS": _int("FAMILY_LINK_WEEKS", 8),
        "FAMILY_RATE_LIMIT": os.environ.get("FAMILY_RATE_LIMIT", "30 per minute;300 per hour"),
        "FAMILY_FAILED_LINK_LIMIT": os.environ.get("FAMILY_FAILED_LINK_LIMIT", "10 per hour"),
        # Terms with more submitted audits than this have their report files built in the
        # background (about 1.5 s of rendering per 500 audits) instead of inside the request.
        "REPORT_BACKGROUND_ABOVE": _int("REPORT_BACKGROUND_ABOVE", 300),
        "DOCUMENT_PARSE_TIMEOUT": _int("DOCUMENT_PARSE_TIMEOUT", 30),
        "DOCUMENT_MEMORY_MB": _int("DOCUMENT_MEMORY_MB", 512),
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=idle_minutes),
        "SESSION_ABSOLUTE_LIFETIME": timedelta(hours=absolute_hours),
        "SESSION_REFRESH_EACH_REQUEST": True,
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_DURATION": timedelta(seconds=0),
        # A CSRF token lasts as long as a session may, so a long scoring form never loses it.
        "WTF_CSRF_TIME_LIMIT": absolute_hours * 3600,
        # Roles that must sign in with a code from an authenticator app as well as a password.
        # Someone in one of these roles who has not set it up is taken to set it up at their
        # next sign-in, and can reach nothing else until they have. Empty turns the rule off
        # (anyone may still set it up for themselves).
        "MFA_REQUIRED_ROLES": _roles("MFA_REQUIRED_ROLES", "admin,qa_lead"),
        "MFA_RATE_LIMIT": os.environ.get("MFA_RATE_LIMIT", "5 per minute;30 per hour"),
        # Single sign-on through the organisation's OpenID Connect provider (on when
        # OIDC_ISSUER_URL is set). Issuers allowed: the provider's own unless listed (several
        # tenants, e.g. NHS partners). OIDC_GROUP_ROLES maps the provider's groups to roles,
        # "group=role,...", the first that matches wins; without it only accounts an
        # administrator created can sign in.
        "OIDC_ISSUER_URL": os.environ.get("OIDC_ISSUER_URL", "").strip().rstrip("/"),
        "OIDC_CLIENT_ID": os.environ.get("OIDC_CLIENT_ID", "").strip(),
        "OIDC_CLIENT_SECRET": os.environ.get("OIDC_CLIENT_SECRET", "").strip(),
        "OIDC_ALLOWED_ISSUERS": _list("OIDC_ALLOWED_ISSUERS"),
        "OIDC_EMAIL_CLAIM": os.environ.get("OIDC_EMAIL_CLAIM", "email").strip(),
        "OIDC_GROUP_CLAIM": os.environ.get("OIDC_GROUP_CLAIM", "").strip(),
        "OIDC_GROUP_ROLES": _pairs("OIDC_GROUP_ROLES"),
        "OIDC_PROVIDER_NAME": os.environ.get("OIDC_PROVIDER_NAME", "your organisation").strip(),
        # Off: only single sign-on; the password pages refuse.
        "PASSWORD_SIGN_IN": _flag("PASSWORD_SIGN_IN", True),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "LOGIN_RATE_LIMIT": os.environ.get("LOGIN_RATE_LIMIT", "10 per minute;50 per hour"),
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "ANALYSIS_QUEUE": os.environ.get(
            "ANALYSIS_QUEUE", "rq" if os.environ.get("REDIS_URL") else "thread"
        ),
        "TERM_STARTS": os.environ.get("TERM_STARTS", "autumn=09-01,spring=01-01,summer=04-01"),
        # Targets of the timeliness measures, as shares: "within_20_weeks=0.6,...". Measures
        # not named keep their defaults (qa_audit/timeliness/measures.py).
        "TIMELINESS_TARGETS": os.environ.get("TIMELINESS_TARGETS", ""),
        # Alerts on unusual activity: the rules' thresholds, and where alerts are e-mailed.
        # No SMTP_HOST: alerts are shown in the service only.
        "ALERT_RULES": os.environ.get(
            "ALERT_RULES", str(root / "matrix" / "alerts" / "rules.toml")
        ),
        "SMTP_HOST": os.environ.get("SMTP_HOST", "").strip(),
        "SMTP_PORT": _int("SMTP_PORT", 587),
        "SMTP_STARTTLS": _flag("SMTP_STARTTLS", True),
        "SMTP_USERNAME": os.environ.get("SMTP_USERNAME", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "").strip(),
        # Addresses alerts go to (comma-separated); empty: every active administrator.
        "ALERT_EMAIL_TO": os.environ.get("ALERT_EMAIL_TO", "").strip(),
        # The service's address as people reach it, for links in e-mails
        # ("https://qa.example.gov.uk").
        "SERVICE_URL": os.environ.get("SERVICE_URL", "").strip(),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        # How many reverse proxies in front of the app set X-Forwarded-For and -Proto. With 0
        # (the default) those headers are ignored, since a client could write them itself.
        "TRUSTED_PROXIES": _int("TRUSTED_PROXIES", 0),
    }
