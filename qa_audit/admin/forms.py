from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from qa_audit.auth.accounts import find_user
from qa_audit.auth.passwords import password_problem
from qa_audit.models.user import ROLE_LABELS
from qa_audit.web.widgets import Checkbox, EmailInput, PasswordInput, Select, TextInput

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
    email = EmailField(
        "Email address",
        validators=[DataRequired("Enter an email address"), Email("Enter a valid email address")],
        widget=EmailInput(),
    )
    password = PasswordField(
        "Temporary password",
        description="At least 12 characters. Give it to the person by a separate channel.",
        validators=[DataRequired("Enter a temporary password"), Length(max=128)],
        widget=PasswordInput(),
    )

    def validate_email(self, field):
        if find_user(field.data) is not None:
            raise ValidationError("There is already an account with this email address")

    def validate_password(self, field):
        if problem := password_problem(field.data):
            raise ValidationError(problem)


class EditUserForm(UserDetailsForm):
    active = BooleanField("Account is active", widget=Checkbox())
    new_password = PasswordField(
        "New password (leave blank to keep the current one)",
        validators=[Optional(), Length(max=128)],
        widget=PasswordInput(),
    )

    def validate_new_password(self, field):
        if field.data and (problem := password_problem(field.data)):
            raise ValidationError(problem)
