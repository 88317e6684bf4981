from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email, Length

from qa_audit.web.widgets import EmailInput, PasswordInput


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
