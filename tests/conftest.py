"""Shared fixtures: one migrated database per backend per test session, emptied after each test.

Backends: SQLite always; PostgreSQL too: a private server is started for the session when
PostgreSQL is installed (or ``TEST_POSTGRES_URL`` names one). ``QA_AUDIT_REQUIRE_POSTGRES=1``
(set by ``.ci/run``) turns a missing PostgreSQL into a failure instead of a skip.
Tests of the analysis queue get a private Redis server the same way (``QA_AUDIT_REQUIRE_REDIS=1``).

Property-based tests run under a Hypothesis profile: ``ci`` (the default) tries the same cases
on every run, so a failure in CI can be run again locally; ``HYPOTHESIS_PROFILE=long`` tries
forty times as many fresh random cases, for a longer run before a release.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from flask import Flask, g, request_started
from flask_migrate import upgrade
from hypothesis import HealthCheck, Phase, settings
from redis import Redis
from sqlalchemy import create_engine, text

from qa_audit.app import create_app
from qa_audit.extensions import db
from tests.factories import Factory
from tests.services import postgres_bin, postgres_server, redis_installed, redis_server

BACKENDS = ["sqlite", "postgres"]
CI_EXAMPLES = 50

settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
    derandomize=True,
    deadline=None,
    phases=[phase for phase in Phase if phase != Phase.explain],
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=40 * CI_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    if url := os.environ.get("TEST_POSTGRES_URL"):
        yield url
    elif postgres_bin() is not None:
        with postgres_server() as url:
            yield url
    elif os.environ.get("QA_AUDIT_REQUIRE_POSTGRES") == "1":
        pytest.fail("PostgreSQL is required for this run but is not installed")
    else:
        yield None


@pytest.fixture(scope="session")
def redis_server_url() -> Iterator[str]:
    if redis_installed():
        with redis_server() as url:
            yield url
    elif os.environ.get("QA_AUDIT_REQUIRE_REDIS") == "1":
        pytest.fail("Redis is required for this run but is not installed")
    else:
        pytest.skip("Redis is not installed (Debian package 'redis-server')")


@pytest.fixture
def redis_url(redis_server_url) -> Iterator[str]:
    """The session's Redis server, emptied after each test like the database tables."""
    yield redis_server_url
    with Redis.from_url(redis_server_url) as client:
        client.flushdb()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory) -> Iterator[str]:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    base = request.getfixturevalue("postgres_url")
    if not base:
        pytest.skip("PostgreSQL is not installed")
    name = f"qa_audit_test_{os.getpid()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def migrated(database_url, tmp_path_factory) -> str:
    """Schema built the only supported way: the committed Alembic migrations."""
    instance = tmp_path_factory.mktemp("instance")
    app = create_app(app_settings(database_url, instance))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return database_url


def app_settings(database_url: str, instance) -> dict:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "SESSION_COOKIE_SECURE": False,
        "UPLOAD_FOLDER": str(instance / "uploads"),
        "REPORT_FOLDER": str(instance / "reports"),
        "RATELIMIT_ENABLED": False,
        "ANALYSIS_QUEUE": "inline",
        # Two-factor sign-in is tested on its own (tests/web/test_two_factor.py); the other
        # tests sign in with a password alone.
        "MFA_REQUIRED_ROLES": frozenset(),
    }


@pytest.fixture
def app_config(migrated, tmp_path) -> dict:
    """Override keys per test by updating this dict before using ``app``."""
    return app_settings(migrated, tmp_path)


def _forget_previous_request(sender, **extra) -> None:
    """Tests keep one app context open, so ``g`` would outlive a request (and with it the
    signed-in user and CSRF token); in production every request has a fresh one."""
    for key in list(g):
        g.pop(key)


@pytest.fixture
def app(app_config) -> Iterator[Flask]:
    app = create_app(app_config)
    request_started.connect(_forget_previous_request, app)
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


@pytest.fixture
def extra_app(app_config) -> Iterator:
    """Build a second app with changed settings; its connections are closed afterwards."""
    built = []

    def build(**overrides) -> Flask:
        extra = create_app({**app_config, **overrides})
        request_started.connect(_forget_previous_request, extra)
        built.append(extra)
        return extra

    yield build
    for extra in built:
        with extra.app_context():
            db.engine.dispose()


def _empty_all_tables() -> None:
    with db.engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app) -> Factory:
    return Factory()
