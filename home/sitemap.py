"""sitemap.xml: the live pages of every language tree of the site, each with its language versions
(hreflang alternates and x-default). Untranslated aliases are left out: they repeat the Polish text."""

from functools import cached_property

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .translations import prefetch_translations


class LanguageTreesSitemap(Sitemap):
    def items(self):
        return self.pages

    @cached_property
    def pages(self):
        """Evaluated once per request: Django's paginator asks for the items more than once."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for path in homes.values_list("path", flat=True):
            in_a_tree |= Q(path__startswith=path)
        pages = list(
            Page.objects.live()
            .public()
            .filter(in_a_tree, alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
        prefetch_translations(pages)
        return pages

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
