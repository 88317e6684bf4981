"""Every sampling and moderation page renders for a QA lead (the route walk only checks access)."""

import pytest
from flask import url_for

from tests.factories import login
from tests.sampling.world import sampling_values

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PAGES = [
    ("sampling.index", ()),
    ("sampling.term", ("term_id",)),
    ("sampling.sample", ("sample_id",)),
    ("moderation.term", ("term_id",)),
    ("moderation.pair", ("member_id",)),
    ("moderation.follow_ups", ()),
    ("moderation.new_follow_up", ("audit_id",)),
    ("moderation.close", ("action_id",)),
]


@pytest.mark.parametrize(("endpoint", "arguments"), PAGES)
def test_page_renders(app, client, make, endpoint, arguments):
    users = {role: make.user(role) for role in ("qa_lead", "auditor")}
    make.plan()
    values = sampling_values(users)
    login(client, users["qa_lead"])
    with app.test_request_context():
        url = url_for(endpoint, **{name: values[name] for name in arguments})
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[-2000:]
