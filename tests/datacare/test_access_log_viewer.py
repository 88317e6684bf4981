import csv
import io

from tests.factories import login


def test_admin_filters_the_access_log_and_exports_it(app, client, make):
    lead, manager = make.user("qa_lead"), make.user("sen_manager", team="North")
    plan = make.plan(team="North")
    for user in (lead, manager):
        other = app.test_client()
        login(other, user)
        other.get(f"/plans/{plan.id}")
    login(client, make.user("admin"))
    page = client.get(f"/admin/access-log/?user_id={lead.id}").get_data(as_text=True)
    assert lead.email in page and manager.email not in page.split("<table")[1]
    exported = client.get("/admin/access-log/export.csv?action=view_plan")
    assert exported.data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["when (UTC)", "user", "action"]
    assert sorted(r[1] for r in rows[1:]) == sorted([lead.email, manager.email])
    assert all(r[3] == "plan" and r[4] == str(plan.id) for r in rows[1:])
    empty = client.get("/admin/access-log/?since=1&since=1&since=2999").get_data(as_text=True)
    assert "Nothing matches these filters" in empty
    assert 'type="date"' not in empty and empty.count('name="since"') == 3
    since = client.get("/admin/access-log/export.csv?since=1&since=1&since=2999").data
    assert len(list(csv.reader(io.StringIO(since.decode("utf-8-sig"))))) == 1  # the header
    wrong = client.get("/admin/access-log/?since=31&since=2&since=2025").get_data(as_text=True)
    assert "govuk-error-summary" in wrong and "Not a valid date" in wrong
