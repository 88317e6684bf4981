from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from qa_audit.auth.passwords import password_problem
from qa_audit.web.widgets import EmailInput, PasswordInput, TextInput


class LoginForm(FlaskForm):
    email = EmailField(
        "Email address",
        validators=[DataRequired("Enter your email address"), Email("Enter a valid email address")],
        widget=EmailInput(),
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired("Enter your password"), Length(max=128)],
        widget=PasswordInput(),
    )


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        description="At least 12 characters. A few words you will remember work well.",
        validators=[DataRequired("Enter a new password"), Length(max=128)],
        widget=PasswordInput(),
    )
    confirm = PasswordField(
        "Type the new password again",
        validators=[
            DataRequired("Type the new password again"),
            EqualTo("password", "The two passwords are not the same"),
        ],
        widget=PasswordInput(),
    )

    def validate_password(self, field):
        if problem := password_problem(field.data):
            raise ValidationError(problem)


class ChangePasswordForm(SetPasswordForm):
    current = PasswordField(
        "Current password",
        validators=[DataRequired("Enter your current password"), Length(max=128)],
        widget=PasswordInput(),
    )


class CodeForm(FlaskForm):
    code = StringField(
        "Code",
        description="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
        validators=[DataRequired("Enter the code from your authenticator app"), Length(max=20)],
        widget=TextInput(),
    )


class ConfirmIdentityForm(FlaskForm):
    answer = PasswordField(
        "Your password, or a code from your authenticator app",
        validators=[
            DataRequired("Enter your password or a code from your authenticator app"),
            Length(max=128),
        ],
        widget=PasswordInput(),
    )


class EnrolForm(FlaskForm):
    code = StringField(
        "Code from your app",
        description="The 6-digit code your app shows for this service.",
        validators=[DataRequired("Enter the code from your authenticator app"), Length(max=20)],
        widget=TextInput(),
    )
