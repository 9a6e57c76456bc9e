from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from wagtail.log_actions import log

from ..models import SubmissionFile
from .permissions import submission_policy


def download_attachment(request, pk):
    """A resident's attachment, for moderators only, always as a download (never shown inline, so a
    file cannot run as a page of the admin's address). Each download is logged. From object storage
    the moderator is sent to a link signed for a minute (sosnowiec_bo/s3_storage.py); from the
    local disk the file is sent here."""
    if not submission_policy().user_has_permission(request.user, "moderate"):
        raise PermissionDenied
    attachment = SubmissionFile.objects.select_related("submission").filter(pk=pk).first()
    if attachment is None:
        raise Http404
    storage = attachment.file.storage
    signed_url = getattr(storage, "signed_download_url", None)
    if signed_url is None:
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
    else:
        if not storage.exists(attachment.file.name):
            raise Http404
        response = HttpResponseRedirect(
            signed_url(
                attachment.file.name, filename=attachment.original_name, content_type=attachment.content_type
            )
        )
    log(
        instance=attachment.submission,
        action="consultation.download",
        user=request.user,
        data={"file": attachment.original_name},
    )
    response["Cache-Control"] = "private, no-store"
    return response
