from django.db.models import Count, Max
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

MODERATE_PERMISSION = "consultation.moderate_submission"


class SubmissionsPanel(Panel):
    """How many submissions the page has, by status. Only moderators get a link: it opens the inbox,
    which would refuse everyone else."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Zgłoszenia mieszkańców"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "consultation/admin/submissions_panel.html"

        @cached_property
        def summary(self):
            from .models import Submission

            rows = (
                Submission.objects.filter(page_id=self.instance.pk)
                .values_list("status")
                .annotate(count=Count("pk"), latest=Max("submit_time"))
                .order_by()
            )
            return {status: (count, latest) for status, count, latest in rows}

        def is_shown(self):
            return bool(self.instance.pk and self.summary)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            counts = {status: count for status, (count, _latest) in self.summary.items()}
            context.update(
                {
                    "rows": [
                        (label, counts.get(value, 0))
                        for value, label in self.instance.get_policy().states.choices
                    ],
                    "total": sum(counts.values()),
                    "latest": max(latest for _count, latest in self.summary.values()),
                    "inbox_url": reverse("submission_inbox:index") + f"?page={self.instance.pk}"
                    if self.request.user.has_perm(MODERATE_PERMISSION)
                    else "",
                }
            )
            return context
