from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from qa_audit.auth.accounts import find_user
from qa_audit.models.user import ROLE_LABELS
from qa_audit.web.widgets import Checkbox, EmailInput, Select, TextInput

ROLE_CHOICES = [SelectChoice(value, label) for value, label in ROLE_LABELS.items()]
AGENCY_CHOICES = [
    SelectChoice("", "Not applicable"),
    SelectChoice("education", "Education"),
    SelectChoice("health", "Health"),
    SelectChoice("social_care", "Social care"),
]


class UserDetailsForm(FlaskForm):
    name = StringField(
        "Full name", validators=[DataRequired("Enter a name"), Length(max=120)], widget=TextInput()
    )
    role = SelectField("Role", choices=ROLE_CHOICES, widget=Select())
    team = StringField(
        "Team",
        description="SEN managers see their team's plans; auditors are kept off their own team's "
        "plans when the QA lead asks.",
        validators=[Optional(), Length(max=80)],
        widget=TextInput(),
    )
    agency = SelectField("Agency", choices=AGENCY_CHOICES, validators=[Optional()], widget=Select())


class NewUserForm(UserDetailsForm):
    # No role is chosen for the administrator: a new account gets only what is picked.
    role = SelectField(
        "Role",
        choices=[SelectChoice("", "Choose a role"), *ROLE_CHOICES],
        validators=[DataRequired("Choose the account's role")],
        widget=Select(),
    )
    email = EmailField(
        "Email address",
        validators=[DataRequired("Enter an email address"), Email("Enter a valid email address")],
        widget=EmailInput(),
    )

    def validate_email(self, field):
        if find_user(field.data) is not None:
            raise ValidationError("There is already an account with this email address")


class EditUserForm(UserDetailsForm):
    active = BooleanField("Account is active", widget=Checkbox())
    reset_password = BooleanField(
        "Reset the password",
        description="The current password stops working and you get a link to pass on, with "
        "which the person sets a new one.",
        widget=Checkbox(),
    )
    require_password_change = BooleanField(
        "Ask for a new password at the next sign-in",
        description="The person is signed out now. When they next sign in with their current "
        "password they must choose a new one before they can do anything else.",
        widget=Checkbox(),
    )
    forget_single_sign_on = BooleanField(
        "Forget the single sign-on identity",
        description="For someone whose account at your organisation's sign-in was made again. "
        "They are signed out now; the next single sign-on with this email is bound instead.",
        widget=Checkbox(),
    )
    remove_two_factor = BooleanField(
        "Turn off two-factor sign-in",
        description="For someone who has lost their phone and their recovery codes. They are "
        "signed out now, sign in with their password alone, and set it up again (at once, if "
        "their role must use it).",
        widget=Checkbox(),
    )
