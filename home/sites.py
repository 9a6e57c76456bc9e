"""The default Wagtail Site takes its host name and port from `settings.SITE_URL`, so every absolute
link the site builds (`page.full_url` in e-mails, the sitemap, canonical links, .ics files) points
to the public address rather than to wherever the database was first created."""

from urllib.parse import urlsplit

from django.conf import settings

SITE_NAME = "Budżet Obywatelski Sosnowiec"
DEFAULT_PORTS = {"http": 80, "https": 443}


def site_location():
    """(hostname, port) of `settings.SITE_URL`; Wagtail writes port 443 as an https:// address."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def configure_default_site(**kwargs):
    """Give the default Site the configured address (run after every `migrate`)."""
    from wagtail.models import Site

    from home.page_cache import forget_pages

    hostname, port = site_location()
    moved = (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )
    Site.clear_site_root_paths_cache()
    if moved:
        # `update()` sends no signal: the cached site and the pages with its links are forgotten here.
        forget_pages()
