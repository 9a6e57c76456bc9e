"""Media and residents' attachments on S3-compatible object storage, configured by environment
variables (docs/deployment.md, "Object storage"). Read by the settings, so it imports neither Django's
storage nor boto3: it only builds the STORAGES entries and the hosts the CSP must allow.

S3_BUCKET          bucket of public media (Wagtail images, their renditions, documents)
S3_PRIVATE_BUCKET  bucket of residents' attachments, never public; moderators get signed links
S3_ENDPOINT_URL    address of an S3-compatible service (MinIO, Ceph, a cloud's); empty for AWS
S3_REGION          region of both buckets
S3_ADDRESSING_STYLE  "path" or "virtual" when the service needs one (default: boto3's choice)
S3_CUSTOM_DOMAIN   host name of a CDN in front of the public bucket (media links point there)
S3_PRIVATE_URL_SECONDS  lifetime of a moderator's signed link (60)
Credentials come from boto3's usual chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
machine's role; they are never copied into the settings.
"""

from urllib.parse import urlsplit

PUBLIC_BACKEND = "sosnowiec_bo.s3_storage.PublicMediaStorage"
PRIVATE_BACKEND = "sosnowiec_bo.s3_storage.PrivateAttachmentStorage"
PRIVATE_URL_SECONDS = 60


def _value(environ, name):
    return environ.get(name, "").strip()


def _custom_domain(environ):
    """The CDN's host name, whether it was given with its scheme and a slash or without."""
    domain = _value(environ, "S3_CUSTOM_DOMAIN")
    return urlsplit(domain).netloc if "//" in domain else domain.rstrip("/")


def _connection_options(environ):
    options = {
        "endpoint_url": _value(environ, "S3_ENDPOINT_URL"),
        "region_name": _value(environ, "S3_REGION"),
        "addressing_style": _value(environ, "S3_ADDRESSING_STYLE"),
    }
    return {name: value for name, value in options.items() if value}


def storages_from_env(environ):
    """STORAGES entries replacing "default" (public media) and "private" (attachments) for the
    buckets that are configured; an empty dict keeps the local file system."""
    connection = _connection_options(environ)
    storages = {}
    if bucket := _value(environ, "S3_BUCKET"):
        options = {**connection, "bucket_name": bucket}
        if domain := _custom_domain(environ):
            options["custom_domain"] = domain
        storages["default"] = {"BACKEND": PUBLIC_BACKEND, "OPTIONS": options}
    if private_bucket := _value(environ, "S3_PRIVATE_BUCKET"):
        seconds = int(_value(environ, "S3_PRIVATE_URL_SECONDS") or PRIVATE_URL_SECONDS)
        storages["private"] = {
            "BACKEND": PRIVATE_BACKEND,
            "OPTIONS": {**connection, "bucket_name": private_bucket, "querystring_expire": seconds},
        }
    return storages


def media_hosts(environ):
    """Origins that serve public media, for the CSP's img-src and media-src. The private bucket is
    not among them: its files are only ever downloaded, never shown in a page."""
    bucket = _value(environ, "S3_BUCKET")
    if not bucket:
        return []
    if domain := _custom_domain(environ):
        return [f"https://{domain}"]
    if endpoint := _value(environ, "S3_ENDPOINT_URL"):
        # boto3 addresses a bucket on another service by path unless told otherwise.
        parts = urlsplit(endpoint)
        if _value(environ, "S3_ADDRESSING_STYLE") == "virtual":
            return [f"{parts.scheme}://{bucket}.{parts.netloc}"]
        return [f"{parts.scheme}://{parts.netloc}"]
    region = _value(environ, "S3_REGION")
    regional = [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    return [f"https://{bucket}.s3.amazonaws.com", *regional]
