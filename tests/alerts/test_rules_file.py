"""The alert rules file: read at start-up, every problem reported at once in plain words."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from qa_audit.alerts.rules import load_rules, parse_rules
from qa_audit.app import create_app
from qa_audit.config import project_root
from qa_audit.errors import MatrixError, QaAuditError
from tests.conftest import app_settings


def test_the_shipped_rules_read_cleanly():
    rules = load_rules(project_root() / "matrix" / "alerts" / "rules.toml")
    assert (rules.many_plans_viewed.count, rules.many_plans_viewed.window) == (
        30,
        timedelta(minutes=10),
    )
    assert rules.failed_sign_ins.count == 5
    assert rules.working_hours.days == frozenset(range(5))
    assert (rules.working_hours.starts, rules.working_hours.ends) == (time(7), time(19))
    assert rules.no_recent_backup == rules.backup_warning_age == timedelta(hours=26)


def test_every_problem_is_reported_with_its_line():
    text = (
        "[failed_sign_ins]\nattempts = 0\nminutes = 'x'\n"
        "[downloads_out_of_hours]\nworking_days = ['mon', 'funday']\nstarts = '7'\n"
        "ends = '06:00'\nminutes = 5\n"
        "[many_plan_viewed]\n"
    )
    with pytest.raises(MatrixError) as raised:
        parse_rules(text, "rules.toml")
    lines = str(raised.value).splitlines()
    assert lines == [
        "rules.toml, line 2, rule 'failed_sign_ins': 'attempts' must be a whole number of at "
        "least 1 (found 0)",
        "rules.toml, line 3, rule 'failed_sign_ins': 'minutes' must be a whole number of at "
        "least 1 (found 'x')",
        "rules.toml, line 4, rule 'downloads_out_of_hours': 'downloads' is missing",
        "rules.toml, line 5, rule 'downloads_out_of_hours': 'working_days' has unknown value "
        "'funday' (allowed: mon, tue, wed, thu, fri, sat, sun)",
        "rules.toml, line 6, rule 'downloads_out_of_hours': 'starts' must be a time of day such "
        "as \"07:30\" (found '7')",
        "rules.toml, line 9: unknown field 'many_plan_viewed' (known fields: "
        "auditor_unassigned_plan, downloads_out_of_hours, failed_sign_ins, many_plans_viewed, "
        "no_recent_backup)",
    ]


def test_working_hours_must_end_after_they_start():
    text = (
        "[downloads_out_of_hours]\nstarts = '19:00'\nends = '07:00'\ndownloads = 1\nminutes = 1\n"
    )
    with pytest.raises(MatrixError, match="'ends' must be later in the day than 'starts'"):
        parse_rules(text, "rules.toml")


def test_rules_left_out_or_turned_off_do_not_run():
    rules = parse_rules("[failed_sign_ins]\nenabled = false\n", "rules.toml")
    assert rules.failed_sign_ins is None and rules.many_plans_viewed is None
    assert rules.no_recent_backup is None
    assert rules.backup_warning_age == timedelta(hours=26)  # the home still warns
    off = parse_rules("[no_recent_backup]\nenabled = false\nhours = 50\n", "rules.toml")
    assert off.no_recent_backup is None and off.backup_warning_age == timedelta(hours=50)


def test_a_broken_rules_file_stops_the_service_starting_in_plain_words(tmp_path):
    broken = tmp_path / "rules.toml"
    broken.write_text("[failed_sign_ins]\nattempts = -1\nminutes = 5\n")
    settings = app_settings("sqlite://", tmp_path) | {"ALERT_RULES": str(broken)}
    with pytest.raises(MatrixError, match="line 2, rule 'failed_sign_ins': 'attempts' must"):
        create_app(settings)
    with pytest.raises(MatrixError, match="the alert rules file does not exist"):
        create_app(settings | {"ALERT_RULES": str(tmp_path / "none.toml")})


def test_mail_settings_missing_what_a_message_needs_stop_the_service_starting(tmp_path):
    settings = app_settings("sqlite://", tmp_path) | {"SMTP_HOST": "127.0.0.1"}
    with pytest.raises(QaAuditError, match="MAIL_FROM and SERVICE_URL are not: set them too"):
        create_app(settings)
    with pytest.raises(QaAuditError, match="SERVICE_URL must start with https://"):
        create_app(settings | {"MAIL_FROM": "qa@example.org", "SERVICE_URL": "qa.example.org"})
