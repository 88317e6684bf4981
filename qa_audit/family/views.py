"""Family feedback pages: for SEN managers and QA leads, a plan's links and answers (with a new
link, withdrawing one, recording an answer given by phone or on paper); for families, the form
they answer through their link, with no account.

The public form is rate-limited per address on every request, and more tightly on links that do
not work, which bounds guessing. A link that does not work gets a plain page that says nothing
about the plan, and an access-log entry."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_login import current_user

from qa_audit.access_recorder import record_access, refuse
from qa_audit.auth.permissions import public, requires
from qa_audit.extensions import db, limiter
from qa_audit.family.forms import (
    GivenAnswersForm,
    LetterForm,
    NewLinkForm,
    WithdrawForm,
    YouSaidForm,
    answers_form,
)
from qa_audit.family.letter import hold_new_link, letter_pdf, take_new_link
from qa_audit.family.links import (
    STATE_LABELS,
    LinkState,
    answer_through_link,
    find_link,
    issue_link,
    links_of,
    record_given_answer,
    responses_of,
    state_of,
    withdraw,
)
from qa_audit.family.questions import current_questions
from qa_audit.family.you_said import add_entry, all_entries
from qa_audit.models import FamilyLink
from qa_audit.models.family import HOW_ANSWERED, PLAIN_WORDS_FOR, RESPONDENTS
from qa_audit.visibility import get_visible_plan
from qa_audit.web.commit_point import keep_error_answer
from qa_audit.web.family_pages import family_page

bp = Blueprint("family", __name__)

LONGEST_TOKEN = 64  # tokens are 32 characters (43 before); anything longer is not looked up


def _every_request_limit() -> str:
    return current_app.config["FAMILY_RATE_LIMIT"]


def _failed_link_limit() -> str:
    return current_app.config["FAMILY_FAILED_LINK_LIMIT"]


@bp.route("/plans/<int:plan_id>/family", methods=["GET", "POST"])
@requires("family.send")
def plan_feedback(plan_id: int):
    """The plan's links and answers. Posting the form makes a new link and redirects here, where
    the link is shown once (so reloading the page never makes a second one)."""
    plan = get_visible_plan(current_user, plan_id)
    form = NewLinkForm()
    if form.validate_on_submit():
        link, token = issue_link(plan, form.respondent.data, current_user)
        record_access(
            "family_link_created", "plan", plan.id, detail=f"link {link.id}: {link.respondent}"
        )
        hold_new_link(link, token)
        return redirect(url_for("family.plan_feedback", plan_id=plan.id))
    new_link = take_new_link(plan)
    record_access("view_family_feedback", "plan", plan.id)
    return render_template(
        "family/plan.html",
        plan=plan,
        form=form,
        new_link=new_link,
        links=links_of(plan),
        responses=responses_of(plan),
        questions=current_questions(),
        state_of=state_of,
        open_state=LinkState.OPEN,
        state_labels=STATE_LABELS,
        respondents=RESPONDENTS,
        how_answered=HOW_ANSWERED,
    )


@bp.route("/plans/<int:plan_id>/family/letter", methods=["POST"])
@requires("family.send")
def letter(plan_id: int):
    """The printable letter for a link just made, while its page still shows the token."""
    plan = get_visible_plan(current_user, plan_id)
    form = LetterForm()
    if not form.validate_on_submit():
        abort(400)
    link = find_link(form.token.data) if len(form.token.data) <= LONGEST_TOKEN else None
    if link is None or link.id != form.link_id.data:
        abort(404)
    if link.plan_id != plan.id:
        refuse()  # another plan's link: "not found", and logged
    if state_of(link) is not LinkState.OPEN:
        flash("That link was already answered, withdrawn or has run out: make a new one.")
        return redirect(url_for("family.plan_feedback", plan_id=plan.id))
    address = url_for("family.answer", token=form.token.data, _external=True)
    data = letter_pdf(link, plan, address, len(current_questions().questions))
    record_access("family_letter_printed", "plan", plan.id, detail=f"link {link.id}")
    return Response(
        data,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="family-letter-{link.id}.pdf"'},
    )


@bp.route("/plans/<int:plan_id>/family/withdraw", methods=["POST"])
@requires("family.send")
def withdraw_link(plan_id: int):
    plan = get_visible_plan(current_user, plan_id)
    form = WithdrawForm()
    if not form.validate_on_submit():
        abort(400)
    link = db.session.get(FamilyLink, form.link_id.data)
    if link is None:
        abort(404)
    if link.plan_id != plan.id:
        refuse()  # another plan's link: "not found", and logged
    if withdraw(link):
        record_access("family_link_withdrawn", "plan", plan.id, detail=f"link {link.id}")
        flash("The link is withdrawn: it no longer works.", "success")
    else:
        flash("That link was already answered or withdrawn.")
    return redirect(url_for("family.plan_feedback", plan_id=plan.id))


@bp.route("/plans/<int:plan_id>/family/record", methods=["GET", "POST"])
@requires("family.send")
def record_answer(plan_id: int):
    """Record an answer a family gave by phone or on a paper form."""
    plan = get_visible_plan(current_user, plan_id)
    form = answers_form(current_questions(), plain=False, base=GivenAnswersForm)
    if form.validate_on_submit():
        record_given_answer(
            plan, form.respondent.data, form.how.data, form.answers(), form.comments()
        )
        record_access("family_answer_recorded", "plan", plan.id, detail=form.how.data)
        flash("The answer is recorded.", "success")
        return redirect(url_for("family.plan_feedback", plan_id=plan.id))
    return render_template("family/record.html", plan=plan, form=form)


@bp.route("/tell-us/<token>", methods=["GET", "POST"])
@limiter.limit(_every_request_limit)
@limiter.limit(_failed_link_limit, deduct_when=lambda answer: answer.status_code == 404)
@public
@family_page
def answer(token: str):
    """The form a family answers through their link."""
    link = find_link(token) if len(token) <= LONGEST_TOKEN else None
    if link is None or state_of(link) is not LinkState.OPEN:
        return _link_not_working(link)
    questions = current_questions()
    plain = link.respondent in PLAIN_WORDS_FOR
    form = answers_form(questions, plain)
    if form.validate_on_submit():
        if answer_through_link(link, form.answers(), form.comments()) is None:
            return _link_not_working(link)
        record_access("family_answered", "plan", link.plan_id, detail=f"link {link.id}")
        return redirect(url_for("family.thanks"))
    return render_template("family/answer.html", form=form, plain=plain, title=questions.title)


@bp.route("/tell-us/thank-you")
@public
@family_page
def thanks():
    return render_template("family/thanks.html", title="Thank you", again=False)


def _link_not_working(link: FamilyLink | None):
    """A used link thanks the family again; any other (unknown, withdrawn, expired) gets the
    same plain "cannot be used" page. Either way the visit is logged."""
    state = state_of(link) if link is not None else None
    reason = "not known" if state is None else state.value
    record_access("family_link_refused", "family_link", link.id if link else None, detail=reason)
    if state is LinkState.ANSWERED:
        return render_template("family/thanks.html", title="Thank you", again=True)
    keep_error_answer()  # the 404 answer keeps its access-log entry
    return render_template("family/not_working.html", title="This link cannot be used"), 404


@bp.route("/family/you-said-we-did", methods=["GET", "POST"])
@requires("family.you_said")
def you_said_we_did():
    """The "You said, we did" list, and a form to add a line to it."""
    form = YouSaidForm()
    if form.validate_on_submit():
        entry = add_entry(form.you_said.data, form.we_did.data, current_user)
        record_access("you_said_we_did_added", "you_said_we_did", entry.id)
        flash("Added to the list.", "success")
        return redirect(url_for("family.you_said_we_did"))
    return render_template(
        "family/you_said.html", form=form, entries=all_entries(), title="You said, we did"
    )
