"""Helpers for the family feedback tests: making a link and answering it through the pages."""

from __future__ import annotations

import re

from tests.factories import csrf_token_from

ANSWERS = {"q_describes_now": "yes", "q_aspirations": "partly", "q_involved": "dont_know"}
COMMENT = "Meeting after school would have helped us come."


def make_link(client, plan_id: int, respondent: str = "parent") -> str:
    """Make a link through the plan's family page as the signed-in user; its token."""
    address = f"/plans/{plan_id}/family"
    token = csrf_token_from(client, address)
    page = client.post(
        address, data={"respondent": respondent, "csrf_token": token}, follow_redirects=True
    )
    assert page.status_code == 200
    found = re.search(r"/tell-us/([a-z2-7]{32})<", page.get_data(as_text=True))
    assert found, "the page shows no new link"
    return found.group(1)


def answer(client, token: str, **extra):
    """Send the answers through the family's link, with the CSRF token of the client's session
    (read from the sign-in page: a link that does not work shows no form)."""
    csrf = csrf_token_from(client, "/login")
    data = {**ANSWERS, "q_better": COMMENT, "csrf_token": csrf, **extra}
    return client.post(f"/tell-us/{token}", data=data)
