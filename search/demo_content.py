"""Demo: editors may promote search results and read the search reports; one promoted result."""

from django.contrib.auth.models import Group, Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from home.demo import demo_builder


@demo_builder(order=90)
def build_search(stdout):
    Group.objects.get(name="Redaktorzy").permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailsearchpromotions")
    )
    page = Page.objects.live().filter(slug="regulamin-konsultacji-spolecznych").first()
    if page is not None:
        SearchPromotion.objects.get_or_create(
            query=Query.get("regulamin"),
            page=page,
            defaults={"description": "Zasady, na których miasto prowadzi konsultacje społeczne."},
        )
