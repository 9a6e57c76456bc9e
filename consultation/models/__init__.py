from .consultation import ConsultationIndexPage, ConsultationPage
from .consultation_items import (
    ConsultationDocument,
    ConsultationMeeting,
    DraftActUnit,
    OutcomeDocument,
    PageDocument,
)
from .files import SubmissionFile
from .forms import FormField, ModeratedFormPage, PrivacyNotice
from .submissions import Submission

__all__ = [
    "ConsultationDocument",
    "ConsultationIndexPage",
    "ConsultationMeeting",
    "ConsultationPage",
    "DraftActUnit",
    "FormField",
    "ModeratedFormPage",
    "OutcomeDocument",
    "PageDocument",
    "PrivacyNotice",
    "Submission",
    "SubmissionFile",
]
