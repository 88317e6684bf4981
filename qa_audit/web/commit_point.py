"""The request's commit point: each request is one unit of work (:mod:`qa_audit.unit_of_work`),
committed once after its view has answered, as Indico's request handler does.

The rule, for every view:

- Views and the operations they call add and flush; none commits.
- A success (2xx, 3xx: a page, a download, a redirect, a form shown again with its problems)
  is committed, with the access-log entries the view recorded. A view that catches an
  operation's refusal to show it on the form rolls the session back first
  (``db.session.rollback()``), so only what it records after that (the page it shows) is kept.
- An error answer (4xx, 5xx) and anything raised (an ``abort``, a domain error, a bug, the
  database failing, a conflicting save found at commit) roll everything back, and the
  messages flashed during the request with it. A view whose error answer still shows a plan
  (the scoring form sent back as 422 or 409) calls :func:`keep_error_answer` so the entries
  of what it shows are kept.
- A refusal (``refused``, ``rate_limited``) is logged in a unit of its own after the rest is
  rolled back (:func:`qa_audit.access_recorder.record_refusal`); a failed sign-in is a 200 form.
- The batch upload alone commits inside its request: one unit of work per file
  (:mod:`qa_audit.uploads.batch`), so a long batch never holds the write lock for long.

The commit happens before the answer leaves, inside Flask's dispatch, so a commit that fails is
answered by the error handlers like any other error.
"""

from __future__ import annotations

from flask import Flask, g, session

from qa_audit.unit_of_work import unit_of_work

KEEP = "keep_error_answer"
FLASHES = "_flashes"  # where Flask keeps flashed messages in the session


def keep_error_answer() -> None:
    """Commit this request although its answer has an error status."""
    g.setdefault(KEEP, True)  # read and cleared by the commit point


class CommittingFlask(Flask):
    """Flask whose view dispatch is the request's unit of work."""

    def dispatch_request(self):
        flashed_before = list(session.get(FLASHES, ()))
        try:
            with unit_of_work() as work:
                answer = self.make_response(super().dispatch_request())
                kept = g.pop(KEEP, False)
                if answer.status_code >= 400 and not kept:
                    work.discard()
        except BaseException:
            _forget_flashes(flashed_before)
            raise
        if work.discarded:
            _forget_flashes(flashed_before)
        return answer


def _forget_flashes(before: list) -> None:
    """Messages flashed for work that was rolled back would claim it was done."""
    if session.get(FLASHES, []) != before:
        session[FLASHES] = before
