"""Factories for users, plans and audits, committed so a test server sees them too."""

from __future__ import annotations

import io
import itertools
import re
from datetime import date

from qa_audit.analysis.dispatch import enqueue_analysis
from qa_audit.auth import accounts
from qa_audit.extensions import db
from qa_audit.models import Audit, Plan, User
from qa_audit.synthetic import generate_plan
from qa_audit.uploads.importing import import_document

PASSWORD = "correct-horse-battery"
_counter = itertools.count(1)


class Factory:
    def user(self, role: str = "auditor", **fields) -> User:
        number = next(_counter)
        user = accounts.create_user(
            email=fields.pop("email", f"{role}{number}@example.org"),
            name=fields.pop("name", f"Test {role} {number}"),
            role=role,
            password=fields.pop("password", PASSWORD),
            **fields,
        )
        db.session.commit()
        return user

    def plan(self, **fields) -> Plan:
        number = next(_counter)
        fields.setdefault("reference", f"EHCP-T-{number:05d}")
        fields.setdefault("issue_date", date(2025, 10, 1))
        fields.setdefault("kind", "new")
        fields.setdefault("team", "North")
        plan = Plan(**fields)
        db.session.add(plan)
        db.session.commit()
        return plan

    def document(self, plan: Plan, seed: int = 1, layout: str = "headed", fmt: str = "docx"):
        """A real generated plan document, imported the way an upload is."""
        generated = generate_plan(seed, layout, fmt)
        result = import_document(generated.data, generated.filename, user=None, plan=plan)
        assert result.status == "imported", result.message
        db.session.commit()
        enqueue_analysis([result.document.id])
        return result.document

    def audit(self, plan: Plan, auditor: User, **fields) -> Audit:
        audit = Audit(plan_id=plan.id, auditor_id=auditor.id, **fields)
        db.session.add(audit)
        db.session.commit()
        return audit


def login(client, user: User, password: str = PASSWORD):
    """Sign in through the real form (CSRF checks stay on: the token is read from the page)."""
    page = client.get("/login")
    token = csrf_token_in(page.get_data(as_text=True))
    return client.post(
        "/login", data={"email": user.email, "password": password, "csrf_token": token}
    )


def upload_plan(client, data: bytes, filename: str, reference: str, kind: str = "new", **fields):
    """Post one plan document through the upload form, as the user signed in on ``client``."""
    form = {"reference": reference, "kind": kind, **fields}
    form["csrf_token"] = csrf_token_from(client, "/plans/upload")
    form["document"] = (io.BytesIO(data), filename)
    return client.post("/plans/upload", data=form, content_type="multipart/form-data")


def csrf_token_in(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


def csrf_token_from(client, path: str) -> str:
    return csrf_token_in(client.get(path).get_data(as_text=True))


def plan_with_front_matter(*fields: tuple[str, str], body: str = "Sam likes trains.") -> bytes:
    """A small Word plan whose front page is a table of ``(label, value)`` rows, as many
    councils print the plan's details, followed by a section A."""
    from docx import Document

    document = Document()
    document.add_heading("Education, Health and Care Plan", level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in fields:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading("Section A: The views, interests and aspirations of the child", level=2)
    document.add_paragraph(body)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
