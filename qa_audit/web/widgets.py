"""GOV.UK Design System widgets for WTForms fields (labels, hints, error messages built in)."""

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovFileInput,
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)


class EmailInput(GovTextInput):
    input_type = "email"


TextInput = GovTextInput
PasswordInput = GovPasswordInput
Select = GovSelect
Checkbox = GovCheckboxInput
Radios = GovRadioInput
TextArea = GovTextArea
FileInput = GovFileInput
