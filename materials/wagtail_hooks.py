from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.sections import HomeSection, index_below

from .models import (
    ArticleIndexPage,
    ArticlePage,
    Material,
    MaterialsIndexPage,
    NewsIndexPage,
    NewsPage,
    TrainingIndexPage,
    TrainingPage,
)
from .models.common import with_cover_images
from .models.registration import seats_left_expression
from .policies import PROMOTE, SELF_CANCEL


class MaterialViewSet(SnippetViewSet):
    """The files and recordings of the materials library, kept in one list in the admin."""

    model = Material
    icon = "doc-full-inverse"
    menu_label = _("Materiały do pobrania")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["title", "material_type", "year", "language"]
    list_filter = ["material_type", "year", "language"]
    ordering = ["-year", "title"]


register_snippet(MaterialViewSet)


# --- Sections of the home page (see home/sections.py) ---------------------------------------------

HOME_NEWS = 3
HOME_TRAININGS = 3
HOME_ARTICLES = 3


class LatestPages(HomeSection):
    """The newest pages of one type under the home page, with their cover images."""

    template = "materials/home_section_pages.html"
    model = None
    index_model = None
    count = 3
    anchor = title = more_label = ""

    def kicker(self, page):
        return ""

    def get_context(self, request, home_page):
        pages = list(
            with_cover_images(
                self.model.objects.live().public().descendant_of(home_page).order_by("-date", "-pk")
            )[: self.count]
        )
        if not pages:
            return None
        return {
            "pages": [(page, self.kicker(page)) for page in pages],
            "index": index_below(self.index_model, home_page),
            "anchor": self.anchor,
            "title": self.title,
            "more_label": self.more_label,
        }


class LatestNews(LatestPages):
    order = 40
    model = NewsPage
    index_model = NewsIndexPage
    count = HOME_NEWS
    anchor = "home-aktualnosci"
    title = _("Aktualności")
    more_label = _("Wszystkie aktualności")

    def kicker(self, page):
        return date_format(page.date, "j E Y")


class LatestArticles(LatestPages):
    order = 50
    model = ArticlePage
    index_model = ArticleIndexPage
    count = HOME_ARTICLES
    anchor = "home-artykuly"
    title = _("Dobre praktyki i wiedza")
    more_label = _("Wszystkie artykuły")

    def kicker(self, page):
        return capfirst(page.get_kind_display())


class FeaturedMaterials(HomeSection):
    """The materials the editors picked on the home page, in their order; a deleted one is skipped."""

    order = 60
    template = "materials/home_section_materials.html"

    def get_context(self, request, home_page):
        ids = [block.get("value") for block in home_page.featured_materials.raw_data]
        ids = [value for value in ids if isinstance(value, int)]
        if not ids:
            return None
        found = Material.objects.filter(pk__in=ids).filter(Q(document__isnull=False) | ~Q(video_url=""))
        found = found.select_related("document", "accessible_document").prefetch_related("tags")
        by_id = {material.pk: material for material in found}
        materials = [by_id[pk] for pk in dict.fromkeys(ids) if pk in by_id]
        if not materials:
            return None
        return {
            "materials": materials,
            "index": index_below(MaterialsIndexPage, home_page),
        }


@hooks.register("register_home_section")
def latest_news():
    return LatestNews()


@hooks.register("register_home_section")
def latest_articles():
    return LatestArticles()


class UpcomingTrainings(HomeSection):
    order = 35
    template = "materials/home_section_trainings.html"

    def get_context(self, request, home_page):
        trainings = list(
            TrainingPage.objects.live()
            .public()
            .descendant_of(home_page)
            .filter(ends_at__gt=timezone.now())
            .annotate(seats_left=seats_left_expression())
            .order_by("starts_at", "pk")[:HOME_TRAININGS]
        )
        if not trainings:
            return None
        return {
            "trainings": trainings,
            "index": index_below(TrainingIndexPage, home_page),
        }


@hooks.register("register_home_section")
def upcoming_trainings():
    return UpcomingTrainings()


@hooks.register("register_home_section")
def featured_materials():
    return FeaturedMaterials()


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for action in (SELF_CANCEL, PROMOTE):
        actions.register_action(action.log_action, action.log_label, action.log_label)
