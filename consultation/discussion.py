"""The published comments of a consultation as its page shows them: under each unit of the draft
act its first `UNIT_COMMENTS_SHOWN`, their texts cut to `EXCERPT_WORDS` words (an act of 80 units
with long comments stays a page a phone can load; each links to the whole comment), and the list of
all (or one unit's) comments, a page of `COMMENTS_PER_PAGE` at a time. Read in one query, however
many comments there are, and only when the template renders them: a fragment kept in the cache
(`fragment_cache`) costs neither the query nor the rendering.

The counts of a consultation's comments (`comment_counts`) change with every comment sent, which
then waits for moderation and shows nowhere else: they are kept under a generation of that page's
own, and a stored page (`home.response_cache`) holds them as holes (`CommentCountsHole`) filled in
on every request. So a flood of comments on one consultation empties no stored page, its own
included, and each visitor still sees the counts of the moment."""

import re

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.db.models.signals import post_delete, post_save
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import ngettext

from home.cache_holes import CacheHole, read
from home.page_cache import CONTENT_GENERATION_KEY, cached, content_generation, generation, invalidate_content

from .choices import SubmissionStatus
from .models.submissions import Submission

COMMENTS_PER_PAGE = 20
UNIT_COMMENTS_SHOWN = 3
EXCERPT_WORDS = 40


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


def cut(text):
    """`text` cut to `EXCERPT_WORDS` words, or as it is if it is shorter (or not a text)."""
    if isinstance(text, str) and len(text.split()) > EXCERPT_WORDS:
        return Truncator(text).words(EXCERPT_WORDS, truncate="…")
    return text


def excerpt(item):
    """A comment as it is shown under its unit: its texts and the city's response cut, and
    `shortened` if any was."""
    values = [(label, cut(value)) for label, value in item["values"]]
    response = cut(item["response"])
    return {
        **item,
        "values": values,
        "response": response,
        "shortened": (values, response) != (item["values"], item["response"]),
    }


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
                    by_unit[submission.unit_anchor].append(excerpt(item))
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


COUNTS_KEY = "consultation:counts:{}"
COUNTS_GENERATION_KEY = "consultation:counts-generation:{}"


def count_comments(page_id):
    return Submission.objects.filter(page_id=page_id).aggregate(
        total=Count("pk", filter=~Q(status=SubmissionStatus.SPAM)),
        published=Count("pk", filter=Q(status=SubmissionStatus.APPROVED)),
        pending=Count("pk", filter=Q(status=SubmissionStatus.PENDING)),
    )


def counts_keys(page_id):
    return [CONTENT_GENERATION_KEY, COUNTS_GENERATION_KEY.format(page_id), COUNTS_KEY.format(page_id)]


def comment_counts(page_id, request=None):
    """`total` (spam aside), `published` and `pending` comments of a consultation; kept (with either
    cache on) in the shared cache under the generation of its counts and the content generation (a
    change made without signals, `invalidate_content`), read together with both: one round trip, or
    none of its own on a stored page (`home.cache_holes.read`)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS or settings.PAGE_CACHE_SECONDS
    if not seconds:
        return count_comments(page_id)
    keys = counts_keys(page_id)
    found = read(request, keys)
    generations, stored = [found.get(key) for key in keys[:2]], found.get(keys[2])
    if None not in generations and stored is not None and stored[0] == generations:
        return stored[1]
    generations = [content_generation(), generation(keys[1])]
    counts = count_comments(page_id)
    cache.set(keys[2], (generations, counts), seconds)
    return counts


def forget_comment_counts(sender, instance, **kwargs):
    """A new generation of the counts of the comment's page, now and once the change is committed
    (a request that read the old rows in between keeps them under the generation that follows)."""
    invalidate_content(keys=(COUNTS_GENERATION_KEY.format(instance.page_id),))


post_save.connect(forget_comment_counts, sender=Submission, dispatch_uid="consultation-counts-save")
post_delete.connect(forget_comment_counts, sender=Submission, dispatch_uid="consultation-counts-delete")


def counts_text(kind, counts):
    """The sentence of `kind` about the counts, as the page shows it: "pending" (how many wait for
    moderation) or "total" (how many were sent and published, nothing while there are none)."""
    if kind == "pending":
        return ngettext(
            "Na moderację czeka %(counter)s uwaga.", "Na moderację czeka %(counter)s uwag.", counts["pending"]
        ) % {"counter": counts["pending"]}
    if not counts["total"]:
        return ""
    return format_html(
        '<p class="comments__counts">{}, {}</p>',
        ngettext("%(counter)s uwaga", "%(counter)s uwag", counts["total"]) % {"counter": counts["total"]},
        ngettext("%(counter)s opublikowana", "%(counter)s opublikowanych", counts["published"])
        % {"counter": counts["published"]},
    )


def counts_holes(page_id, counts):
    """The sentences of `counts_text` for the template, each between the marks of its hole."""
    return {
        kind: format_html("<!--counts:{}:{}-->{}<!--/counts-->", page_id, kind, counts_text(kind, counts))
        for kind in ("pending", "total")
    }


class CommentCountsHole(CacheHole):
    """The counts of a consultation's comments in a stored page (see the module's docstring):
    filled in from `comment_counts`, read once per page however many holes it has."""

    name = "comment-counts"
    pattern = re.compile(rb"(?P<before><!--counts:(?P<key>\d+:[a-z]+)-->).*?(?P<after><!--/counts-->)", re.S)

    def __init__(self):
        self.counts = {}

    def cache_keys(self, key):
        return counts_keys(key.split(":")[0])

    def value(self, request, key):
        page_id, kind = key.split(":")
        if page_id not in self.counts:
            self.counts[page_id] = comment_counts(int(page_id), request)
        return counts_text(kind, self.counts[page_id])
