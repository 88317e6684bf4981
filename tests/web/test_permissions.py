"""Walk every route as every role and check the answer against the permission table."""

import pytest
from flask import url_for

from qa_audit.auth.permissions import PERMISSIONS, PUBLIC, can, required_action
from qa_audit.extensions import db
from qa_audit.models import ReportBuild
from qa_audit.models.user import ROLES
from qa_audit.web.json_views import answers_json
from tests.factories import csrf_token_from, login
from tests.sampling.world import sampling_values


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        yield rule, method


@pytest.fixture
def world(app, make):
    """One object of each kind, visible to each role's own object-level rules."""
    users = {role: make.user(role, team="North") for role in ROLES}
    plan = make.plan(team="North")
    audit = make.audit(plan, users["auditor"])
    document = make.document(plan)
    build = ReportBuild(term_id="autumn-2025", fmt="pdf", status="failed")
    db.session.add(build)
    db.session.commit()
    values = {
        "build_id": build.id,
        "plan_id": plan.id,
        "user_id": users["auditor"].id,
        "document_id": document.id,
        "audit_id": audit.id,
    }
    values.update(sampling_values(users))
    return {"users": users, "values": values}


def _url(app, rule, values):
    with app.test_request_context():
        return url_for(rule.endpoint, **{arg: values[arg] for arg in rule.arguments})


def test_every_route_declares_an_action(app):
    for rule, _ in _routes(app):
        action = required_action(app.view_functions[rule.endpoint])
        assert action == PUBLIC or action in PERMISSIONS, f"{rule.endpoint} declares no action"


def test_anonymous_users_are_sent_to_sign_in(app, client, world):
    for rule, method in _routes(app):
        if required_action(app.view_functions[rule.endpoint]) == PUBLIC:
            continue
        url = _url(app, rule, world["values"])
        response = client.open(url, method=method)
        response.close()
        if method == "POST" and response.status_code == 400:
            continue  # refused by CSRF before anything else: also safe
        if answers_json(app.view_functions[rule.endpoint]):
            assert response.status_code == 401 and response.is_json, rule.endpoint
            continue  # scripts are told, so the page can keep what was typed
        assert response.status_code == 302, rule.endpoint
        assert response.headers["Location"].startswith("/login"), rule.endpoint


@pytest.mark.parametrize("role", ROLES)
def test_role_by_route_matches_permission_table(app, client, world, role):
    login(client, world["users"][role])
    token = csrf_token_from(client, "/")
    for rule, method in _routes(app):
        action = required_action(app.view_functions[rule.endpoint])
        if action == PUBLIC or rule.endpoint == "auth.logout":
            continue
        url = _url(app, rule, world["values"])
        data = {"csrf_token": token} if method == "POST" else None
        response = client.open(url, method=method, data=data)
        response.close()
        if can(role, action):
            assert response.status_code not in (401, 403), f"{role} refused {rule.endpoint}"
            assert not response.headers.get("Location", "").startswith("/login")
        else:
            assert response.status_code == 403, f"{role} allowed {rule.endpoint}"
