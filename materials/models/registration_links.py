"""The signed links in a training's e-mails: one lets a person give up the seat (once), the other
downloads the certificate of attendance. The token is in the query string (a token's ":" is not
allowed in a page's path); a changed or foreign link gets a 404 page, a used one a 410."""

from urllib.parse import urlencode

from django.core import signing
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.contrib.routable_page.models import path

from ..choices import RegistrationStatus
from ..policies import CANCELLABLE_STATES

CANCEL_SALT = "materials.training.cancel"
CERTIFICATE_SALT = "materials.training.certificate"
TOKEN_PARAM = "kod"


class RegistrationLinksMixin:
    """For `TrainingPage`: the links, their routes and the pages they lead to."""

    def cancel_line(self, submission):
        if submission.status == RegistrationStatus.WAITING_LIST:
            text = _("Jeśli nie chcesz już czekać na miejsce, wypisz się z listy rezerwowej: %(url)s")
        else:
            text = _("Jeśli nie możesz przyjść, zwolnij miejsce dla innej osoby: %(url)s")
        return text % {"url": self.cancel_url(submission)}

    def _signed_url(self, route, salt, submission):
        # In the query string: a token's ":" is not allowed in a page's path.
        query = urlencode({TOKEN_PARAM: signing.dumps(submission.pk, salt=salt)})
        return f"{self.full_url or ''}{self.reverse_subpage(route)}?{query}"

    def cancel_url(self, submission):
        return self._signed_url("cancel", CANCEL_SALT, submission)

    def certificate_url(self, submission):
        return self._signed_url("certificate", CERTIFICATE_SALT, submission)

    def registration_from(self, request, salt):
        """The registration a signed link names, or None for a changed or foreign link."""
        token = request.GET.get(TOKEN_PARAM, "")
        try:
            pk = signing.loads(token, salt=salt)
        except signing.BadSignature:
            return None
        if not isinstance(pk, int):
            return None
        return self.registrations().filter(pk=pk).first()

    def attendee_name(self, submission):
        """What the person typed in the first one-line field (the form starts with the name)."""
        for field in self.get_form_fields():
            if field.field_type == "singleline":
                return submission.form_data.get(field.clean_name, "")
        return ""

    # Routes

    def _link_page(self, request, template, context, status=200):
        return TemplateResponse(request, template, {**self.get_context(request), **context}, status=status)

    @path("rezygnacja/", name="cancel")
    @method_decorator(never_cache)
    def cancel(self, request):
        submission = self.registration_from(request, CANCEL_SALT)
        template = "materials/training_cancel.html"
        if submission is None:
            return self._link_page(request, template, {"outcome": "invalid"}, status=404)
        # Read before cancelling: a person waiting gives up a place on the list, not a seat.
        on_reserve_list = submission.status == RegistrationStatus.WAITING_LIST
        if request.method == "POST":
            outcome = "cancelled" if self.cancel_registration(submission.pk) else "already"
        elif submission.status in CANCELLABLE_STATES and not self.is_over:
            outcome = "confirm"
        else:
            outcome = "already"
        if outcome == "already":
            submission.refresh_from_db()
        return self._link_page(
            request,
            template,
            {
                "outcome": outcome,
                "registration": submission,
                "name": self.attendee_name(submission),
                "on_reserve_list": on_reserve_list,
            },
            status=410 if outcome == "already" else 200,
        )

    @path("zaswiadczenie/", name="certificate")
    @method_decorator(never_cache)
    def certificate(self, request):
        from ..certificates import certificate_response

        submission = self.registration_from(request, CERTIFICATE_SALT)
        name = self.attendee_name(submission) if submission else ""
        if submission is None or submission.status != RegistrationStatus.ATTENDED or not name:
            return self._link_page(request, "materials/training_certificate_refused.html", {}, status=404)
        return certificate_response(request, self, name)
