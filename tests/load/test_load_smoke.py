"""The load test's harness, run small on SQLite so it cannot rot: real gunicorn with two
workers, two auditors and one SEN manager for a few seconds, every request answered as expected
and every audit submitted."""

from __future__ import annotations

from benchmarks.load import LoadSettings, run_load

SMALL = LoadSettings(
    backend="sqlite",
    auditors=2,
    managers=1,
    saves=4,
    button_every=2,
    batches=1,
    batch_size=2,
    think_seconds=0.2,
    upload_pause_seconds=0.2,
    ramp_seconds=0.5,
    workers=2,
    max_seconds=30,
)


def test_small_load_run_has_no_errors_and_submits_every_audit(tmp_path):
    result = run_load(SMALL, tmp_path)

    assert result.errors == 0, sorted({s.problem for s in result.samples if not s.ok})
    assert result.log == {"database is locked": 0, "Traceback": 0, "WORKER TIMEOUT": 0}
    assert result.stored["audits submitted"] == 2
    assert result.stored["documents"] == 2 + 2  # the auditors' plans and the uploaded batch
    requests = {op: figures.requests for op, figures in result.figures.items()}
    assert requests["autosave"] == 2 * 2 and requests["save button"] == 2 * 2
    assert requests["submit"] == 2 and requests["batch upload"] == 1
    assert result.figures["autosave"].p95_ms > 0
