"""The alert rules' thresholds, from a TOML file beside the matrix (``ALERT_RULES``), checked
when the service starts: every problem is reported at once, naming the file, line and field.

Each rule is a table named after it; a rule left out, or with ``enabled = false``, is off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path

from flask import current_app

from qa_audit.matrix.fields import TableReader
from qa_audit.matrix.loading import parse_data_file, read_data_file

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
EXTENSION = "alert_rules"  # key in ``app.extensions``: the rules read at start-up


@dataclass(frozen=True)
class Burst:
    """``count`` entries within ``window`` of the first make an alert; entries within
    ``window`` of the last one belong to the same alert."""

    count: int
    window: timedelta


@dataclass(frozen=True)
class WorkingHours:
    days: frozenset[int]  # Monday 0
    starts: time
    ends: time

    def includes(self, weekday: int, clock: time) -> bool:
        return weekday in self.days and self.starts <= clock < self.ends


@dataclass(frozen=True)
class AlertRules:
    many_plans_viewed: Burst | None
    failed_sign_ins: Burst | None
    downloads_out_of_hours: Burst | None
    working_hours: WorkingHours | None
    auditor_unassigned_plan: Burst | None
    no_recent_backup: timedelta | None  # None: the rule is off
    backup_warning_age: timedelta  # the administrator's home warns from this age either way


DEFAULT_BACKUP_AGE = timedelta(hours=26)


def current_rules() -> AlertRules:
    return current_app.extensions[EXTENSION]


def load_rules(path: str | Path) -> AlertRules:
    return parse_rules(read_data_file(path, "alert rules file"), str(path))


def parse_rules(text: str, source_name: str) -> AlertRules:
    root = parse_data_file(text, source_name)
    root.reject_unknown(
        {
            "many_plans_viewed",
            "failed_sign_ins",
            "downloads_out_of_hours",
            "auditor_unassigned_plan",
            "no_recent_backup",
        }
    )
    many = _rule(root, "many_plans_viewed")
    failed = _rule(root, "failed_sign_ins")
    downloads = _rule(root, "downloads_out_of_hours")
    unassigned = _rule(root, "auditor_unassigned_plan")
    backup = _rule(root, "no_recent_backup", keep_when_off=True)
    if backup is not None:
        backup.reject_unknown({"enabled", "hours"})
    age = timedelta(hours=_whole(backup, "hours")) if backup else DEFAULT_BACKUP_AGE
    hours_keys = {"downloads", "minutes", "working_days", "starts", "ends"}
    rules = AlertRules(
        many_plans_viewed=many and _burst(many, "plans", {"plans", "minutes"}),
        failed_sign_ins=failed and _burst(failed, "attempts", {"attempts", "minutes"}),
        downloads_out_of_hours=downloads and _burst(downloads, "downloads", hours_keys),
        working_hours=downloads and _working_hours(downloads),
        auditor_unassigned_plan=unassigned and _burst(unassigned, None, {"minutes"}),
        no_recent_backup=age if backup and backup.boolean("enabled", True) else None,
        backup_warning_age=age,
    )
    root.problems.raise_if_any()
    return rules


def _rule(root: TableReader, name: str, *, keep_when_off: bool = False) -> TableReader | None:
    """The rule's table, or None when it is left out or (unless ``keep_when_off``) off."""
    table = root.sub_table(name, required=False)
    if not isinstance(root.table.get(name), Mapping):
        return None
    rule = TableReader(table, (name,), f"rule '{name}'", root.problems)
    return rule if keep_when_off or rule.boolean("enabled", True) else None


def _whole(rule: TableReader, key: str) -> int:
    """A whole number of at least 1 (problems recorded; 1 stands in for a wrong value)."""
    value = rule.table.get(key)
    if value is None:
        rule.problem(None, f"'{key}' is missing")
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        rule.problem(key, f"'{key}' must be a whole number of at least 1 (found {value!r})")
        return 1
    return value


def _burst(rule: TableReader, count_key: str | None, allowed: set[str]) -> Burst:
    rule.reject_unknown(allowed | {"enabled"})
    count = _whole(rule, count_key) if count_key else 1
    return Burst(count, timedelta(minutes=_whole(rule, "minutes")))


def _working_hours(rule: TableReader) -> WorkingHours:
    days = rule.text_list("working_days", allowed=DAYS)
    starts, ends = _clock(rule, "starts"), _clock(rule, "ends")
    if starts >= ends and "starts" in rule.table and "ends" in rule.table:
        rule.problem("ends", "'ends' must be later in the day than 'starts'")
    return WorkingHours(frozenset(DAYS.index(day) for day in days), starts, ends)


def _clock(rule: TableReader, key: str) -> time:
    value = rule.text(key)
    found = _CLOCK.match(value) if value else None
    if value and found is None:
        rule.problem(key, f"'{key}' must be a time of day such as \"07:30\" (found '{value}')")
    return time(int(found[1]), int(found[2])) if found else time(0)
