"""The one way the service asks for a date: GOV.UK day, month and year boxes."""

from wtforms import DateField

from qa_audit.web.widgets import DateInput


class DayMonthYearField(DateField):
    """A date typed in three boxes (never the browser's date picker, which GOV.UK advises
    against: it is hard to use for dates people know, and differs between browsers)."""

    widget = DateInput()

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%d %m %Y", **kwargs)
