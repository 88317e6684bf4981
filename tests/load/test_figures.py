"""The load test's arithmetic: percentiles, failures recorded as errors, saves sorted by what
else the server was doing, and figures combined over runs."""

from __future__ import annotations

import pytest

from benchmarks.load import LoadResult, LoadSettings
from benchmarks.load.report import combine
from benchmarks.load.stats import (
    OpFigures,
    Recorder,
    RequestFailed,
    Sample,
    UserStopped,
    percentile,
)


def test_percentile_is_a_measured_value_by_nearest_rank():
    values = [0.1 * n for n in range(1, 21)]  # 0.1 .. 2.0
    assert percentile(values, 0.50) == pytest.approx(1.0)
    assert percentile(values, 0.95) == pytest.approx(1.9)
    assert percentile([0.3], 0.95) == 0.3


def test_a_failed_request_is_recorded_as_an_error_and_stops_the_user():
    recorder = Recorder()
    with recorder.timed("autosave"):
        pass
    with pytest.raises(UserStopped), recorder.timed("autosave"):
        raise RequestFailed("HTTP 500 where 200 was expected")
    figures = OpFigures.of(recorder.samples)
    assert (figures.requests, figures.errors) == (2, 1)
    assert recorder.samples[1].problem == "HTTP 500 where 200 was expected"


def test_saves_are_grouped_by_the_uploads_and_analyses_they_overlapped():
    samples = [
        Sample("batch upload", 10.0, 2.0, True),
        Sample("autosave", 11.0, 0.1, True),  # during the upload
        Sample("autosave", 13.0, 0.1, True),  # during the analysis that followed it
        Sample("save button", 20.0, 0.2, True),  # nothing else running
        Sample("scoring page", 13.0, 0.5, True),  # not a save
    ]
    result = LoadResult(LoadSettings(), samples, [("analysis", 12.0, 15.0)], {"wall": 1}, 0, {}, {})
    groups = result.saves_by_activity()
    assert {name: figures.requests for name, figures in groups.items()} == {
        "while a batch uploaded": 1,
        "while analysis ran": 1,
        "with no upload or analysis": 1,
    }


def test_runs_combine_as_sums_of_counts_and_medians_of_percentiles():
    runs = [
        OpFigures(10, 0, 50, 200, 400),
        OpFigures(10, 1, 70, 260, 900),
        OpFigures(8, 0, 60, 240, 300),
    ]
    assert combine(runs) == OpFigures(28, 1, 60, 240, 900)
