from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from ..models import Submission
from ..proposal_project import can_create_project, create_project
from .permissions import submission_policy


@require_POST
def create_project_view(request, pk):
    """Turn a positively verified proposal into a draft project page, then open it for editing."""
    if not submission_policy().user_has_permission(request.user, "moderate"):
        raise PermissionDenied
    submission = get_object_or_404(Submission.objects.select_related("page"), pk=pk)
    if not can_create_project(submission, request.user):
        messages.error(
            request,
            _(
                "Z tego zgłoszenia nie można teraz utworzyć projektu (musi być zweryfikowane pozytywnie, bez projektu)."
            ),
        )
        return redirect("submission_inbox:edit", pk)
    project = create_project(submission, request.user)
    messages.success(
        request,
        _("Utworzono szkic projektu nr %(number)s. Sprawdź go i opublikuj.") % {"number": project.number},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[project.pk]))
