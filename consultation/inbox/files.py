from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from wagtail.log_actions import log

from ..models import SubmissionFile
from .permissions import submission_policy


def download_attachment(request, pk):
    """A resident's attachment, for moderators only, always as a download (never shown inline, so a
    file cannot run as a page of the admin's address). Each download is logged."""
    if not submission_policy().user_has_permission(request.user, "moderate"):
        raise PermissionDenied
    attachment = SubmissionFile.objects.select_related("submission").filter(pk=pk).first()
    if attachment is None:
        raise Http404
    if hasattr(attachment.file.storage, "signed_download_url"):
        response = _signed_redirect(attachment)
    else:
        response = _file_response(attachment)
    log(
        instance=attachment.submission,
        action="consultation.download",
        user=request.user,
        data={"file": attachment.original_name},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _file_response(attachment):
    """From the local disk: the file itself."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _signed_redirect(attachment):
    """From object storage (sosnowiec_bo/s3_storage.py): to a link signed for a minute."""
    storage, name = attachment.file.storage, attachment.file.name
    if not storage.exists(name):
        raise Http404
    return HttpResponseRedirect(
        storage.signed_download_url(
            name, filename=attachment.original_name, content_type=attachment.content_type
        )
    )
