"""Attachments, the pipeline's file field: checked by content (a renamed program or an HTML page
named .pdf is refused), limited in size per field, kept in private storage outside the public media
folder, and deleted with the sender's other personal data."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import ModelLogEntry

from consultation.attachments import FileKinds
from consultation.models import FormField, Submission, SubmissionFile
from home.demo import _pdf_bytes
from tests.consultation_fixtures import comment_data, read_token

pytestmark = pytest.mark.usefixtures("instant_forms")


def image_bytes(format):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, format=format)
    return buffer.getvalue()


def large_png(width, height):
    """A valid black-and-white PNG of any size, built without holding its pixels in memory."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes((width + 7) // 8)
    packer = zlib.compressobj(9)
    rows_at_once = 1000
    data = b"".join(
        packer.compress(row * min(rows_at_once, height - done)) for done in range(0, height, rows_at_once)
    )
    data += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


PDF = _pdf_bytes(["Lista poparcia"])
JPEG = image_bytes("JPEG")
PNG = image_bytes("PNG")
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200
HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


@pytest.fixture
def form_page(consultations):
    page = consultations.open
    FormField.objects.create(
        page=page,
        sort_order=10,
        label="Lista poparcia",
        field_type=FormField.ATTACHMENT,
        required=False,
        file_kinds=FileKinds.PDF_OR_IMAGE,
        max_file_size_mb=1,
    )
    return page


def send(client, page, filename, content, **overrides):
    data = comment_data(page, read_token(client, page), **overrides)
    name = next(
        field.clean_name for field in page.get_form_fields() if field.field_type == FormField.ATTACHMENT
    )
    data[name] = SimpleUploadedFile(filename, content)
    return client.post(page.url, data)


@pytest.mark.parametrize(
    "filename, content, kind",
    [
        ("lista.pdf", PDF, "pdf"),
        ("zdjecie.jpg", JPEG, "jpg"),
        ("mapa.png", PNG, "png"),
        ("skan.PDF", PDF, "pdf"),
    ],
)
def test_real_pdf_jpg_and_png_are_kept_in_private_storage(client, form_page, filename, content, kind):
    response = send(client, form_page, filename, content)

    assert response.status_code == 302
    attachment = SubmissionFile.objects.get()
    assert attachment.kind == kind
    assert attachment.original_name == filename
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == content
    assert Path(settings.PRIVATE_MEDIA_ROOT) in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    assert filename not in stored.name  # nothing the sender typed in the path
    assert attachment.submission.form_data["lista_poparcia"] == filename


@pytest.mark.parametrize(
    "filename, content",
    [
        ("projekt.pdf", EXE),
        ("projekt.exe", EXE),
        ("lista.pdf", HTML),
        ("zdjecie.jpg", HTML),
        ("uszkodzony.pdf", b"%PDF-1.4\nto nie jest PDF"),
        ("obraz.png", b"\x89PNG\r\n\x1a\nnic"),
        ("pusty.pdf", b""),
    ],
    ids=["exe-named-pdf", "exe", "html-named-pdf", "html-named-jpg", "broken-pdf", "broken-png", "empty"],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_the_rest_of_the_form_kept(
    client, form_page, filename, content
):
    response = send(client, form_page, filename, content, text="Uwaga, którą chcę zachować.")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Uwaga, którą chcę zachować." in html
    assert "reszta formularza została zachowana" in html
    assert not Submission.objects.exists()
    assert not SubmissionFile.objects.exists()


def test_a_file_over_the_fields_limit_is_refused_with_its_size(client, form_page):
    big = PDF + b"%" + b"0" * (1024 * 1024)

    response = send(client, form_page, "duzy.pdf", big)

    assert response.status_code == 200
    assert "Plik „duzy.pdf” ma 1,0\xa0MB, a limit to 1,0\xa0MB." in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize("size", [(20_000, 20_000), (10_000, 6_000)], ids=["bomb", "over-the-limit"])
def test_a_real_image_with_too_many_pixels_is_refused_with_the_limit(client, form_page, size):
    response = send(client, form_page, "mapa.png", large_png(*size), text="Uwaga, którą chcę zachować.")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "Zdjęcie „mapa.png” ma za dużo pikseli: dozwolone jest do 50 milionów pikseli, np. 8000 × 6000."
        in html
    )
    assert "nie jest poprawnym plikiem" not in html
    assert "Uwaga, którą chcę zachować." in html
    assert not Submission.objects.exists()


def test_an_image_within_the_pixel_limit_is_kept(client, form_page):
    response = send(client, form_page, "mapa.png", large_png(8_000, 6_000))

    assert response.status_code == 302
    assert SubmissionFile.objects.get().kind == "png"


def test_only_pdf_field_refuses_a_large_image_as_not_a_pdf(client, form_page):
    form_page.form_fields.filter(field_type=FormField.ATTACHMENT).update(file_kinds=FileKinds.PDF)

    response = send(client, form_page, "mapa.png", large_png(20_000, 20_000))

    assert "nie jest poprawnym plikiem tego rodzaju: PDF" in response.content.decode()
    assert not Submission.objects.exists()


def test_only_pdf_field_refuses_a_photo(client, form_page):
    form_page.form_fields.filter(field_type=FormField.ATTACHMENT).update(file_kinds=FileKinds.PDF)

    response = send(client, form_page, "zdjecie.jpg", JPEG)

    assert response.status_code == 200
    assert "nie jest poprawnym plikiem tego rodzaju: PDF" in response.content.decode()


def test_form_with_an_attachment_field_is_multipart_and_says_what_it_accepts(client, form_page):
    html = client.get(form_page.url).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert 'accept=".jpg,.jpeg,image/jpeg,.pdf,application/pdf,.png,image/png"' in html
    assert "Dozwolone: dokument PDF albo zdjęcie JPG lub PNG, do 1 MB." in html


def test_attachments_are_not_under_the_public_media_address(client, form_page):
    send(client, form_page, "lista.pdf", PDF)
    attachment = SubmissionFile.objects.get()

    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 - private storage has no public address
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    assert str(settings.PRIVATE_MEDIA_ROOT) not in str(settings.MEDIA_ROOT)


def test_anonymisation_deletes_the_files(client, form_page, consultations):
    send(client, form_page, "lista.pdf", PDF)
    stored = Path(SubmissionFile.objects.get().file.path)
    consultations.open.end_at = timezone.now() - timezone.timedelta(days=400)
    consultations.open.start_at = consultations.open.end_at - timezone.timedelta(days=10)
    consultations.open.save_revision().publish()

    call_command("anonymize_submissions", stdout=io.StringIO())

    assert not SubmissionFile.objects.exists()
    assert not stored.exists()
    assert Submission.objects.get().anonymized_at is not None


def test_deleting_a_submission_deletes_its_files(client, form_page):
    send(client, form_page, "lista.pdf", PDF)
    stored = Path(SubmissionFile.objects.get().file.path)

    Submission.objects.all().delete()

    assert not stored.exists()


# Moderators download attachments through the inbox


@pytest.fixture
def sent_attachment(client, form_page):
    send(client, form_page, "lista <poparcia>.pdf", PDF)
    return SubmissionFile.objects.select_related("submission").get()


def moderator_client(client, django_user_model):
    group = Group.objects.create(name="Moderatorzy")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_submission"),
    )
    user = django_user_model.objects.create_user("moderatorka", password="x")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_moderator_downloads_the_attachment_from_the_detail_and_it_is_logged(
    client, django_user_model, sent_attachment
):
    moderator = moderator_client(client, django_user_model)
    detail = moderator.get(
        reverse("submission_inbox:edit", args=[sent_attachment.submission_id])
    ).content.decode()
    url = reverse("submission_inbox:attachment", args=[sent_attachment.pk])
    assert f'href="{url}"' in detail
    assert "lista &lt;poparcia&gt;.pdf" in detail

    response = moderator.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    assert ModelLogEntry.objects.filter(action="consultation.download").count() == 1


def test_only_moderators_download_attachments(client, django_user_model, sent_attachment):
    url = reverse("submission_inbox:attachment", args=[sent_attachment.pk])
    assert client.get(url).status_code == 302  # to the login page
    assert "/admin/login/" in client.get(url)["Location"]

    editor = django_user_model.objects.create_user("redaktorka", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert not getattr(response, "streaming", False)


def test_unknown_or_missing_attachment_is_404(client, django_user_model, sent_attachment):
    moderator = moderator_client(client, django_user_model)
    assert moderator.get(reverse("submission_inbox:attachment", args=[999999])).status_code == 404
    Path(sent_attachment.file.path).unlink()
    assert moderator.get(reverse("submission_inbox:attachment", args=[sent_attachment.pk])).status_code == 404
