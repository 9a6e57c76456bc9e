from .budget import BudgetArea, BudgetEditionPage, BudgetIndexPage
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
from .projects import BudgetProjectPage, ProjectStatusChange, ProjectUpdate
from .proposals import ProposalFormPage
from .submissions import Submission
from .voting import Ballot, BallotChoice, VoteCode, VotingPage

__all__ = [
    "Ballot",
    "BallotChoice",
    "VoteCode",
    "VotingPage",
    "BudgetArea",
    "BudgetEditionPage",
    "BudgetIndexPage",
    "BudgetProjectPage",
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
    "ProjectStatusChange",
    "ProjectUpdate",
    "ProposalFormPage",
    "Submission",
    "SubmissionFile",
]
