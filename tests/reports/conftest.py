"""Fixtures for report tests."""

from __future__ import annotations

import pytest

from tests.reports.factories import ReportWorld


@pytest.fixture
def world(app, make) -> ReportWorld:
    return ReportWorld(make.user("auditor"), make.user("auditor"))
