"""A fresh nonce per response for the one inline script GOV.UK Frontend's page template needs."""

import secrets

from flask import g


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce
