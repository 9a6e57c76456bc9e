"""Articles: good practices from other cities, educational texts and what already works in Sosnowiec.
The index lists them as cards and filters them by tag (/tag/budzet/) or kind (/rodzaj/edukacja/)."""

from django.db import models
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from home.models import BasePage

from ..choices import ARTICLE_KIND_SLUGS, ArticleKind
from .common import CoverImageMixin, body_field, index_body_field, paginate, with_cover_images
from .tags import Tag

ARTICLES_PER_PAGE = 12
RELATED_ARTICLES = 3


class ArticleIndexPage(RoutablePageMixin, BasePage):
    body = index_body_field()

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.ArticlePage"]

    class Meta:
        verbose_name = _("lista artykułów")
        verbose_name_plural = _("listy artykułów")

    def articles(self):
        return ArticlePage.objects.child_of(self).live().public()

    def tag_url(self, tag):
        return self.url + self.reverse_subpage("tag", args=[tag.slug])

    def kind_url(self, kind):
        return self.url + self.reverse_subpage("kind", args=[ARTICLE_KIND_SLUGS[kind]])

    def get_context(self, request, *args, tag=None, kind="", **kwargs):
        context = super().get_context(request, *args, **kwargs)
        all_articles = articles = self.articles()
        if tag is not None:
            articles = articles.filter(tagged_items__tag=tag)
        if kind:
            articles = articles.filter(kind=kind)
        articles = with_cover_images(articles.order_by("-date", "-pk"))
        tags = Tag.objects.filter(tagged_articles__content_object__in=all_articles).distinct()
        context.update(
            {
                "articles": paginate(request, articles, ARTICLES_PER_PAGE),
                "kinds": [
                    {"label": label, "url": self.kind_url(value), "current": value == kind}
                    for value, label in ArticleKind.choices
                ],
                "tags": [
                    {"tag": item, "url": self.tag_url(item), "current": item == tag}
                    for item in tags.order_by("name")
                ],
                "selected_tag": tag,
                "selected_kind": ArticleKind(kind).label if kind else "",
            }
        )
        return context

    @path("tag/<slug:tag>/", name="tag")
    def by_tag(self, request, tag):
        return self.render(request, tag=get_object_or_404(Tag, slug=tag))

    @path("rodzaj/<slug:kind>/", name="kind")
    def by_kind(self, request, kind):
        kinds = {slug: value for value, slug in ARTICLE_KIND_SLUGS.items()}
        if kind not in kinds:
            raise Http404
        return self.render(request, kind=kinds[kind])


class ArticlePage(CoverImageMixin, BasePage):
    author = models.CharField(
        _("autor"),
        max_length=200,
        blank=True,
        help_text=_("Kto napisał tekst: osoba, zespół lub wydział, np. „Wydział Komunikacji Społecznej”."),
    )
    date = models.DateField(
        _("data"), default=timezone.localdate, help_text=_("Data publikacji pokazywana przy artykule.")
    )
    source = models.CharField(
        _("źródło"),
        max_length=200,
        blank=True,
        help_text=_(
            "Skąd pochodzi opisana praktyka lub wiedza: miasto (np. „Urząd Miejski w Sosnowcu”) "
            "albo organizacja (np. „Fundacja Praw Podstawowych”)."
        ),
    )
    source_url = models.URLField(
        _("link do źródła"), blank=True, help_text=_("Nieobowiązkowy adres strony źródła.")
    )
    kind = models.CharField(
        _("rodzaj"),
        max_length=20,
        choices=ArticleKind.choices,
        default=ArticleKind.GOOD_PRACTICE,
        help_text=_("Według rodzaju mieszkańcy filtrują listę artykułów."),
    )
    body = body_field(_("Treść artykułu: nagłówki, tekst, zdjęcia, cytaty, dokumenty."))
    tags = ClusterTaggableManager(
        verbose_name=_("tagi"),
        through="materials.TaggedArticle",
        blank=True,
        help_text=_(
            "Słowa, po których można znaleźć podobne artykuły, np. „budżet”, „szkoła”, „zieleń”. "
            "Oddzielaj je przecinkami."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
                FieldPanel("tags"),
            ],
            heading=_("O artykule"),
        ),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading=_("Zdjęcie")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("author"),
        index.SearchField("source"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    parent_page_types = ["materials.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("artykuł")
        verbose_name_plural = _("artykuły")

    def related_articles(self, index_page, tags):
        """Up to three other articles of the list that share the most tags with this one."""
        if not tags:
            return []
        related = (
            index_page.articles()
            .exclude(pk=self.pk)
            .filter(tagged_items__tag__in=tags)
            .annotate(shared_tags=Count("tagged_items"))
            .order_by("-shared_tags", "-date", "-pk")
        )
        return list(with_cover_images(related)[:RELATED_ARTICLES])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment of the article is missing.
        context["details"] = self.details
        return context

    def details(self):
        """What the article shows around its text: its list, the links to its kind and tags in that
        list, and the related articles."""
        index_page = self.get_parent().specific
        tags = [tag for tag in self.tags.all() if tag.pk]  # a preview may hold tags not saved yet
        return {
            "index_page": index_page,
            "kind_url": index_page.kind_url(self.kind),
            "tag_links": [{"tag": tag, "url": index_page.tag_url(tag)} for tag in tags],
            "related_articles": self.related_articles(index_page, tags),
        }
