"""The rules of one ballot, shared by the online steps and the paper ballots staff enter: which
projects may be chosen together, and saving a ballot once per person."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import BallotChannel, BallotStatus, DuplicateRule, VotingAreaRule
from ..models import Ballot, BallotChoice, BudgetProjectPage
from ..results import VOTED_STATUSES


class AlreadyVoted(Exception):
    def __init__(self, voided=False):
        super().__init__()
        # True where the edition voids every ballot of a person who voted twice and so it did.
        self.voided = voided


class PhoneLimitReached(Exception):
    pass


ALREADY_VOTED = _(
    "Osoba o tych danych już głosowała w tej edycji. Każdy może oddać tylko jedną kartę. "
    "Jeśli to nie Ty głosowałeś(-aś), napisz do urzędu."
)


def phone_limit_message(page):
    return _(
        "Tym numerem telefonu potwierdzono już tyle kart, ile pozwala regulamin (%(count)s). Podaj inny numer."
    ) % {"count": page.ballots_per_phone}


def ballot_projects(edition):
    """The projects on an edition's ballot, district by district (city-wide first), by number."""
    return (
        BudgetProjectPage.objects.child_of(edition)
        .live()
        .filter(status__in=VOTED_STATUSES)
        .select_related("area")
        .order_by("area__sort_order", "area_id", "number")
    )


@dataclass
class Selection:
    projects: list
    area_id: int | None

    @property
    def ids(self):
        return [project.pk for project in self.projects]


def check_selection(page, projects, residence_area_id=None):
    """A Selection of the chosen projects, or a list of Polish messages saying what is wrong."""
    errors = []
    citywide = [project for project in projects if project.area_id is None]
    local = [project for project in projects if project.area_id is not None]
    if not projects:
        errors.append(_("Wybierz co najmniej jeden projekt."))
    if len(citywide) > page.citywide_choices:
        errors.append(
            _("Projektów ogólnomiejskich możesz wybrać najwyżej %(count)s.")
            % {"count": page.citywide_choices}
        )
    if len(local) > page.area_choices:
        errors.append(
            _("Projektów dzielnicowych możesz wybrać najwyżej %(count)s.") % {"count": page.area_choices}
        )
    areas = {project.area_id for project in local}
    if len(areas) > 1:
        errors.append(_("Wszystkie projekty dzielnicowe muszą być z jednej dzielnicy."))
    area_id = next(iter(areas)) if len(areas) == 1 else None
    if (
        page.area_rule == VotingAreaRule.OWN
        and residence_area_id is not None
        and area_id is not None
        and area_id != residence_area_id
    ):
        errors.append(_("Możesz głosować tylko na projekty dzielnicy, w której mieszkasz."))
    if errors:
        return errors
    return Selection(projects=list(projects), area_id=residence_area_id or area_id)


def _claim_phone_slot(page, fields):
    """Save the ballot in the first free place of its phone (at most `ballots_per_phone`); two
    ballots at the same moment cannot take the same place, so the limit holds under concurrency."""
    for _attempt in range(page.ballots_per_phone + 1):
        used = Ballot.objects.filter(page=page, phone_key=fields["phone_key"]).count()
        if used >= page.ballots_per_phone:
            raise PhoneLimitReached
        try:
            with transaction.atomic():
                return Ballot.objects.create(phone_slot=used + 1, **fields)
        except IntegrityError:
            if Ballot.objects.filter(page=page, identity_key=fields["identity_key"]).exists():
                raise AlreadyVoted from None
    raise PhoneLimitReached


@transaction.atomic
def cast_online(page, vote_code):
    if Ballot.objects.filter(page=page, identity_key=vote_code.identity_key).exists():
        raise AlreadyVoted
    ballot = _claim_phone_slot(
        page,
        {
            "page": page,
            "channel": BallotChannel.ONLINE,
            "identity_key": vote_code.identity_key,
            "phone_key": vote_code.phone_key,
            "area_id": vote_code.area_id,
            "personal_data": vote_code.personal_data,
        },
    )
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, project_id=pk) for pk in vote_code.project_ids
    )
    claimed = (
        type(vote_code)
        .objects.filter(pk=vote_code.pk, ballot__isnull=True)
        .update(ballot=ballot, personal_data={})
    )
    if not claimed:
        raise AlreadyVoted
    return ballot


def cast_paper(page, identity_key, selection, personal_data, cast_at):
    """A paper ballot entered by staff. Where the same person also voted online, the page's rule
    decides: the earlier ballot counts, or every ballot of that person is void. A second paper card
    of one person is not stored: under the first rule the first card counts, under the second every
    ballot of that person is void."""
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(
                page=page,
                channel=BallotChannel.PAPER,
                identity_key=identity_key,
                area_id=selection.area_id,
                personal_data=personal_data,
                cast_at=cast_at,
            )
            BallotChoice.objects.bulk_create(
                BallotChoice(ballot=ballot, project=project) for project in selection.projects
            )
            apply_duplicate_rule(page, identity_key)
    except IntegrityError:
        if page.duplicate_rule != DuplicateRule.ALL_VOID:
            raise AlreadyVoted from None
        voided = (
            Ballot.objects.filter(page=page, identity_key=identity_key)
            .exclude(status=BallotStatus.INVALIDATED)
            .update(status=BallotStatus.VOID_DUPLICATE)
        )
        raise AlreadyVoted(voided=bool(voided)) from None
    ballot.refresh_from_db()
    return ballot


def apply_duplicate_rule(page, identity_key):
    ballots = list(
        Ballot.objects.select_for_update()
        .filter(page=page, identity_key=identity_key)
        .exclude(status=BallotStatus.INVALIDATED)
        .order_by("cast_at", "pk")
    )
    if len(ballots) < 2:
        return
    if page.duplicate_rule == DuplicateRule.ALL_VOID:
        statuses = [BallotStatus.VOID_DUPLICATE] * len(ballots)
    else:
        statuses = [BallotStatus.VALID] + [BallotStatus.DUPLICATE] * (len(ballots) - 1)
    for ballot, status in zip(ballots, statuses, strict=True):
        if ballot.status != status:
            Ballot.objects.filter(pk=ballot.pk).update(status=status)


def turnout(page):
    """Valid ballots so far, all together and per district (never the votes per project)."""
    rows = (
        Ballot.objects.filter(page=page, status=BallotStatus.VALID)
        .values("area_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_area = {row["area_id"]: row["count"] for row in rows}
    return sum(by_area.values()), by_area


def invalidate(ballot, user, reason):
    from wagtail.log_actions import log

    Ballot.objects.filter(pk=ballot.pk).update(
        status=BallotStatus.INVALIDATED,
        invalidation_reason=reason,
        invalidated_by=user,
        invalidated_at=timezone.now(),
    )
    log(instance=ballot, action="consultation.ballot_invalidate", user=user, data={"reason": reason})
