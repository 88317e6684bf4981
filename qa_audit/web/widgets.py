"""GOV.UK Design System widgets for WTForms fields (labels, hints, error messages built in)."""

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
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


class DateInput(GovDateInput):
    """Day, month and year boxes; a request without the three boxes shows them empty."""

    def map_gov_params(self, field, **kwargs):
        if field.raw_data is not None and len(field.raw_data) != 3:
            field.raw_data = None
        return super().map_gov_params(field, **kwargs)
