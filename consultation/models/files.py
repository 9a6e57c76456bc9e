"""Files residents attached to their submissions, in private storage (see consultation/attachments.py)."""

import uuid

from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..attachments import CONTENT_TYPES, EXTENSIONS, private_storage


def attachment_path(instance, filename):
    """A random name: nothing the sender typed ends up in a path."""
    extension = EXTENSIONS.get(instance.kind, "")
    return f"zalaczniki/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(
        "consultation.Submission",
        verbose_name=_("zgłoszenie"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    field_name = models.CharField(_("pole formularza"), max_length=255)
    file = models.FileField(_("plik"), storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("nazwa pliku nadawcy"), max_length=255)
    kind = models.CharField(_("rodzaj"), max_length=4)
    size = models.PositiveIntegerField(_("rozmiar (bajty)"))

    class Meta:
        verbose_name = _("załącznik zgłoszenia")
        verbose_name_plural = _("załączniki zgłoszeń")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.kind, "application/octet-stream")

    @classmethod
    def store(cls, submission, field_name, upload):
        return cls.objects.create(
            submission=submission,
            field_name=field_name,
            file=upload,
            original_name=upload.name[:255],
            kind=upload.detected_kind,
            size=upload.size,
        )


@receiver(post_delete, sender=SubmissionFile)
def delete_stored_file(sender, instance, **kwargs):
    instance.file.delete(save=False)
