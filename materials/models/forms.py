"""What the form pages of this app share with the pipeline's form pages."""

from django.utils.translation import gettext_noop


def private_fields(rows):
    """`ModeratedFormPage.default_form_fields` from rows of (label, field_type, required, help_text)
    of fields never shown publicly."""
    return tuple(
        (label, field_type, required, False, help_text) for label, field_type, required, help_text in rows
    )


CONSENT_HELP = gettext_noop("Zasady opisuje klauzula informacyjna pod formularzem.")
