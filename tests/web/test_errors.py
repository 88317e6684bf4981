from qa_audit.auth.permissions import requires
from qa_audit.extensions import db
from qa_audit.models import Plan
from tests.factories import login


def test_unknown_page_is_a_404_in_the_service_layout(client, make):
    login(client, make.user("qa_lead"))
    response = client.get("/no-such-page")
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "Page not found" in body
    assert "EHCP quality assurance" in body


def test_forbidden_page_explains_itself(client, make):
    login(client, make.user("auditor"))
    response = client.get("/admin/users")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.get_data(as_text=True)


def test_unexpected_error_rolls_back_and_shows_a_reference_not_a_traceback(app, make, caplog):
    @requires("dashboard")
    def explode():
        db.session.add(Plan(reference="EHCP-ROLLED-BACK"))
        db.session.flush()
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/explode", "explode", explode)
    client = app.test_client()
    login(client, make.user("qa_lead"))
    response = client.get("/explode")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "secret internal detail" not in body
    assert "Reference:" in body
    db.session.remove()
    assert db.session.query(Plan).filter_by(reference="EHCP-ROLLED-BACK").count() == 0
    assert "unhandled error, reference" in caplog.text


def test_oversized_request_gets_a_413_page(app, client, make):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/login", data={"email": "a" * 4096})
    assert response.status_code == 413
    assert "The file is too large" in response.get_data(as_text=True)
