"""The published comments of a consultation as its page shows them: under each unit of the draft
act its first `UNIT_COMMENTS_SHOWN`, and the list of all (or one unit's) comments, a page of
`COMMENTS_PER_PAGE` at a time. Read in one query, however many comments there are, and only when
the template renders them: a fragment kept in the cache (`fragment_cache`) costs neither the query
nor the rendering."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.functional import cached_property

from home.page_cache import cached

COMMENTS_PER_PAGE = 20
UNIT_COMMENTS_SHOWN = 5


def kept(request, compute, generation, *parts):
    """`compute()`, kept in the shared cache as long as the fragments, under `parts` and the token
    `generation()` (`home.page_cache`); computed afresh in previews (the page's rows are the
    editor's draft) and with the fragment cache off."""
    if getattr(request, "is_preview", False) or not settings.FRAGMENT_CACHE_SECONDS:
        return compute()
    return cached(
        "consultation", compute, *parts, generation=generation, timeout=settings.FRAGMENT_CACHE_SECONDS
    )


def shown_comments(approved, anchors, selected_unit, first):
    """The first `UNIT_COMMENTS_SHOWN` approved comments of each unit and the `COMMENTS_PER_PAGE`
    of the list (of the selected unit, if any) from the `first`-th on, oldest first. Each carries
    `unit_rank` (its place in its unit), `rank` (its place in the whole list) and `unit_count` (its
    unit's number of comments)."""
    order = [F("submit_time").asc(), F("pk").asc()]
    unit = {"partition_by": F("unit_anchor")}
    listed = (
        Q(unit_anchor=selected_unit, unit_rank__gt=first, unit_rank__lte=first + COMMENTS_PER_PAGE)
        if selected_unit
        else Q(rank__gt=first, rank__lte=first + COMMENTS_PER_PAGE)
    )
    return (
        approved.annotate(
            rank=Window(RowNumber(), order_by=order),
            unit_rank=Window(RowNumber(), order_by=order, **unit),
            unit_count=Window(Count("pk"), **unit),
        )
        .filter(Q(unit_anchor__in=anchors, unit_rank__lte=UNIT_COMMENTS_SHOWN) | listed)
        .order_by("submit_time", "pk")
    )


class Discussion:
    """`units` (each unit with its count and first comments), `comments` and `comments_page` (the
    list's page), for a consultation `page`, its `published` submissions, of which `listed` are in
    the list (of the `selected_unit` or all), at the list's
    page `number` (from the query string; anything but a page number gives the first or last).
    `get_units()` gives the draft act's units, read only when they are rendered."""

    def __init__(self, page, published, get_units, selected_unit, listed, number):
        self.page = page
        self.published = published
        self.get_units = get_units
        self.selected_unit = selected_unit
        self.paginator = Paginator(range(listed), COMMENTS_PER_PAGE)
        self.number = self.paginator.get_page(number).number

    @property
    def key(self):
        """What the rendered comments depend on besides the content generation and the language."""
        return f"{self.page.pk}:{self.selected_unit}:{self.number}"

    @cached_property
    def all_units(self):
        return self.get_units()

    @property
    def selected_unit_label(self):
        return next((unit.label for unit in self.all_units if unit.anchor == self.selected_unit), "")

    @cached_property
    def _shown(self):
        first = (self.number - 1) * COMMENTS_PER_PAGE
        anchors = {unit.anchor for unit in self.all_units}
        items = self.page.comment_items(
            shown_comments(self.published, anchors, self.selected_unit, first),
            self.all_units,
            self.page.public_field_labels(),
        )
        by_unit = {anchor: [] for anchor in anchors}
        unit_counts = dict.fromkeys(anchors, 0)
        listed = []
        for item in items:
            submission = item["submission"]
            if submission.unit_anchor in anchors:
                unit_counts[submission.unit_anchor] = submission.unit_count
                if submission.unit_rank <= UNIT_COMMENTS_SHOWN:
                    by_unit[submission.unit_anchor].append(item)
            place = submission.unit_rank if self.selected_unit else submission.rank
            if first < place <= first + COMMENTS_PER_PAGE and (
                not self.selected_unit or submission.unit_anchor == self.selected_unit
            ):
                listed.append(item)
        units = [
            {"unit": unit, "count": unit_counts[unit.anchor], "comments": by_unit[unit.anchor]}
            for unit in self.all_units
        ]
        return units, listed

    @property
    def units(self):
        return self._shown[0]

    @property
    def comments(self):
        return self._shown[1]

    @property
    def comments_page(self):
        return Page(self.comments, self.number, self.paginator)
