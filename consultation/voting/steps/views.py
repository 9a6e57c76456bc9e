"""The three steps of an online ballot and its confirmation. Every step is a POST carrying the
signed step token; each answer renders the next step (or the same one with its errors), so nothing
personal travels in a URL and a validation error never loses a started ballot."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...choices import CodeChannel
from ...models import Ballot, VoteCode
from .. import codes, identity
from ..ballots import (
    ALREADY_VOTED,
    AlreadyVoted,
    PhoneLimitReached,
    ballot_projects,
    cast_online,
    check_selection,
    phone_limit_message,
    turnout,
)
from ..forms import ChoiceForm, CodeForm, IdentityForm
from ..opendata import published_files
from . import tokens

AREA_FILTER = "dzielnica"
EXPIRED = _("Ta karta wygasła albo została zmieniona. Zacznij głosowanie od nowa – to zajmie chwilę.")
STEPS = [_("Wybór projektów"), _("Twoje dane"), _("Kod z wiadomości")]


def render(request, page, template, status=200, **context):
    context.setdefault("step", None)
    context["steps"] = [
        {"number": number, "label": label, "current": number == context["step"]}
        for number, label in enumerate(STEPS, start=1)
    ]
    context.update(page=page, edition=context.get("edition") or page.edition, self=page)
    return TemplateResponse(request, f"consultation/voting/{template}.html", context, status=status)


def pools_with_projects(edition, projects):
    by_area = {}
    for project in projects:
        by_area.setdefault(project.area_id, []).append(project)
    return [(pool, by_area[pool.area_id]) for pool in edition.pools() if pool.area_id in by_area]


def closed(request, page, edition):
    upcoming = timezone.localdate() < edition.voting_start
    total = 0 if upcoming else turnout(page)[0]
    return render(
        request,
        page,
        "closed",
        edition=edition,
        upcoming=upcoming,
        total=total,
        files=published_files(page, edition),
    )


def render_choose(request, page, edition, form, projects):
    filter_key = request.GET.get(AREA_FILTER, "")
    pools = pools_with_projects(edition, projects)
    if filter_key in {pool.key for pool, _projects in pools}:
        pools = [(pool, items) for pool, items in pools if pool.key == filter_key or pool.area_id is None]
    else:
        filter_key = ""
    total, by_area = turnout(page)
    checked = set(form["projekty"].value() or []) if form.is_bound or form.initial else set()
    return render(
        request,
        page,
        "choose",
        step=1,
        edition=edition,
        form=form,
        pools=pools,
        area_pools=[pool for pool in edition.pools() if pool.area_id is not None],
        filter_key=filter_key,
        checked={str(pk) for pk in checked},
        total=total,
        turnout=[
            (pool, by_area.get(pool.area_id, 0)) for pool in edition.pools() if pool.area_id is not None
        ],
    )


def render_identify(request, page, edition, form, selection, refusal=None):
    return render(
        request,
        page,
        "identify",
        step=2,
        edition=edition,
        form=form,
        selection=selection,
        refusal=refusal,
        back_token=tokens.make(tokens.CHOOSE, page, projects=selection.ids),
    )


def render_confirm(request, page, edition, vote_code, form=None, notice=None):
    digits = codes.digits(vote_code)
    form = form or CodeForm(
        digits=digits, initial={"karta": tokens.make(tokens.CONFIRM, page, code=str(vote_code.pk))}
    )
    return render(
        request,
        page,
        "confirm",
        step=3,
        edition=edition,
        form=form,
        notice=notice,
        by_email=vote_code.channel == CodeChannel.EMAIL,
    )


def choose_view(request, page):
    edition = page.edition
    if not page.is_open(edition):
        return closed(request, page, edition)
    projects = list(ballot_projects(edition))
    if request.method != "POST":
        return render_choose(request, page, edition, ChoiceForm(page=page, projects=projects), projects)
    if "wroc" in request.POST:
        try:
            data = tokens.read(request.POST.get("karta"), tokens.CHOOSE, page)
        except tokens.BadStep:
            return render(request, page, "expired", status=400, message=EXPIRED)
        form = ChoiceForm(page=page, projects=projects, initial={"projekty": data.get("projects", [])})
        return render_choose(request, page, edition, form, projects)
    form = ChoiceForm(request.POST, page=page, projects=projects)
    if not form.is_valid():
        return render_choose(request, page, edition, form, projects)
    selection = form.cleaned_data["selection"]
    identity_form = IdentityForm(
        page=page,
        areas=edition.areas.all(),
        initial={"karta": tokens.make(tokens.CHOOSE, page, projects=selection.ids)},
    )
    return render_identify(request, page, edition, identity_form, selection)


def read_selection(request, page, edition, data, residence_area=None):
    """The chosen projects again, checked against the ballot as it is now."""
    projects = {project.pk: project for project in ballot_projects(edition)}
    ids = data.get("projects")
    if not isinstance(ids, list) or not all(isinstance(pk, int) and pk in projects for pk in ids):
        return None
    return check_selection(page, [projects[pk] for pk in ids], residence_area)


def identify_view(request, page):
    edition = page.edition
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if not page.is_open(edition):
        return closed(request, page, edition)
    try:
        data = tokens.read(request.POST.get("karta"), tokens.CHOOSE, page)
    except tokens.BadStep:
        return render(request, page, "expired", status=400, message=EXPIRED)
    selection = read_selection(request, page, edition, data)
    if selection is None or isinstance(selection, list):
        return render(request, page, "expired", status=400, message=EXPIRED)
    form = IdentityForm(request.POST, page=page, areas=edition.areas.all())
    if not form.is_valid():
        return render_identify(request, page, edition, form, selection)
    residence = form.cleaned_data.get("dzielnica")
    if residence is not None:
        checked = read_selection(request, page, edition, data, residence)
        if isinstance(checked, list):
            form.add_error("dzielnica", checked[0])
            return render_identify(request, page, edition, form, selection)
    if Ballot.objects.filter(page=page, identity_key=form.identity_key()).exists():
        return render_identify(request, page, edition, form, selection, refusal=ALREADY_VOTED)
    phone_key = identity.phone_key(page.pk, form.cleaned_data["telefon"])
    if Ballot.objects.filter(page=page, phone_key=phone_key).count() >= page.ballots_per_phone:
        form.add_error("telefon", phone_limit_message(page))
        return render_identify(request, page, edition, form, selection)
    limit = codes.CodeRateLimit(request, phone_key)
    refusal = limit.refusal()
    if refusal:
        return render_identify(request, page, edition, form, selection, refusal=refusal)
    try:
        vote_code = codes.start(page, selection, form)
    except codes.DeliveryFailed:
        return render_identify(request, page, edition, form, selection, refusal=codes.DELIVERY_FAILED)
    limit.record()
    return render_confirm(request, page, edition, vote_code)


def confirm_view(request, page):
    edition = page.edition
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    if not page.is_open(edition):
        return closed(request, page, edition)
    try:
        data = tokens.read(request.POST.get("karta"), tokens.CONFIRM, page)
        vote_code = VoteCode.objects.get(pk=data.get("code"), page=page)
    except (tokens.BadStep, VoteCode.DoesNotExist, ValueError, TypeError):
        return render(request, page, "expired", status=400, message=EXPIRED)
    if vote_code.ballot_id:
        return render(
            request,
            page,
            "expired",
            status=409,
            message=_("Ten głos jest już potwierdzony i policzony. Dziękujemy!"),
        )
    if "ponow" in request.POST:
        return resend(request, page, edition, vote_code)
    form = CodeForm(request.POST, digits=codes.digits(vote_code))
    if not form.is_valid():
        return render_confirm(request, page, edition, vote_code, form)
    result, left = codes.check(vote_code, form.cleaned_data["kod"])
    if result != codes.CodeCheck.OK:
        form.add_error("kod", code_error(result, left))
        return render_confirm(request, page, edition, vote_code, form)
    phone = vote_code.personal_data.get("telefon")
    try:
        ballot = cast_online(page, vote_code)
    except AlreadyVoted:
        return render(request, page, "expired", status=409, message=ALREADY_VOTED)
    except PhoneLimitReached:
        return render(request, page, "expired", status=409, message=phone_limit_message(page))
    codes.send_receipt(ballot, phone)
    return render(request, page, "done", edition=edition, ballot=ballot)


def code_error(result, left):
    if result == codes.CodeCheck.EXPIRED:
        return _("Kod wygasł. Wyślij nowy kod przyciskiem niżej.")
    if result == codes.CodeCheck.NO_ATTEMPTS or left <= 0:
        return _("Wykorzystano wszystkie próby. Wyślij nowy kod przyciskiem niżej.")
    return _("Kod jest nieprawidłowy. Pozostałe próby: %(left)s.") % {"left": left}


def resend(request, page, edition, vote_code):
    wait = codes.resend_wait(vote_code)
    form = CodeForm(digits=codes.digits(vote_code), initial={"karta": request.POST.get("karta")})
    if wait:
        notice = _("Nowy kod możesz wysłać za %(seconds)s s.") % {"seconds": wait}
        return render_confirm(request, page, edition, vote_code, form, notice=notice)
    limit = codes.CodeRateLimit(request, vote_code.phone_key)
    refusal = limit.refusal()
    if refusal:
        return render_confirm(request, page, edition, vote_code, form, notice=refusal)
    try:
        codes.resend(vote_code)
    except codes.DeliveryFailed:
        vote_code.refresh_from_db()
        return render_confirm(request, page, edition, vote_code, form, notice=codes.DELIVERY_FAILED)
    limit.record()
    return render_confirm(
        request, page, edition, vote_code, form, notice=_("Wysłaliśmy nowy kod. Poprzedni już nie działa.")
    )
