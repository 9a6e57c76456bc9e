"""The accessibility statement ("Deklaracja dostępności") in the ministry's structure (v2.0 of
31 July 2024), linked from every footer; the request form "Żądanie zapewnienia dostępności" through
the pipeline with its statutory terms in the inbox; the dashboard's reminder of the yearly review."""

import datetime
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from consultation.models import Submission
from home.models import AccessibilityIssue, AccessibilityStatementPage, HomePage
from home.statement import AssessmentMethod, ComplianceStatus, IssueKind, review_state
from materials.choices import AccessibilityRequestStatus
from materials.models import AccessibilityRequestFormPage
from tests.consultation_fixtures import TOKEN_RE

REQUIRED_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-zakres",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-komunikacja",
]
CONDITIONAL_IDS = [
    "a11y-data-przeglad",
    "a11y-ocena",
    "a11y-aplikacje",
    "a11y-architektura-url",
    "a11y-audytor",
]
pytestmark = pytest.mark.usefixtures("instant_forms")

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def statement_fields(**overrides):
    fields = {
        "title": "Deklaracja dostępności",
        "slug": "deklaracja-dostepnosci",
        "entity": "Urząd Miejski w Sosnowcu",
        "site_name": "Budżet Obywatelski w Sosnowcu",
        "site_url": "https://bo.sosnowiec.invalid/",
        "site_published": datetime.date(2014, 6, 2),
        "site_updated": datetime.date(2026, 9, 1),
        "status": ComplianceStatus.PARTIAL,
        "prepared_on": datetime.date(2025, 9, 15),
        "contact_person": "Koordynator do spraw dostępności",
        "contact_email": "dostepnosc@sosnowiec.invalid",
        "contact_phone": "+48 32 296 00 00",
        "complaint_to": "Prezydent Miasta Sosnowca\nAl. Zwycięstwa 20",
        "architecture": "<p>Do wejścia prowadzi podjazd.</p>",
        "communication": "<p>Tłumacz polskiego języka migowego na miejscu.</p>",
    }
    return {**fields, **overrides}


def make_statement(parent, issues=(), **overrides):
    page = AccessibilityStatementPage(
        **statement_fields(**overrides),
        issues=[
            AccessibilityIssue(kind=kind, content=content, reason="Powód.", sort_order=number)
            for number, (kind, content) in enumerate(issues)
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def statement(site_tree):
    return make_statement(
        site_tree.home,
        issues=[
            (IssueKind.NON_COMPLIANT, "Skany PDF z 2014 r."),
            (IssueKind.BURDEN, "Archiwalne mapy"),
            (IssueKind.EXCLUDED, "Nagrania sprzed 23 września 2020 r."),
        ],
        reviewed_on=datetime.date(2026, 3, 20),
        assessment_method=AssessmentMethod.AUDIT,
        auditor="Fundacja Dostępne Miasto",
        architecture_url="https://bo.sosnowiec.invalid/budynki/",
        mobile_apps="<p>Aplikacja „Sosnowiec” dla Androida.</p>",
    )


@pytest.fixture
def request_form(statement):
    page = AccessibilityRequestFormPage(
        title="Żądanie zapewnienia dostępności",
        slug="zadanie-zapewnienia-dostepnosci",
        notify_emails="dostepnosc@sosnowiec.invalid",
    )
    statement.add_child(instance=page)
    page.save_revision().publish()
    return page


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# --- the statement --------------------------------------------------------------------------------


def test_statement_has_every_id_of_the_ministry_structure_once(client, statement):
    html = soup(client.get(statement.url))

    for element_id in REQUIRED_IDS + CONDITIONAL_IDS:
        assert len(html.find_all(id=element_id)) == 1, element_id
    assert html.find(id="a11y-podmiot").get_text() == "Urząd Miejski w Sosnowcu"
    assert html.find(id="a11y-url")["href"] == "https://bo.sosnowiec.invalid/"
    assert "częściowo zgodna" in html.find(id="a11y-status").get_text()
    assert html.find(id="a11y-audytor").get_text() == "Fundacja Dostępne Miasto"
    assert html.find(id="a11y-email")["href"] == "mailto:dostepnosc@sosnowiec.invalid"
    assert html.find(id="a11y-telefon")["href"] == "tel:+48322960000"
    assert "Archiwalne mapy" in html.find(id="a11y-ocena").get_text()
    assert "Rzecznika Praw Obywatelskich" in html.find(id="a11y-procedura").get_text()


def test_statement_dates_are_time_elements_with_iso_dates(client, statement):
    html = soup(client.get(statement.url))

    expected = {
        "a11y-data-publikacja": "2014-06-02",
        "a11y-data-aktualizacja": "2026-09-01",
        "a11y-data-sporzadzenie": "2025-09-15",
        "a11y-data-przeglad": "2026-03-20",
    }
    for element_id, value in expected.items():
        element = html.find(id=element_id)
        assert element.name == "time"
        assert ISO_DATE.match(element["datetime"]) and element["datetime"] == value
    assert html.find(id="a11y-data-publikacja").get_text() == "2 czerwca 2014"


def test_optional_parts_are_left_out_where_they_do_not_apply(client, site_tree):
    page = make_statement(site_tree.home, status=ComplianceStatus.COMPLIANT, site_url="")

    html = soup(client.get(page.url))

    assert html.find(id="a11y-url")["href"] == site_tree.site.root_url + "/"

    for element_id in REQUIRED_IDS:
        assert html.find(id=element_id) is not None, element_id
    for element_id in CONDITIONAL_IDS:
        assert html.find(id=element_id) is None, element_id
    assert "samooceny" in html.get_text()


def test_statement_links_to_the_request_form_below_it(client, request_form, statement):
    html = soup(client.get(statement.url))

    assert html.find(id="a11y-kontakt").find("a", href=request_form.url)


def test_inconsistent_dates_and_a_missing_auditor_are_refused_in_polish(site_tree):
    from django.core.exceptions import ValidationError

    page = AccessibilityStatementPage(
        **statement_fields(
            site_updated=datetime.date(2010, 1, 1),
            prepared_on=timezone.localdate() + timedelta(days=3),
            assessment_method=AssessmentMethod.AUDIT,
        )
    )

    with pytest.raises(ValidationError) as refused:
        page.clean()

    errors = refused.value.message_dict
    assert errors["site_updated"] == ["Aktualizacja nie może być wcześniejsza niż publikacja serwisu."]
    assert errors["prepared_on"] == ["Ta data jest w przyszłości. Wpisz datę, która już minęła."]
    assert errors["auditor"] == ["Wpisz, kto przeprowadził badanie dostępności."]


# --- the footer -----------------------------------------------------------------------------------


def footer_link(response, statement):
    footer = soup(response).find("footer")
    return footer.find("a", href=statement.url)


def test_every_page_type_links_to_the_statement_in_its_footer(client, site_tree, request_form, statement):
    for page in (site_tree.home, site_tree.about, site_tree.schedule, statement, request_form):
        link = footer_link(client.get(page.url), statement)
        assert link is not None and link.get_text() == "Deklaracja dostępności", page.url
    assert footer_link(client.get("/szukaj/?q=bud%C5%BCet"), statement) is not None


def statement_lookups(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [
        q
        for q in queries.captured_queries
        if "home_accessibilitystatementpage" in q["sql"] and "CASE" in q["sql"]
    ]


def test_footer_finds_the_statement_once_and_keeps_it_until_it_is_published_again(
    client, site_tree, statement
):
    assert len(statement_lookups(client, site_tree.home.url)) == 1
    for url in (site_tree.home.url, site_tree.about.url, statement.url):
        assert statement_lookups(client, url) == [], url

    statement.title = "Deklaracja dostępności serwisu"
    statement.save_revision().publish()

    assert len(statement_lookups(client, site_tree.about.url)) == 1
    assert (
        footer_link(client.get(site_tree.about.url), statement).get_text() == "Deklaracja dostępności serwisu"
    )


def test_statement_costs_the_same_queries_whatever_the_number_of_issues(client, statement):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(statement.url)
        return [query["sql"] for query in captured.captured_queries]

    client.get(statement.url)  # warm the per-process caches (site root paths, settings, footer logos)
    before = queries()
    page = AccessibilityStatementPage.objects.get(pk=statement.pk)
    page.issues.add(
        *(
            AccessibilityIssue(kind=IssueKind.NON_COMPLIANT, content=f"Treść {n}", reason="Powód.")
            for n in range(6)
        )
    )
    page.save_revision().publish()
    client.get(statement.url)  # publishing forgets the cached site root paths
    after = queries()
    assert len(after) == len(before) <= 40


def test_footer_has_no_link_while_there_is_no_statement(client, site_tree):
    footer = soup(client.get(site_tree.home.url)).find("footer")

    assert "Deklaracja dostępności" not in footer.get_text()


# --- the tree and the editor ----------------------------------------------------------------------


def test_tree_allows_one_statement_under_the_home_page_and_the_form_below_it(page_assertions, statement):
    page_assertions.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
    assert AccessibilityStatementPage.creatable_subpage_models() == [AccessibilityRequestFormPage]
    page_assertions.assertAllowedParentPageTypes(AccessibilityRequestFormPage, {AccessibilityStatementPage})
    page_assertions.assertAllowedSubpageTypes(AccessibilityRequestFormPage, set())
    assert not AccessibilityStatementPage.can_create_at(statement.get_parent())


@pytest.fixture
def editor(client, site_tree, django_user_model):
    group, _ = Group.objects.get_or_create(name="Redaktorzy")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=site_tree.home,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    user = django_user_model.objects.create_user(username="redaktor", password="x")
    user.groups.add(group)
    client.force_login(user)
    return user


def test_editor_creates_the_statement_in_the_admin(client, editor, site_tree):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    url = reverse("wagtailadmin_pages:add", args=["home", "accessibilitystatementpage", site_tree.home.pk])
    data = statement_fields(
        architecture=rich_text("<p>Podjazd przy wejściu.</p>"),
        communication=rich_text("<p>Tłumacz PJM.</p>"),
        additional_info=rich_text(""),
        mobile_apps=rich_text(""),
        assessment_method=AssessmentMethod.SELF,
        issues=inline_formset(
            [{"kind": IssueKind.NON_COMPLIANT, "content": "Skany", "reason": "Brak tekstu."}]
        ),
        action_publish="action-publish",
    )

    response = client.post(url, {**nested_form_data(data), "action-publish": "action-publish"})

    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = AccessibilityStatementPage.objects.get()
    assert page.live and [issue.content for issue in page.issues.all()] == ["Skany"]
    assert not AccessibilityStatementPage.can_create_at(site_tree.home)


# --- the request form ------------------------------------------------------------------------------


def request_data(client, page, **overrides):
    html = client.get(page.url).content.decode()
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    consent = next(name for label, name in fields.items() if label.startswith("Zgadzam się"))
    data = {
        fields["Imię i nazwisko"]: "Irena Pawlik",
        fields["E-mail"]: "irena@example.com",
        fields["Adres strony, której dotyczy żądanie"]: "https://bo.sosnowiec.invalid/szkolenia/",
        fields["Co jest dla Ciebie niedostępne"]: "Program szkolenia w PDF nie czyta się czytnikiem ekranu.",
        fields["W jakiej formie chcesz otrzymać tę treść"]: "plik Word",
        consent: "on",
        "website": "",
        "form_token": TOKEN_RE.search(html).group(1),
    }
    for label, value in overrides.items():
        data[fields.get(label, label)] = value
    return data


def test_a_request_lands_in_the_inbox_with_its_seven_day_term(admin_client, client, request_form):
    response = client.post(request_form.url, request_data(client, request_form))

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == AccessibilityRequestStatus.NEW
    due = timezone.localdate(submission.submit_time) + timedelta(days=7)
    inbox = admin_client.get("/admin/inbox/").content.decode()
    assert "nowe" in inbox
    assert f"do {due.day} " in inbox and "po terminie" not in inbox
    detail = admin_client.get(reverse("submission_inbox:edit", args=[submission.pk])).content.decode()
    assert "Termin" in detail and "po powiadomieniu osoby najpóźniej do" in detail


def test_an_overdue_request_stands_out_in_the_inbox(admin_client, client, request_form):
    client.post(request_form.url, request_data(client, request_form))
    submission = Submission.objects.get()
    Submission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - timedelta(days=8))

    inbox = admin_client.get("/admin/inbox/").content.decode()

    assert "⚠ po terminie" in inbox and "deadline--overdue" in inbox


def test_an_extended_request_has_two_months_and_a_done_one_no_term(admin_client, client, request_form):
    client.post(request_form.url, request_data(client, request_form))
    submission = Submission.objects.get()
    Submission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - timedelta(days=20))
    url = reverse("submission_inbox:edit", args=[submission.pk])

    admin_client.post(url, {"action": "extend", "extend-reason": "Zlecamy tłumaczenie; gotowe do 30 dnia."})

    submission.refresh_from_db()
    assert submission.status == AccessibilityRequestStatus.EXTENDED
    inbox = admin_client.get("/admin/inbox/").content.decode()
    assert "przedłużone (powiadomiono)" in inbox and "po terminie" not in inbox

    admin_client.post(url, {"action": "complete"})

    submission.refresh_from_db()
    assert submission.status == AccessibilityRequestStatus.DONE
    assert "przedłużony" not in admin_client.get("/admin/inbox/").content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        (
            "Adres strony, której dotyczy żądanie",
            "nie adres",
            "Skopiuj go z paska przeglądarki, np. https://bo.sosnowiec.pl/aktualnosci/.",
        ),
        ("Adres strony, której dotyczy żądanie", "javascript:alert(1)", "To nie wygląda na adres strony."),
        ("Adres strony, której dotyczy żądanie", "", "To pole jest wymagane."),
        ("E-mail", '"><script>alert(1)</script>@x.pl', "np. anna.nowak@example.com."),
        ("Imię i nazwisko", "x" * 256, ""),
        ("Co jest dla Ciebie niedostępne", "ą" * 5001, ""),
        ("Co jest dla Ciebie niedostępne", "<script>alert(1)</script>\x00", ""),
    ],
)
def test_hostile_input_is_refused_in_polish_and_nothing_saved(client, request_form, field, value, message):
    response = client.post(request_form.url, request_data(client, request_form, **{field: value}))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Popraw zaznaczone pola i wyślij formularz jeszcze raz." in text
    assert message in text
    assert "Wpisz poprawny URL." not in text
    assert "Wprowadź poprawny adres email." not in text
    assert "<script>alert(1)</script>" not in text
    assert Submission.objects.count() == 0


def test_a_filled_honeypot_is_refused(client, request_form):
    response = client.post(
        request_form.url, request_data(client, request_form, website="http://spam.example")
    )

    html = response.content.decode()
    assert "Nie wysłaliśmy formularza:" in html
    assert "<li>Pole „Strona internetowa” musi zostać puste.</li>" in html
    assert "Nie przyjęliśmy zgłoszenia" not in html
    assert Submission.objects.count() == 0


# --- the yearly review on the dashboard -------------------------------------------------------------


@pytest.mark.parametrize(
    "last_reviewed, today, state",
    [
        ("2025-03-10", "2026-02-28", ""),
        ("2025-03-10", "2026-03-01", "due"),
        ("2025-03-10", "2026-03-31", "due"),
        ("2025-03-10", "2026-04-01", "overdue"),
        ("2026-01-15", "2026-03-15", ""),
        ("2026-03-20", "2026-11-25", ""),
    ],
)
def test_review_is_due_from_march_and_overdue_after_31_march(last_reviewed, today, state):
    as_date = datetime.date.fromisoformat

    assert review_state(as_date(last_reviewed), as_date(today)) == state


def dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_reminds_the_editor_when_the_review_is_due(client, editor, site_tree, monkeypatch):
    make_statement(site_tree.home, prepared_on=datetime.date(2025, 9, 15))
    monkeypatch.setattr("home.review.timezone.localdate", lambda: datetime.date(2026, 3, 2))

    html = dashboard(client)

    assert "Przegląd deklaracji dostępności" in html
    assert "Czas na coroczny przegląd" in html and "31 marca 2026" in html

    monkeypatch.setattr("home.review.timezone.localdate", lambda: datetime.date(2026, 4, 2))
    assert "Termin przeglądu minął" in dashboard(client)


def test_dashboard_is_quiet_after_this_years_review(client, editor, site_tree, monkeypatch):
    make_statement(
        site_tree.home, prepared_on=datetime.date(2025, 9, 15), reviewed_on=datetime.date(2026, 3, 1)
    )
    monkeypatch.setattr("home.review.timezone.localdate", lambda: datetime.date(2026, 3, 20))

    assert "Przegląd deklaracji dostępności" not in dashboard(client)
