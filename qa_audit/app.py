"""The application factory."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from qa_audit.config import load_settings, project_root
from qa_audit.extensions import csrf, db, limiter, login_manager, migrate
from qa_audit.web.commit_point import CommittingFlask
from qa_audit.web.database_ids import DatabaseIdConverter

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(overrides: dict | None = None) -> Flask:
    root = project_root()
    app = CommittingFlask(
        __name__,
        instance_relative_config=True,
        template_folder=str(root / "templates"),
        static_folder=str(root / "static"),
    )
    app.config.from_mapping(load_settings(app.instance_path))
    app.config.update(overrides or {})
    app.config["SESSION_COOKIE_NAME"] = session_cookie_name(app.config["SESSION_COOKIE_SECURE"])
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        # Client address (for the sign-in limit and the access log) and scheme from the proxies.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    app.url_map.converters["int"] = DatabaseIdConverter
    logging.basicConfig(
        level=app.config["LOG_LEVEL"], format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )

    register_extensions(app)
    register_templates(app)
    register_blueprints(app)
    check_settings(app)
    register_request_hooks(app)
    register_commands(app)
    return app


def check_settings(app: Flask) -> None:
    """Settings whose mistakes would quietly weaken the service stop it starting instead."""
    from qa_audit.alerts.mail import check_mail_settings
    from qa_audit.alerts.rules import EXTENSION, load_rules
    from qa_audit.auth import single_sign_on
    from qa_audit.auth.two_factor import check_required_roles

    check_required_roles(app.config["MFA_REQUIRED_ROLES"])
    single_sign_on.check_settings(app.config)
    check_mail_settings(app.config)
    app.extensions[EXTENSION] = load_rules(app.config["ALERT_RULES"])


def session_cookie_name(secure: bool) -> str:
    """``__Host-`` makes browsers insist on Secure, ``Path=/`` and no Domain (ASVS 3.4.4); they
    refuse such a cookie over plain HTTP, so the prefix goes with the Secure flag."""
    return "__Host-qa_audit_session" if secure else "qa_audit_session"


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Sign in to continue."
    login_manager.session_protection = "strong"

    from qa_audit.auth import single_sign_on
    from qa_audit.auth.accounts import load_user

    login_manager.user_loader(load_user)
    single_sign_on.register(app)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """SQLite: write-ahead log so readers never block the writer, and wait rather than fail."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def register_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(app.template_folder),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    from govuk_frontend_wtf.main import WTFormsHelpers

    from qa_audit.template_helpers import register_template_helpers

    WTFormsHelpers(app)
    register_template_helpers(app)


def register_blueprints(app: Flask) -> None:
    from qa_audit.admin.access_log_page import bp as access_log_bp
    from qa_audit.admin.matrices import bp as matrices_bp
    from qa_audit.admin.views import bp as admin_bp
    from qa_audit.advice.views import bp as advice_bp
    from qa_audit.advice_quality.views import bp as advice_quality_bp
    from qa_audit.alerts.views import bp as alerts_bp
    from qa_audit.audits.views import bp as audits_bp
    from qa_audit.auth.single_sign_on_views import bp as single_sign_on_bp
    from qa_audit.auth.two_factor_views import bp as two_factor_bp
    from qa_audit.auth.views import bp as auth_bp
    from qa_audit.family.views import bp as family_bp
    from qa_audit.feedback.views import bp as feedback_bp
    from qa_audit.home.views import bp as home_bp
    from qa_audit.moderation.routes import bp as moderation_bp
    from qa_audit.national.views import bp as national_bp
    from qa_audit.plans.views import bp as plans_bp
    from qa_audit.reports.views import bp as reports_bp
    from qa_audit.sampling.routes import bp as sampling_bp
    from qa_audit.timeliness.views import bp as timeliness_bp
    from qa_audit.uploads.views import bp as uploads_bp

    blueprints = (
        auth_bp,
        two_factor_bp,
        single_sign_on_bp,
        home_bp,
        admin_bp,
        access_log_bp,
        alerts_bp,
        matrices_bp,
        plans_bp,
        uploads_bp,
        advice_bp,
        audits_bp,
        advice_quality_bp,
        feedback_bp,
        family_bp,
        sampling_bp,
        moderation_bp,
        reports_bp,
        timeliness_bp,
        national_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def register_request_hooks(app: Flask) -> None:
    from qa_audit.auth.session_guard import enforce_access
    from qa_audit.web.errors import register_error_handlers
    from qa_audit.web.security_headers import add_security_headers

    app.before_request(enforce_access)
    app.after_request(add_security_headers)
    register_error_handlers(app)


def register_commands(app: Flask) -> None:
    from qa_audit.commands import register

    register(app)
