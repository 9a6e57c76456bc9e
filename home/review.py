"""The dashboard reminder of the accessibility statement's yearly review (by 31 March)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .statement import AccessibilityStatementPage, review_deadline


class StatementReviewPanel(Component):
    name = "accessibility_statement_review"
    template_name = "wagtailadmin/home/statement_review.html"
    order = 30

    def __init__(self, reminders, deadline):
        self.reminders = reminders
        self.deadline = deadline

    def get_context_data(self, parent_context):
        return {"reminders": self.reminders, "deadline": self.deadline}


def review_reminders(user, today):
    """(statement, "due" | "overdue") for each live statement of the source language whose review
    is due and which the user may edit."""
    statements = AccessibilityStatementPage.objects.live().filter(locale=Locale.get_default())
    reminders = []
    for statement in statements:
        state = statement.review_state(today)
        if state and statement.permissions_for_user(user).can_edit():
            reminders.append((statement, state))
    return reminders


def statement_review_panel(request):
    today = timezone.localdate()
    reminders = review_reminders(request.user, today)
    return StatementReviewPanel(reminders, review_deadline(today.year)) if reminders else None
