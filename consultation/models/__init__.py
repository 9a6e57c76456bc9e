from .consultation import (
    ConsultationDocument,
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    DraftActUnit,
    OutcomeDocument,
)
from .files import SubmissionFile
from .forms import FormField, ModeratedFormPage, PrivacyNotice, Submission

__all__ = [
    "ConsultationDocument",
    "ConsultationIndexPage",
    "ConsultationMeeting",
    "ConsultationPage",
    "DraftActUnit",
    "FormField",
    "ModeratedFormPage",
    "OutcomeDocument",
    "PrivacyNotice",
    "Submission",
    "SubmissionFile",
]
