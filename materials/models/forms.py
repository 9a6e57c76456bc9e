"""What the form pages of this app share with the pipeline's form pages."""

from consultation.models import FormField


def default_form_fields(rows):
    """Form fields a new form page starts with: rows of (label, field_type, required, help_text),
    numbered so the form keeps this order on every database."""
    return [
        FormField(
            label=label, field_type=field_type, required=required, help_text=help_text, sort_order=number
        )
        for number, (label, field_type, required, help_text) in enumerate(rows)
    ]


CONSENT_HELP = "Zasady opisuje klauzula informacyjna pod formularzem."
