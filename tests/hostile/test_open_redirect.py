"""``next`` after signing in only ever leads to a page of this site, however it is written.

``tests/web/test_auth.py`` checks five classic attempts through the sign-in form; these check
the rule itself against generated addresses, resolved the way a browser resolves a Location
header, and a longer list of known tricks through the form.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from qa_audit.web.safe_redirect import safe_next_url
from tests.factories import PASSWORD, csrf_token_from, login

SITE = "https://qa.example.org/login"
TRICKS = [
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "///evil.example",
    "https:evil.example",
    "https:/evil.example",
    "//evil.example@qa.example.org",
    " //evil.example",
    "\x00//evil.example",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
    "\u3002evil.example",
    "//evil%E3%80%82example",
]
pieces = st.sampled_from(
    [
        "/",
        "//",
        "\\",
        "%2F",
        "%5C",
        ":",
        "@",
        ".",
        "evil.example",
        "https",
        "\t",
        "\n",
        " ",
        "\x00",
        "?",
        "#",
        "javascript",
    ]
)
targets = st.lists(st.one_of(pieces, st.text(max_size=4)), max_size=8).map("".join)


def _stays_on_site(location: str) -> bool:
    """How a browser reads a Location header: tabs and newlines dropped, backslashes as slashes."""
    cleaned = location.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    resolved = urlsplit(urljoin(SITE, cleaned.strip(" \x00")))
    return resolved.scheme == "https" and resolved.netloc == "qa.example.org"


@given(targets)
def test_any_next_value_is_dropped_or_stays_on_the_site(target: str) -> None:
    kept = safe_next_url(target)
    assert kept is None or (kept == target and _stays_on_site(kept)), repr(target)


def test_known_tricks_in_the_sign_in_form_land_on_the_dashboard(client, make) -> None:
    user = make.user("qa_lead")
    for target in TRICKS:
        token = csrf_token_from(client, "/login")
        response = client.post(
            f"/login?next={quote(target, safe='')}",
            data={"email": user.email, "password": PASSWORD, "csrf_token": token},
        )
        assert response.status_code == 302, repr(target)
        assert response.headers["Location"] == "/", repr(target)
        client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})


def test_a_local_next_with_a_query_is_kept(client, make) -> None:
    login(client, make.user("qa_lead"))
    client.post("/logout", data={"csrf_token": csrf_token_from(client, "/")})
    token = csrf_token_from(client, "/login")
    target = "/reports/?term=autumn-2025&format=csv"
    response = client.post(
        f"/login?next={quote(target, safe='')}",
        data={"email": make.user("qa_lead").email, "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == target
