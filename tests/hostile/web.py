"""Helpers for the hostile web tests."""

from __future__ import annotations

from flask import Flask, url_for
from sqlalchemy import select

from qa_audit.extensions import db


def snapshot() -> dict[str, list[str]]:
    """Every row of every table, as text: equal snapshots mean nothing was saved."""
    db.session.expire_all()
    with db.engine.connect() as connection:
        return {
            table.name: sorted(repr(tuple(row)) for row in connection.execute(select(table)))
            for table in db.metadata.sorted_tables
        }


def url(app: Flask, endpoint: str, values: dict) -> str:
    rule = next(rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint)
    with app.test_request_context():
        return url_for(endpoint, **{name: values[name] for name in rule.arguments})
