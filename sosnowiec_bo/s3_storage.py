"""The two storages on S3-compatible object storage (chosen by sosnowiec_bo/object_storage.py)."""

from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage


class PublicMediaStorage(S3Storage):
    """Images, renditions and documents: plain, unsigned addresses (the bucket, or the CDN in front
    of it, is readable by anyone). Never overwrites: two uploads of "plan.pdf" keep two files."""

    querystring_auth = False
    file_overwrite = False


class PrivateAttachmentStorage(S3Storage):
    """Residents' attachments in a bucket nobody reads without a signature. Objects are written
    without an ACL, so they stay as private as the bucket; no CDN and no unsigned address, whatever
    the options say. A moderator gets a link signed for `querystring_expire` seconds."""

    file_overwrite = False

    def __init__(self, **settings):
        super().__init__(**settings)
        self.querystring_auth = True
        self.custom_domain = None
        self.cloudfront_signer = None
        self.default_acl = None

    def signed_download_url(self, name, *, filename, content_type):
        """A short-lived link the bucket answers with a download of the sender's file name, never
        shown inline, and not kept by a browser or a proxy."""
        return self.url(
            name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
        )
