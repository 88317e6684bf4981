"""The alert rules on access-log rows built at chosen times: the edges of each threshold, one
alert per burst, and on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from qa_audit.alerts.checking import check_alerts
from qa_audit.extensions import db
from qa_audit.models import Alert, BackupRecord, PlanDocument
from qa_audit.models._base import as_utc
from tests.alerts.helpers import T0, entry, minutes, only


def check(rule: str, now: datetime, lookback: timedelta = timedelta(hours=24)) -> list[Alert]:
    new = check_alerts(only(rule), now, lookback)
    db.session.commit()
    return new


def stored() -> list[Alert]:
    return list(db.session.scalars(select(Alert).order_by(Alert.id)))


def views(user, at_minutes: list[float], references: list[str]) -> None:
    for offset, reference in zip(at_minutes, references, strict=True):
        entry(T0 + minutes(offset), "view_plan", "plan", 1, user, reference)


def test_three_different_plans_within_ten_minutes_raise_one_alert(app, make):
    reader, other = make.user("qa_lead"), make.user("qa_lead")
    views(reader, [0, 5, 10], ["EHCP-A", "EHCP-B", "EHCP-C"])  # ten minutes exactly
    views(other, [0, 5, 10, 10.01], ["EHCP-A", "EHCP-A", "EHCP-B", "EHCP-A"])  # two plans
    [alert] = check("many_plans_viewed", T0 + minutes(11))
    assert (alert.user_id, alert.count, alert.summary) == (reader.id, 3, "3 different plans opened")
    assert (as_utc(alert.first_at), as_utc(alert.last_at)) == (T0, T0 + minutes(10))


def test_plans_a_second_over_the_window_apart_raise_nothing(app, make):
    reader = make.user("qa_lead")
    entry(T0, "view_plan", "plan", 1, reader, "EHCP-A")
    entry(T0 + minutes(5), "download_document", "document", 1, reader, "EHCP-B")
    entry(T0 + minutes(10) + timedelta(seconds=1), "view_audit", "audit", 1, reader, "EHCP-C")
    assert check("many_plans_viewed", T0 + minutes(20)) == []


def test_a_burst_is_stored_once_and_grows_and_a_later_burst_is_another_alert(app, make):
    reader = make.user("qa_lead")
    views(reader, [0, 1, 2], ["EHCP-A", "EHCP-B", "EHCP-C"])
    assert len(check("many_plans_viewed", T0 + minutes(3))) == 1
    assert check("many_plans_viewed", T0 + minutes(4)) == []  # the same rows again
    views(reader, [9, 18], ["EHCP-D", "EHCP-E"])  # each within ten minutes of the one before
    assert check("many_plans_viewed", T0 + minutes(19)) == []
    [alert] = stored()
    assert (alert.count, as_utc(alert.last_at)) == (5, T0 + minutes(18))
    assert alert.summary == "5 different plans opened"
    views(reader, [40, 41, 42], ["EHCP-F", "EHCP-G", "EHCP-H"])  # after a quiet spell
    assert len(check("many_plans_viewed", T0 + minutes(43))) == 1
    assert len(stored()) == 2


def test_a_burst_going_on_after_it_was_acknowledged_opens_its_alert_again(app, make):
    reader, admin = make.user("qa_lead"), make.user("admin")
    views(reader, [0, 1, 2], ["EHCP-A", "EHCP-B", "EHCP-C"])
    [alert] = check("many_plans_viewed", T0 + minutes(3))
    alert.acknowledged_at, alert.acknowledged_by_id = T0 + minutes(5), admin.id
    alert.emailed_at = T0 + minutes(3)
    db.session.commit()
    views(reader, [4], ["EHCP-D"])  # before the acknowledgement: stays acknowledged
    assert check("many_plans_viewed", T0 + minutes(6)) == []
    assert alert.acknowledged_at is not None and alert.count == 4
    views(reader, [8], ["EHCP-E"])
    assert check("many_plans_viewed", T0 + minutes(9)) == [alert]
    assert (alert.acknowledged_at, alert.acknowledged_by_id, alert.emailed_at) == (None, None, None)
    assert alert.summary == "5 different plans opened" and len(stored()) == 1


def test_entries_older_than_the_look_back_are_not_read(app, make):
    reader = make.user("qa_lead")
    views(reader, [0, 1, 2], ["EHCP-A", "EHCP-B", "EHCP-C"])
    assert check("many_plans_viewed", T0 + timedelta(hours=3), timedelta(hours=2)) == []
    assert len(check("many_plans_viewed", T0 + timedelta(hours=3), timedelta(hours=3))) == 1


def test_failed_sign_ins_count_per_account(app, make):
    target, other = make.user("admin"), make.user("auditor")
    for offset in (0, 7, 15):  # the third exactly fifteen minutes after the first
        entry(T0 + minutes(offset), "sign_in_failed", "account", target.id)
    entry(T0, "sign_in_failed", "account", other.id)
    entry(T0 + minutes(1), "sign_in_code_failed", "account", other.id)
    entry(T0 + minutes(16), "sign_in_failed", "account", other.id)  # 16 minutes after the first
    entry(T0, "sign_in_failed", "account", None)  # an address that is no account
    [alert] = check("failed_sign_ins", T0 + minutes(20))
    assert (alert.user_id, alert.summary) == (target.id, "3 failed sign-ins")
    entry(T0 + minutes(2), "sign_in_code_failed", "account", other.id)  # a wrong code counts
    [second] = check("failed_sign_ins", T0 + minutes(20))
    assert second.user_id == other.id and second.count == 4


def test_downloads_outside_working_hours_on_the_uk_clock(app, make):
    early, on_time, late, weekend = (make.user("sen_manager") for _ in range(4))
    # 07:00 UK time in July is 06:00 UTC.
    entry(T0.replace(hour=5, minute=59), "download_document", "document", 1, early, "EHCP-A")
    entry(T0.replace(hour=6), "download_document", "document", 1, on_time, "EHCP-A")
    entry(T0.replace(hour=17, minute=59), "download_advice", "plan", 1, on_time, "EHCP-A")
    entry(T0.replace(hour=18), "download_feedback", "audit", 1, late, "EHCP-A")
    entry(T0.replace(hour=18, minute=30), "download_document", "document", 2, late, "EHCP-B")
    saturday = T0 + timedelta(days=4)
    entry(saturday.replace(hour=11), "download_document", "document", 1, weekend, "EHCP-A")
    entry(T0.replace(hour=3), "view_plan", "plan", 1, weekend, "EHCP-A")  # not a download
    found = check("downloads_out_of_hours", saturday.replace(hour=12), timedelta(days=5))
    by_user = {alert.user_id: alert.summary for alert in found}
    assert by_user == {
        early.id: "1 download outside working hours",
        late.id: "2 downloads outside working hours",  # half an hour apart: one alert
        weekend.id: "1 download outside working hours",
    }


def test_an_auditor_opening_a_plan_not_assigned_to_them(app, make):
    auditor, lead = make.user("auditor"), make.user("qa_lead")
    theirs, other = make.plan(), make.plan()
    make.audit(theirs, auditor)
    someone_elses = make.audit(other, make.user("auditor"))
    document = PlanDocument(
        plan_id=other.id,
        version=1,
        sha256="d" * 64,
        size=1,
        original_name="p.docx",
        file_type="docx",
    )
    db.session.add(document)
    db.session.commit()
    entry(T0, "view_plan", "plan", theirs.id, auditor, theirs.reference)
    entry(T0, "view_plan", "plan", other.id, lead, other.reference)  # a QA lead sees all
    assert check("auditor_unassigned_plan", T0 + minutes(1)) == []
    entry(T0 + minutes(2), "refused", "plan", other.id, auditor, other.reference)
    entry(T0 + minutes(3), "refused", "document", document.id, auditor, other.reference)
    entry(T0 + minutes(4), "refused", "audit", someone_elses.id, auditor, other.reference)
    [alert] = check("auditor_unassigned_plan", T0 + minutes(5))
    assert alert.user_id == auditor.id and alert.count == 3
    assert alert.summary == "3 attempts to open plans not assigned to them"
    assert other.reference not in alert.summary


def test_no_recent_backup_once_per_overdue_spell(app, make):
    now = datetime.now(UTC)
    [alert] = check("no_recent_backup", now)
    assert alert.summary == "No successful backup has been recorded"
    assert check("no_recent_backup", now + minutes(5)) == []
    db.session.add(
        BackupRecord(at=now - timedelta(hours=25), location="/b/1", succeeded=True, size_bytes=1)
    )
    db.session.commit()
    assert check("no_recent_backup", now) == []  # 25 hours: within the 26 allowed
    [late] = check("no_recent_backup", now + timedelta(hours=1, seconds=1))
    assert late.summary == "No successful backup for 26 hours"
    assert check("no_recent_backup", now + timedelta(hours=30)) == []
    assert stored()[-1].summary == "No successful backup for 2 days"  # 55 hours: updated
