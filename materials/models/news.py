"""News: dated announcements, newest first, with an RSS 2.0 feed at <news list>/rss/."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from home.models import BasePage

from ..feeds import NewsFeed
from .common import CoverImageMixin, body_field, index_body_field, paginate, with_cover_images

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, BasePage):
    body = index_body_field()

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.NewsPage"]

    class Meta:
        verbose_name = _("lista aktualności")
        verbose_name_plural = _("listy aktualności")

    def news(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = paginate(request, with_cover_images(self.news()), NEWS_PER_PAGE)
        return context

    @path("rss/", name="feed")
    def feed(self, request):
        return NewsFeed(self)(request)


class NewsPage(CoverImageMixin, BasePage):
    date = models.DateField(
        _("data"),
        default=timezone.localdate,
        help_text=_("Dzień, którego dotyczy wiadomość. Według niego układamy aktualności, od najnowszej."),
    )
    body = body_field(_("Treść wiadomości: tekst, zdjęcia, dokumenty, przycisk do zapisów."))

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading=_("Zdjęcie")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("date")]

    parent_page_types = ["materials.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent().specific
        return context
