"""The author's appeal against a negative verification of a budget proposal: a signed link in the
decision e-mail opens a form that takes the appeal until the edition's deadline."""

from urllib.parse import urlencode

from django import forms
from django.core import signing
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from home.page_cache import invalidate_content

from .builder import MAX_TEXT_LENGTH, LimitedCharField
from .choices import ProposalStatus
from .dates import when_in_words
from .protection import RateLimit

APPEAL_SALT = "consultation.appeal"
TOKEN_PARAMETER = "kod"


class AppealForm(forms.Form):
    text = LimitedCharField(
        label=_("Treść odwołania"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Napisz, z którym ustaleniem weryfikacji się nie zgadzasz i dlaczego."),
        error_messages={"required": _("Napisz treść odwołania.")},
    )
    website = forms.CharField(
        label=_("Strona internetowa (zostaw puste)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("To pole musi zostać puste."))
        return ""


def appeal_token(submission):
    """Bound to the decision: a later decision makes an older link invalid."""
    return signing.dumps({"s": submission.pk, "d": submission.decided_at.isoformat()}, salt=APPEAL_SALT)


def appeal_url(page, submission):
    # In the query string: a signed value has colons, which Wagtail's page paths do not allow.
    query = urlencode({TOKEN_PARAMETER: appeal_token(submission)})
    return f"{page.full_url}{page.reverse_subpage('appeal')}?{query}"


def submission_for(page, token):
    from .models import Submission

    try:
        data = signing.loads(token[:500], salt=APPEAL_SALT)
        submission = Submission.objects.get(pk=int(data["s"]), page=page)
    except (signing.BadSignature, Submission.DoesNotExist, KeyError, TypeError, ValueError, OverflowError):
        return None
    if not submission.decided_at or submission.decided_at.isoformat() != data["d"]:
        return None
    return submission


def refusal(page, submission):
    """Why this appeal cannot be taken now, or None."""
    if submission is None:
        return _(
            "Ten link do odwołania jest nieprawidłowy albo nieaktualny: decyzja w sprawie projektu się zmieniła."
        )
    if submission.status == ProposalStatus.APPEALED:
        return _("Odwołanie od tej decyzji już złożono %(when)s. Odpowiemy e-mailem.") % {
            "when": when_in_words(submission.appealed_at)
        }
    deadline = page.appeal_deadline(submission)
    if deadline is None:
        return _("Od tej decyzji nie można się odwołać.")
    if timezone.now() > deadline:
        return _("Termin na odwołanie minął %(deadline)s. Nie możemy już przyjąć odwołania.") % {
            "deadline": when_in_words(deadline)
        }
    return None


def appeal_view(page, request):
    submission = submission_for(page, request.GET.get(TOKEN_PARAMETER, ""))
    problem = refusal(page, submission)
    form = AppealForm(request.POST if request.method == "POST" else None)
    status = 403 if problem and submission is not None else 404 if problem else 200
    if not problem and request.method == "POST" and form.is_valid():
        rate_limit = RateLimit(request)
        problem = rate_limit.refusal()
        status = 429 if problem else 200
        if not problem:
            file_appeal(submission, form.cleaned_data["text"])
            rate_limit.record()
            return TemplateResponse(
                request,
                "consultation/appeal.html",
                {"page": page, "self": page, "done": True, "submission": submission},
            )
    context = {
        "page": page,
        "self": page,
        "form": form if submission is not None else None,
        "refusal": problem,
        "submission": submission,
        "deadline": page.appeal_deadline(submission) if submission else None,
        "reason": submission.reason_text if submission else "",
    }
    return TemplateResponse(request, "consultation/appeal.html", context, status=status)


def file_appeal(submission, text):
    """One appeal per decision, also when the author sends the form twice at the same moment."""
    previous = submission.status
    now = timezone.now()
    with transaction.atomic():
        updated = (
            type(submission)
            .objects.filter(pk=submission.pk, status=previous)
            .update(status=ProposalStatus.APPEALED, appeal_text=text, appealed_at=now)
        )
        if not updated:
            return
        invalidate_content()
        log(
            instance=submission,
            action="consultation.proposal.appeal",
            data={"from": previous, "to": ProposalStatus.APPEALED},
        )
