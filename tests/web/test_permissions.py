"""Walk every route as every role and check the answer against the permission table.

One test per route (and per route and role), so one wrong answer does not hide the others. The
routes are read from the app when the tests are collected: a new route is walked without being
listed here, and fails until it declares its action and the walk can fill in its URL.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from flask import Flask, url_for

from qa_audit.advice_quality.sampling import AdviceSampleRequest, draw_advice_sample
from qa_audit.app import create_app
from qa_audit.auth.permissions import PERMISSIONS, PUBLIC, can, required_action
from qa_audit.extensions import db
from qa_audit.models import Alert, Plan, PlanAdvice, ReportBuild
from qa_audit.models.user import ROLES
from qa_audit.web.json_views import answers_json
from tests.conftest import app_settings
from tests.factories import csrf_token_from, login
from tests.sampling.world import sampling_values


def _routes(app: Flask) -> list[tuple[str, str, str | None]]:
    """(endpoint, method walked, declared action) of every route; the method is GET where the
    route answers GET, else POST."""
    return sorted(
        (
            rule.endpoint,
            "GET" if "GET" in rule.methods else "POST",
            required_action(app.view_functions[rule.endpoint]),
        )
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
    )


def _collected_routes() -> list[tuple[str, str, str | None]]:
    with tempfile.TemporaryDirectory() as instance:
        return _routes(create_app(app_settings("sqlite://", Path(instance))))


def _params(routes, leave_out=()) -> list:
    return [pytest.param(*route, id=route[0]) for route in routes if route[0] not in leave_out]


ROUTES = _collected_routes()
PUBLIC_ROUTES = {endpoint for endpoint, _, action in ROUTES if action == PUBLIC}
SIGNED_IN_ROUTES = _params(ROUTES, PUBLIC_ROUTES)
WALKED_BY_ROLES = _params(ROUTES, PUBLIC_ROUTES | {"auth.logout"})


def check_declared(endpoint: str, action: str | None) -> None:
    assert action == PUBLIC or action in PERMISSIONS, f"{endpoint} declares no action"


SAMPLING_VALUES = ("term_id", "sample_id", "member_id", "audit_id", "action_id")


class World:
    """The objects a route's URL names, each visible to each role's own object-level rules,
    made when a URL first asks for them: most routes need none, and a walk of every route as
    every role is many short tests."""

    def __init__(self, make) -> None:
        self.make = make
        self.users: dict = {}
        self.values: dict = {}

    def user(self, role: str):
        if role not in self.users:
            self.users[role] = self.make.user(role, team="North")
        return self.users[role]

    def url(self, app: Flask, endpoint: str) -> str:
        rule = next(app.url_map.iter_rules(endpoint))
        values = {name: self.value(name) for name in sorted(rule.arguments)}
        with app.test_request_context():
            return url_for(endpoint, **values)

    def value(self, name: str):
        if name not in self.values:
            self.values.update(self._make(name))
        assert name in self.values, f"the route walk has no value for {name}: add one"
        return self.values[name]

    def _make(self, name: str) -> dict:
        if name == "plan_id":  # audited by the auditor, in the SEN managers' team
            plan = self.make.plan(team="North")
            self.make.audit(plan, self.user("auditor"))
            return {"plan_id": plan.id}
        if name == "user_id":
            return {"user_id": self.user("auditor").id}
        if name == "document_id":
            return {
                "document_id": self.make.document(db.session.get(Plan, self.value("plan_id"))).id
            }
        if name == "advice_id":
            advice = PlanAdvice(
                plan_id=self.value("plan_id"),
                source="CAMHS",
                received_on=date(2025, 10, 1),
                sha256="0" * 64,
                size=0,
                original_name="advice.docx",
                file_type="docx",
                recommendations=[],
            )
            db.session.add(advice)
            db.session.commit()
            return {"advice_id": advice.id}
        if name == "build_id":
            build = ReportBuild(term_id="autumn-2025", fmt="pdf", status="failed")
            db.session.add(build)
            db.session.commit()
            return {"build_id": build.id}
        if name == "alert_id":
            now = datetime.now(UTC)
            alert = Alert(rule="failed_sign_ins", first_at=now, last_at=now, count=5, summary="")
            db.session.add(alert)
            db.session.commit()
            return {"alert_id": alert.id}
        if name == "advice_audit_id":  # advice of the plan, in an advice sample for the auditor
            advice = PlanAdvice(
                plan_id=self.value("plan_id"),
                source="CAMHS",
                received_on=date(2025, 10, 2),
                sha256="1" * 64,
                size=0,
                original_name="camhs.docx",
                file_type="docx",
                recommendations=[{"text": "Weekly sessions with CAMHS.", "heading": ""}],
            )
            db.session.add(advice)
            db.session.commit()
            sample = draw_advice_sample(
                AdviceSampleRequest("autumn-2025", count=1, seed=1),
                {"CAMHS": self.user("auditor").id},
                None,
            )
            db.session.commit()
            return {"advice_audit_id": sample.audits[0].id}
        if name in SAMPLING_VALUES:  # a sample of the plan, double-marked by auditor and lead
            self.value("plan_id")
            return sampling_values({role: self.user(role) for role in ("auditor", "qa_lead")})
        return {}


@pytest.fixture
def world(app, make) -> World:
    return World(make)


@pytest.mark.parametrize(("endpoint", "method", "action"), _params(ROUTES))
def test_every_route_declares_an_action(endpoint, method, action):
    check_declared(endpoint, action)


@pytest.mark.parametrize(("endpoint", "method", "action"), SIGNED_IN_ROUTES)
def test_anonymous_users_are_sent_to_sign_in(app, client, world, endpoint, method, action):
    response = client.open(world.url(app, endpoint), method=method)
    response.close()
    if method == "POST" and response.status_code == 400:
        return  # refused by CSRF before anything else: also safe
    if answers_json(app.view_functions[endpoint]):
        assert response.status_code == 401 and response.is_json
        return  # scripts are told, so the page can keep what was typed
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("endpoint", "method", "action"), WALKED_BY_ROLES)
def test_role_by_route_matches_permission_table(app, client, world, endpoint, method, action, role):
    check_declared(endpoint, action)
    url = world.url(app, endpoint)
    login(client, world.user(role))
    data = {"csrf_token": csrf_token_from(client, "/")} if method == "POST" else None
    response = client.open(url, method=method, data=data)
    response.close()
    if can(role, action):
        assert response.status_code not in (401, 403), f"{role} refused {endpoint}"
        assert not response.headers.get("Location", "").startswith("/login")
    else:
        assert response.status_code == 403, f"{role} allowed {endpoint}"


def test_a_route_without_a_declared_action_fails_the_walk_and_is_refused(app, client, make):
    app.add_url_rule("/undeclared", "undeclared", lambda: "open to all")
    assert ("undeclared", "GET", None) in _routes(app)
    with pytest.raises(AssertionError, match="undeclared declares no action"):
        check_declared("undeclared", None)
    login(client, make.user("qa_lead"))
    assert client.get("/undeclared").status_code == 403


def test_a_route_the_walk_cannot_fill_in_fails_it(app, world):
    app.add_url_rule("/things/<int:thing_id>", "things", lambda thing_id: "")
    with pytest.raises(AssertionError, match="no value for thing_id"):
        world.url(app, "things")
