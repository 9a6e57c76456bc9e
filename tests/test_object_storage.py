"""Media and residents' attachments on S3-compatible object storage (sosnowiec_bo/object_storage.py),
against moto's S3 server started here on a free local port: uploads through the Wagtail admin land
in the public bucket and the page links there; a proposal's attachment lands in the private bucket,
which refuses unsigned reads, and only a moderator is sent to a link signed for a minute."""

import json
import logging
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.http import content_disposition_header
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from consultation.attachments import private_storage
from consultation.models import SubmissionFile
from home.demo_content import _groups_and_users
from sosnowiec_bo.object_storage import media_hosts, storages_from_env
from sosnowiec_bo.settings.base import BASE_DIR
from tests.budget_fixtures import PDF, post_proposal
from tests.factories import document_list_block, image_block
from tests.test_attachments import JPEG

pytestmark = pytest.mark.usefixtures("instant_forms")

MEDIA_BUCKET = "bo-media"
PRIVATE_BUCKET = "bo-zalaczniki"
REGION = "eu-central-1"
# Without a proxy: the server is on this machine.
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def s3_endpoint():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def fetch(url, method="GET"):
    """An anonymous request, as a browser without any key makes it: (status, headers, body)."""
    try:
        with _direct.open(urllib.request.Request(url, method=method), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def public_read_policy(bucket):
    anyone_reads = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}
    return json.dumps(
        {"Version": "2012-10-17", "Statement": [{**anyone_reads, "Resource": f"arn:aws:s3:::{bucket}/*"}]}
    )


def object_storage_env(endpoint, **extra):
    return {
        "S3_BUCKET": MEDIA_BUCKET,
        "S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": REGION,
        **extra,
    }


@pytest.fixture
def s3(s3_endpoint, monkeypatch, settings):
    """Empty buckets as docs/deployment.md sets them up (the media bucket readable by anyone, the
    attachments' bucket not), and STORAGES built from the environment the way the settings do."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "bo-test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "bo-test-secret")
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(BASE_DIR / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(BASE_DIR / "no-aws-credentials"))
    _direct.open(urllib.request.Request(f"{s3_endpoint}/moto-api/reset", method="POST"), timeout=10)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    client.put_bucket_policy(Bucket=MEDIA_BUCKET, Policy=public_read_policy(MEDIA_BUCKET))

    def configure(**extra):
        settings.STORAGES = {
            **django_settings.STORAGES,
            **storages_from_env(object_storage_env(s3_endpoint, **extra)),
        }

    configure()
    client.endpoint = s3_endpoint
    client.configure = configure
    return client


def keys(client, bucket):
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


@pytest.fixture
def editor(site_tree):
    """The demo's editor: uploads images and documents, edits pages, does not moderate."""
    _groups_and_users(site_tree.home, StringIO())
    client = Client()
    client.force_login(get_user_model().objects.get(username="redaktor"))
    return client


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


# --- public media -------------------------------------------------------------------------------


def upload_image(editor, filename="zdjecie.jpg"):
    response = editor.post(
        reverse("wagtailimages:add"), {"title": "Plac zabaw", "file": SimpleUploadedFile(filename, JPEG)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.latest("pk")


def upload_document(editor, filename, content):
    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Regulamin", "file": SimpleUploadedFile(filename, content)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.latest("pk")


def test_image_uploaded_in_the_admin_is_in_the_bucket_and_the_page_shows_it_from_there(
    s3, editor, site_tree, client, django_assert_max_num_queries
):
    # A name no other test uses: the local media folder is shared by the tests on disk storage.
    image = upload_image(editor, f"zdjecie-{uuid.uuid4().hex}.jpg")
    assert f"original_images/{image.file.name.rsplit('/', 1)[-1]}" in keys(s3, MEDIA_BUCKET)
    page = site_tree.about
    page.body = [image_block(image, "Nowy plac zabaw")]
    page.save_revision().publish()

    client.get(page.url)  # renders the renditions into the bucket
    with django_assert_max_num_queries(30):
        html = client.get(page.url).content.decode()

    image_tag = BeautifulSoup(html, "html.parser").select_one("main img")
    assert image_tag["alt"] == "Nowy plac zabaw"
    source = image_tag["src"]
    assert source.startswith(f"{s3.endpoint}/{MEDIA_BUCKET}/images/")
    assert "X-Amz-Signature" not in source
    status, headers, body = fetch(source)
    assert status == 200
    assert headers["Content-Type"].startswith("image/")
    assert body[:3] == b"\xff\xd8\xff"
    assert not (django_settings.MEDIA_ROOT / image.file.name).exists()


def test_document_uploaded_in_the_admin_is_in_the_bucket_and_the_page_link_leads_there(
    s3, editor, site_tree, client
):
    content = b"%PDF-1.4\n" + b"Regulamin budzetu" * 50
    document = upload_document(editor, "regulamin.pdf", content)
    assert document.file.name in keys(s3, MEDIA_BUCKET)
    page = site_tree.about
    page.body = [document_list_block([document], title="Do pobrania")]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    link = BeautifulSoup(html, "html.parser").select_one(".document-list-block__link")["href"]
    served = client.get(link)

    assert served.status_code == 302
    assert served["Location"] == f"{s3.endpoint}/{MEDIA_BUCKET}/{document.file.name}"
    status, _, body = fetch(served["Location"])
    assert (status, body) == (200, content)


def test_two_uploads_with_one_name_keep_two_objects(s3, editor):
    first = upload_document(editor, "plan.pdf", b"%PDF-1.4\npierwszy")
    second = upload_document(editor, "plan.pdf", b"%PDF-1.4\ndrugi")

    assert first.file.name != second.file.name
    assert s3.get_object(Bucket=MEDIA_BUCKET, Key=first.file.name)["Body"].read() == b"%PDF-1.4\npierwszy"
    assert s3.get_object(Bucket=MEDIA_BUCKET, Key=second.file.name)["Body"].read() == b"%PDF-1.4\ndrugi"


def test_media_links_point_at_the_cdn_when_one_is_configured(s3, editor):
    s3.configure(S3_CUSTOM_DOMAIN="https://media.bo.sosnowiec.invalid/")
    image = upload_image(editor)

    assert image.file.name.rsplit("/", 1)[-1] in " ".join(keys(s3, MEDIA_BUCKET))
    assert default_storage.url(image.file.name) == f"https://media.bo.sosnowiec.invalid/{image.file.name}"
    # The CDN is for public media only: attachments keep their signed links to the bucket.
    signed = private_storage().url("zalaczniki/x.pdf")
    assert signed.startswith(f"{s3.endpoint}/{PRIVATE_BUCKET}/") and "X-Amz-Signature=" in signed


# --- residents' attachments ---------------------------------------------------------------------


@pytest.fixture
def sent_attachment(s3, budget, client):
    assert post_proposal(client, budget.form).status_code == 302
    return SubmissionFile.objects.get()


def test_proposal_attachment_is_in_the_private_bucket_and_refused_without_a_signature(s3, sent_attachment):
    key = sent_attachment.file.name

    assert keys(s3, PRIVATE_BUCKET) == [key]
    assert s3.get_object(Bucket=PRIVATE_BUCKET, Key=key)["Body"].read() == PDF
    assert keys(s3, MEDIA_BUCKET) == []
    assert not (django_settings.PRIVATE_MEDIA_ROOT / key).exists()
    assert fetch(f"{s3.endpoint}/{PRIVATE_BUCKET}/{key}")[0] == 403
    assert fetch(f"{s3.endpoint}/{PRIVATE_BUCKET}/{key}", method="HEAD")[0] == 403


def test_moderator_is_sent_to_a_link_signed_for_a_minute(s3, sent_attachment, moderator_client):
    before = datetime.utcnow().replace(microsecond=0)
    response = moderator_client.get(reverse("submission_inbox:attachment", args=[sent_attachment.pk]))

    assert response.status_code == 302
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{s3.endpoint}/{PRIVATE_BUCKET}/{sent_attachment.file.name}"
    )
    query = parse_qs(location.query)
    assert query["X-Amz-Expires"] == ["60"]
    assert query["X-Amz-Signature"]
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")
    assert before <= signed_at <= datetime.utcnow() + timedelta(seconds=1)
    status, headers, body = fetch(response["Location"])
    assert (status, body) == (200, PDF)
    assert headers["Content-Disposition"] == 'attachment; filename="lista.pdf"'
    assert headers["Content-Type"] == "application/pdf"
    assert ModelLogEntry.objects.filter(action="consultation.download").count() == 1


def test_signed_link_stripped_of_its_signature_is_refused(s3, sent_attachment, moderator_client):
    response = moderator_client.get(reverse("submission_inbox:attachment", args=[sent_attachment.pk]))
    unsigned = response["Location"].split("?", 1)[0]

    assert fetch(unsigned)[0] == 403


@pytest.mark.parametrize(
    "filename",
    [
        '"><img src=x onerror=alert(1)>.pdf',
        "Wniosek – Zagórze ąęłńśźż.pdf",
        "a" * 240 + ".pdf",
        "x\\y;z\r\n.pdf",
    ],
)
def test_hostile_file_names_come_back_as_a_download_of_that_name(
    s3, budget, client, moderator_client, filename
):
    upload = SimpleUploadedFile(filename, PDF)
    assert post_proposal(client, budget.form, **{"Lista poparcia": upload}).status_code == 302
    attachment = SubmissionFile.objects.get()

    response = moderator_client.get(reverse("submission_inbox:attachment", args=[attachment.pk]))
    status, headers, body = fetch(response["Location"])

    assert (status, body) == (200, PDF)
    assert headers["Content-Disposition"] == content_disposition_header(True, attachment.original_name)


def test_anonymous_visitor_and_editor_without_moderation_get_no_link(s3, sent_attachment, client, editor):
    url = reverse("submission_inbox:attachment", args=[sent_attachment.pk])

    anonymous = Client().get(url)
    refused = editor.get(url)

    for response in (anonymous, refused):
        assert s3.endpoint not in response.get("Location", "")
        assert s3.endpoint not in response.content.decode()
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert refused.status_code in {302, 403}
    assert ModelLogEntry.objects.filter(action="consultation.download").count() == 0


def test_attachment_gone_from_the_bucket_gives_not_found(s3, sent_attachment, moderator_client):
    s3.delete_object(Bucket=PRIVATE_BUCKET, Key=sent_attachment.file.name)

    response = moderator_client.get(reverse("submission_inbox:attachment", args=[sent_attachment.pk]))

    assert response.status_code == 404


def test_anonymized_submission_leaves_no_file_in_the_bucket(s3, sent_attachment):
    sent_attachment.submission.anonymize(field_names=[])

    assert keys(s3, PRIVATE_BUCKET) == []


# --- configuration ------------------------------------------------------------------------------


def test_without_buckets_the_file_system_stays():
    assert storages_from_env({}) == {}
    assert media_hosts({}) == []
    assert django_settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert django_settings.STORAGES["private"]["BACKEND"] == "sosnowiec_bo.storage.PrivateFileSystemStorage"


@pytest.mark.parametrize(
    "environ, hosts",
    [
        (
            {"S3_BUCKET": "bo-media", "S3_REGION": "eu-central-1"},
            ["https://bo-media.s3.amazonaws.com", "https://bo-media.s3.eu-central-1.amazonaws.com"],
        ),
        (
            {"S3_BUCKET": "bo", "S3_ENDPOINT_URL": "https://s3.waw.example.net"},
            ["https://s3.waw.example.net"],
        ),
        (
            {
                "S3_BUCKET": "bo",
                "S3_ENDPOINT_URL": "https://s3.example.net",
                "S3_ADDRESSING_STYLE": "virtual",
            },
            ["https://bo.s3.example.net"],
        ),
        ({"S3_BUCKET": "bo", "S3_CUSTOM_DOMAIN": "media.bo.example"}, ["https://media.bo.example"]),
        ({"S3_BUCKET": "bo", "S3_CUSTOM_DOMAIN": "https://media.bo.example/"}, ["https://media.bo.example"]),
        ({"S3_PRIVATE_BUCKET": "bo-private"}, []),
    ],
)
def test_csp_allows_the_host_that_serves_public_media(environ, hosts):
    assert media_hosts(environ) == hosts


def test_production_with_object_storage_passes_the_deploy_checks_and_allows_the_media_host():
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="sosnowiec_bo.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="bo.sosnowiec.pl",
        S3_BUCKET="bo-media",
        S3_PRIVATE_BUCKET="bo-zalaczniki",
        S3_REGION="eu-central-1",
        S3_CUSTOM_DOMAIN="media.bo.sosnowiec.pl",
        S3_PRIVATE_URL_SECONDS="45",
    )
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "from django.core.management import call_command; call_command('check', '--deploy', '--fail-level', 'WARNING'); "
        "print(json.dumps([s.STORAGES, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
        "s.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES']['img-src']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    storages, public_img, admin_img = json.loads(result.stdout.strip().splitlines()[-1])
    assert storages["default"]["BACKEND"] == "sosnowiec_bo.s3_storage.PublicMediaStorage"
    assert storages["default"]["OPTIONS"]["custom_domain"] == "media.bo.sosnowiec.pl"
    assert storages["private"]["BACKEND"] == "sosnowiec_bo.s3_storage.PrivateAttachmentStorage"
    assert storages["private"]["OPTIONS"]["querystring_expire"] == 45
    assert "custom_domain" not in storages["private"]["OPTIONS"]
    assert not any("KEY" in str(value).upper() for value in storages.values())
    assert "https://media.bo.sosnowiec.pl" in public_img
    assert "https://media.bo.sosnowiec.pl" in admin_img
