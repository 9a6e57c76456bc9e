"""What the materials pages share: a cover image, a body, and reading the filters of an index page
from the address without trusting it."""

import re

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from home.blocks import BodyStreamBlock

PAGE_PARAM = "strona"
YEAR = re.compile(r"[0-9]{4}")


def body_field(help_text, blank=False):
    return StreamField(BodyStreamBlock(), verbose_name=_("treść"), blank=blank, help_text=help_text)


def index_body_field():
    return body_field(_("Nieobowiązkowy tekst nad listą: po co ta lista i jak z niej korzystać."), blank=True)


class CoverImageMixin(models.Model):
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("zdjęcie główne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Pokazywane nad treścią i na kafelku w liście. Najlepiej poziome, co najmniej 1200 px szerokości."
        ),
    )
    cover_image_alt = models.CharField(
        _("opis zdjęcia głównego"),
        max_length=250,
        blank=True,
        help_text=_(
            "Co widać na zdjęciu, dla osób, które go nie widzą (np. „Mieszkańcy głosują w szkole przy "
            "ul. Zamkowej”). Zostaw puste tylko wtedy, gdy zdjęcie jest ozdobą i nic nie wnosi."
        ),
    )

    class Meta:
        abstract = True


def with_cover_images(pages):
    """The pages with their cover images (joined) and the images' renditions (one more query)."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return pages.select_related("cover_image").prefetch_related(
        Prefetch("cover_image__renditions", queryset=renditions)
    )


def paginate(request, items, per_page):
    """A page of `items` for `?strona=`; a number out of range or not a number gives the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))


def choice_param(request, name, choices):
    """The value of query parameter `name` when it is one of `choices` (a TextChoices), else ""."""
    value = request.GET.get(name, "")
    return value if value in choices.values else ""


def year_param(request, name, years):
    """The year in query parameter `name` when it is one of `years`, else None."""
    value = request.GET.get(name, "")
    if YEAR.fullmatch(value) and int(value) in years:
        return int(value)
    return None
