"""Files residents attach to a form: checked by their content, not their name (a renamed program or
an HTML page named .pdf is refused), and kept in private storage that is never served under the
public media address. Moderators download them through the inbox, which checks the permission."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader

PRIVATE_STORAGE = "private"


class _PrivateStorage(LazyObject):
    """STORAGES["private"] as it is configured now: the file field keeps this proxy, so a change of
    STORAGES (object storage in tests) reaches it, as Django's default_storage does."""

    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE]


_private_storage = _PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def private_storage():
    return _private_storage


class FileKinds(models.TextChoices):
    """What an attachment field accepts (an editor's choice per field)."""

    PDF_OR_IMAGE = "pdf_image", _("dokument PDF albo zdjęcie JPG lub PNG")
    PDF = "pdf", _("tylko dokument PDF")
    IMAGE = "image", _("tylko zdjęcie JPG lub PNG")


IMAGE_KINDS = frozenset({"jpg", "png"})
ACCEPTED = {
    FileKinds.PDF_OR_IMAGE: {"pdf", "jpg", "png"},
    FileKinds.PDF: {"pdf"},
    FileKinds.IMAGE: {"jpg", "png"},
}
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
EXTENSIONS = {"pdf": ".pdf", "jpg": ".jpg", "png": ".png"}
ACCEPT_ATTRIBUTE = {
    "pdf": ".pdf,application/pdf",
    "jpg": ".jpg,.jpeg,image/jpeg",
    "png": ".png,image/png",
}


# 50 megapixels: a phone's or a camera's photo fits; a larger image would take gigabytes of memory
# to show or to make a published project's picture from.
MAX_IMAGE_PIXELS = 50_000_000


class TooManyPixels(Exception):
    """A real JPG or PNG with more than MAX_IMAGE_PIXELS."""


def detect_kind(upload):
    """ "pdf", "jpg" or "png" when the file really is one, else None; TooManyPixels for a picture
    too large to open (Pillow refuses one of more than twice its own limit before it is read)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf" if len(PdfReader(upload).pages) > 0 else None
        if head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n"):
            with Image.open(upload) as image:
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise TooManyPixels
                image.verify()
                return {"JPEG": "jpg", "PNG": "png"}.get(image.format)
    except (TooManyPixels, Image.DecompressionBombError):
        raise TooManyPixels from None
    except Exception:  # any parser error means the file is not what it claims to be
        return None
    finally:
        upload.seek(0)
    return None


class AttachmentField(forms.FileField):
    default_error_messages = {
        "empty": _(
            "Wybrany plik jest pusty. Wybierz właściwy plik jeszcze raz (reszta formularza została zachowana)."
        ),
        "invalid": _("To nie jest plik. Wybierz plik jeszcze raz (reszta formularza została zachowana)."),
    }

    def __init__(self, *, kinds=FileKinds.PDF_OR_IMAGE, max_size_mb=10, **kwargs):
        self.kinds = ACCEPTED.get(kinds, ACCEPTED[FileKinds.PDF_OR_IMAGE])
        self.max_size = max_size_mb * 1024 * 1024
        kwargs.setdefault("widget", forms.FileInput)
        super().__init__(**kwargs)
        rules = _("Dozwolone: %(kinds)s, do %(size)s MB.") % {
            "kinds": FileKinds(kinds).label if kinds in FileKinds.values else FileKinds.PDF_OR_IMAGE.label,
            "size": max_size_mb,
        }
        self.help_text = f"{self.help_text} {rules}".strip()

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(ACCEPT_ATTRIBUTE[kind] for kind in sorted(self.kinds))
        return attrs

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if upload.size > self.max_size:
            raise ValidationError(
                _(
                    "Plik „%(name)s” ma %(size)s, a limit to %(limit)s. Zmniejsz go i wybierz jeszcze raz "
                    "(reszta formularza została zachowana)."
                )
                % {
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(self.max_size),
                },
                code="too_large",
            )
        try:
            kind = detect_kind(upload)
        except TooManyPixels:
            if self.kinds.isdisjoint(IMAGE_KINDS):
                kind = None  # a field for PDFs says which kind it takes
            else:
                raise ValidationError(
                    _(
                        "Zdjęcie „%(name)s” ma za dużo pikseli: dozwolone jest do %(limit)s milionów "
                        "pikseli, np. 8000 × 6000. Zmniejsz je (np. w telefonie albo programie do zdjęć) "
                        "i wybierz jeszcze raz (reszta formularza została zachowana)."
                    )
                    % {"name": upload.name, "limit": MAX_IMAGE_PIXELS // 1_000_000},
                    code="too_many_pixels",
                ) from None
        if kind not in self.kinds:
            raise ValidationError(
                _(
                    "Plik „%(name)s” nie jest poprawnym plikiem tego rodzaju: %(kinds)s. Sprawdź go i wybierz "
                    "jeszcze raz (reszta formularza została zachowana)."
                )
                % {"name": upload.name, "kinds": ", ".join(kind.upper() for kind in sorted(self.kinds))},
                code="wrong_type",
            )
        upload.detected_kind = kind
        return upload
