import time

from sqlalchemy import select

from qa_audit.analysis.dispatch import enqueue_analysis
from qa_audit.analysis.stored import documents_needing_analysis
from qa_audit.extensions import db
from qa_audit.models import Analysis
from qa_audit.nlp.version import ANALYSER_VERSION
from qa_audit.synthetic import generate_plan
from tests.factories import login, upload_plan


def test_uploaded_version_is_analysed_and_flags_are_shown(client, make):
    login(client, make.user("sen_manager", team="North"))
    # A conversion plan gives statement-era wording and re-badged objectives to flag.
    generated = generate_plan(5, "conversion", "docx")
    response = upload_plan(client, generated.data, "plan.docx", "EHCP-2025-0500", "conversion")
    assert response.status_code == 302
    analysis = db.session.scalar(select(Analysis))
    assert (analysis.status, analysis.analyser_version) == ("done", ANALYSER_VERSION)
    assert analysis.result["summary"]["outcomes"] == len(generated.truth.outcomes)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Pre-flags" in page
    assert "Conversion template" in page
    codes = {f["code"] for item in analysis.result["provision"] for f in item["flags"]}
    for code in codes:
        assert code.replace("_", " ") in page


def test_pending_and_failed_analyses_are_found_and_resumed(app, make, runner):
    plan = make.plan()
    first = make.document(plan, seed=6)
    second = make.document(plan, seed=7)
    analyses = db.session.scalars(select(Analysis)).all()
    assert {a.status for a in analyses} == {"done"}
    # Simulate a run interrupted by a restart, and one that failed.
    analyses[0].status = "running"
    analyses[1].status = "failed"
    db.session.commit()
    assert documents_needing_analysis() == [first.id, second.id]
    result = runner.invoke(args=["analyse-pending"])
    assert result.exit_code == 0, result.output
    assert "Analysed 2 document versions" in result.output
    db.session.expire_all()
    assert {a.status for a in db.session.scalars(select(Analysis))} == {"done"}
    assert documents_needing_analysis() == []


def test_background_thread_analyses_without_blocking_the_caller(app, make):
    plan = make.plan()
    document = make.document(plan, seed=8)
    db.session.query(Analysis).delete()
    db.session.commit()
    app.config["ANALYSIS_QUEUE"] = "thread"
    enqueue_analysis([document.id])
    assert _status_once_finished() == "done"


def _status_once_finished(seconds: float = 30) -> str | None:
    deadline = time.monotonic() + seconds
    status = None
    while time.monotonic() < deadline:
        db.session.expire_all()
        status = db.session.scalar(select(Analysis.status))
        if status in ("done", "failed"):
            break
        time.sleep(0.1)
    return status


def test_embedded_default_analyses_uploads_without_redis(app_config, extra_app, make, monkeypatch):
    """With no Redis configured the app is whole: uploads are analysed by a thread in the web
    process and sign-in limits are counted in memory."""
    for name in ("REDIS_URL", "ANALYSIS_QUEUE", "RATELIMIT_STORAGE_URI"):
        monkeypatch.delenv(name, raising=False)
    app_config.pop("ANALYSIS_QUEUE")
    app = extra_app()
    settings = (
        app.config[name] for name in ("ANALYSIS_QUEUE", "REDIS_URL", "RATELIMIT_STORAGE_URI")
    )
    assert tuple(settings) == ("thread", "", "memory://")
    with app.app_context():
        client = app.test_client()
        login(client, make.user("sen_manager", team="North"))
        generated = generate_plan(5, "conversion", "docx")
        response = upload_plan(client, generated.data, "plan.docx", "EHCP-2025-0501", "conversion")
        assert response.status_code == 302
        assert _status_once_finished() == "done"
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "Conversion template" in page
