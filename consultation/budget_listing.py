"""What the budget pages show beyond their own fields: the edition's list of projects read from the
address (filters, sorting, totals, a page of 20) without trusting it, the results per pool, a
project's place in them, and what a resident can do now in the current edition."""

import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from home.page_cache import cached

from .choices import BudgetPhase, ProposalStatus
from .models.budget import CITYWIDE
from .models.projects import PROJECT_STATUSES, BudgetProjectPage
from .models.proposals import day_in_words
from .money import zloty
from .results import compute_results

PROJECTS_PER_PAGE = 20
PAGE_PARAM = "strona"
# Whole złoty, as many digits as a real amount can have; anything else is ignored.
AMOUNT = re.compile(r"[0-9]{1,12}")
CHOSEN_STATUSES = (ProposalStatus.SELECTED, ProposalStatus.IN_PROGRESS, ProposalStatus.IMPLEMENTED)

SORTS = {
    "numer": (_("numeru"), ("number", "pk")),
    "glosy": (_("liczby głosów (najwięcej najpierw)"), ("-total_votes", "number", "pk")),
    "koszt": (_("kosztu (najtańsze najpierw)"), ("cost", "number", "pk")),
    "tytul": (_("tytułu"), ("title", "number", "pk")),
}
DEFAULT_SORT = "numer"


def edition_projects(edition):
    """The edition's live projects with their districts and main images (and the images'
    renditions): four queries however many projects there are."""
    return (
        BudgetProjectPage.objects.child_of(edition)
        .live()
        .select_related("area")
        .prefetch_related(Prefetch("image", queryset=get_image_model().objects.prefetch_renditions()))
        .annotate(
            total_votes=Coalesce("votes_online", Value(0), output_field=IntegerField())
            + Coalesce("votes_paper", Value(0), output_field=IntegerField())
        )
    )


@dataclass
class ProjectFilters:
    area: str = ""
    status: str = ""
    cost_min: int | None = None
    cost_max: int | None = None
    sort: str = DEFAULT_SORT

    @classmethod
    def from_query(cls, query, pools):
        """The filters a resident chose; a value no form offers (a district of another edition, a
        made-up status, a cost that is not whole złoty) is ignored, never an error."""
        area = query.get("dzielnica", "")
        status = query.get("status", "")
        sort = query.get("sortuj", "")
        return cls(
            area=area if area in {pool.key for pool in pools} else "",
            status=status if status in dict(PROJECT_STATUSES) else "",
            cost_min=amount_param(query.get("koszt_od", "")),
            cost_max=amount_param(query.get("koszt_do", "")),
            sort=sort if sort in SORTS else DEFAULT_SORT,
        )

    def apply(self, projects):
        if self.area == CITYWIDE:
            projects = projects.filter(area__isnull=True)
        elif self.area:
            projects = projects.filter(area_id=int(self.area))
        if self.status:
            projects = projects.filter(status=self.status)
        if self.cost_min is not None:
            projects = projects.filter(cost__gte=self.cost_min)
        if self.cost_max is not None:
            projects = projects.filter(cost__lte=self.cost_max)
        return projects.order_by(*SORTS[self.sort][1])

    @property
    def active(self):
        return bool(self.area or self.status or self.cost_min is not None or self.cost_max is not None)


def amount_param(value):
    value = value.strip()
    return int(value) if AMOUNT.fullmatch(value) else None


@dataclass
class Totals:
    count: int
    chosen_count: int
    chosen_cost: int
    available: int

    @property
    def chosen_cost_display(self):
        return zloty(self.chosen_cost)

    @property
    def available_display(self):
        return zloty(self.available)


def project_list(edition, query):
    """The context of the edition's list of projects: the filter form's options and choices, the
    totals in words and one page of projects."""
    pools = edition.pools()
    filters = ProjectFilters.from_query(query, pools)
    projects = filters.apply(edition_projects(edition))
    numbers = projects.aggregate(
        count=Count("pk"),
        chosen_count=Count("pk", filter=Q(status__in=CHOSEN_STATUSES)),
        chosen_cost=Coalesce(Sum("cost", filter=Q(status__in=CHOSEN_STATUSES)), 0),
    )
    pool = next((pool for pool in pools if pool.key == filters.area), None)
    totals = Totals(available=pool.amount if pool else edition.total_amount, **numbers)
    paginator = Paginator(projects, PROJECTS_PER_PAGE)
    # The count is known: the paginator need not ask the database again.
    paginator.count = totals.count
    return {
        "projects": paginator.get_page(query.get(PAGE_PARAM)),
        "filters": filters,
        # Before verification an edition has no projects: no form to filter an empty list.
        "has_projects": totals.count > 0 or filters.active,
        "totals": totals,
        "area_choices": [(pool.key, pool.name) for pool in pools],
        "status_choices": PROJECT_STATUSES,
        "sort_choices": [(key, label) for key, (label, _order) in SORTS.items()],
    }


def edition_results(edition, projects=None):
    """The results per pool once the edition publishes them, else None."""
    if not edition.results_published:
        return None
    if projects is None:
        projects = BudgetProjectPage.objects.child_of(edition).live().select_related("area")
    return compute_results(edition, list(projects))


@dataclass
class Placing:
    """A project's line in its pool's results: its rank among the pool's projects on the ballot."""

    pool: object
    row: object
    of: int


def project_placing(project, edition):
    for pool_result in edition_results(edition) or []:
        for row in pool_result.rows:
            if row.project.pk == project.pk:
                return Placing(pool_result.pool, row, len(pool_result.rows))
    return None


@dataclass
class ResidentAction:
    """What a resident can do now in an edition: a sentence and, where there is one, a link."""

    text: str
    link_text: str = ""
    url: str = ""


def voting_page(edition):
    from .models import VotingPage

    return VotingPage.objects.child_of(edition).live().first()


def child_page(name, edition, find):
    """`find()`, read once per change of the page tree (every time in the preview of a new edition)."""
    return cached(name, find, edition.pk) if edition.pk else find()


def resident_action(edition, request=None):
    phase = edition.current_phase
    if phase == BudgetPhase.UPCOMING:
        return ResidentAction(
            _(
                "Zgłaszanie projektów ruszy %(start)s. Już teraz możesz pomyśleć, czego brakuje w Twojej okolicy."
            )
            % {"start": day_in_words(edition.submission_start)}
        )
    if phase == BudgetPhase.SUBMISSION:
        form = child_page("proposal-form", edition, edition.proposal_form)
        text = _("Zgłoś swój projekt do %(end)s.") % {"end": day_in_words(edition.submission_end)}
        if form is None:
            return ResidentAction(text)
        return ResidentAction(text, _("Zgłoś projekt"), form.get_url(request))
    if phase == BudgetPhase.VERIFICATION:
        return ResidentAction(
            _("Urząd sprawdza zgłoszone projekty do %(end)s. Głosowanie: od %(start)s.")
            % {"end": day_in_words(edition.verification_end), "start": day_in_words(edition.voting_start)}
        )
    if phase == BudgetPhase.APPEALS:
        return ResidentAction(
            _("Autorzy projektów ocenionych negatywnie mogą się odwołać. Głosowanie: od %(start)s.")
            % {"start": day_in_words(edition.voting_start)}
        )
    if phase == BudgetPhase.VOTING:
        text = _("Głosowanie trwa do %(end)s. Poznaj projekty i wybierz te, które chcesz poprzeć.") % {
            "end": day_in_words(edition.voting_end)
        }
        ballot = child_page("voting-page", edition, lambda: voting_page(edition))
        if ballot is not None and ballot.is_open(edition):
            return ResidentAction(text, _("Głosuj"), ballot.get_url(request))
        return ResidentAction(text, _("Zobacz projekty"), edition.get_url(request) + "#projekty")
    if phase == BudgetPhase.RESULTS and not edition.results_published:
        return ResidentAction(
            _("Głosowanie zakończyło się %(end)s. Wyniki ogłosimy wkrótce.")
            % {"end": day_in_words(edition.voting_end)}
        )
    if phase == BudgetPhase.RESULTS:
        return ResidentAction(
            _("Znamy wyniki głosowania: zobacz, które projekty wybrali mieszkańcy."),
            _("Zobacz wyniki"),
            edition.get_url(request) + "#wyniki",
        )
    return ResidentAction(
        _("Miasto realizuje wybrane projekty: na stronie każdego z nich piszemy, jak postępują prace."),
        _("Zobacz wybrane projekty"),
        edition.get_url(request) + "#wyniki" if edition.results_published else edition.get_url(request),
    )
