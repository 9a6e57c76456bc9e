"""Staff import vote counts of a budget edition from a CSV file in the admin: a good file updates
every listed project and shows the results per pool; a file with any bad row is refused whole with
every bad row reported by its line; only those who may edit the edition page may do it."""

import codecs

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry

from consultation.choices import ProposalStatus, TieDecision
from consultation.models import BudgetArea, BudgetProjectPage
from tests.factories import BudgetEditionPageFactory, BudgetIndexPageFactory, BudgetProjectPageFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/budzet/wyniki/"
HEADER = "numer projektu;głosy internetowe;głosy papierowe\n"


@pytest.fixture
def edition(site_tree):
    index = BudgetIndexPageFactory(parent=site_tree.home)
    edition = BudgetEditionPageFactory(parent=index, year=2027, citywide_pool=500_000)
    zagorze = BudgetArea.objects.create(
        edition=edition, name="Zagórze", pool_amount=300_000, cost_limit=300_000
    )
    for cost, area in [(300_000, None), (300_000, None), (200_000, zagorze), (150_000, zagorze)]:
        BudgetProjectPageFactory(parent=edition, cost=cost, area=area).save_revision().publish()
    return edition


@pytest.fixture
def staff(client, admin_user):
    client.force_login(admin_user)
    return client


def csv_file(text, *, name="wyniki.csv", encoding="utf-8", bom=False):
    data = text.encode(encoding)
    return SimpleUploadedFile(name, (codecs.BOM_UTF8 if bom else b"") + data, content_type="text/csv")


def upload(client, edition, upload_file):
    return client.post(IMPORT_URL, {"edition": edition.pk, "file": upload_file}, follow=True)


def votes(edition):
    return {
        page.number: (page.votes_online, page.votes_paper)
        for page in BudgetProjectPage.objects.child_of(edition).order_by("number")
    }


def bad_rows(response):
    return [(error.line, error.message) for error in response.context["form"].vote_file.errors]


def import_logs(edition):
    return PageLogEntry.objects.filter(page=edition, action="consultation.budget.votes_import")


def test_a_good_file_updates_every_listed_project_and_shows_results_per_pool(staff, edition):
    response = upload(staff, edition, csv_file(HEADER + "1;900;100\n2;300;0\n3;50;10\n4;40;1\n"))

    assert response.redirect_chain[-1][0] == reverse("budget_results_preview", args=[edition.pk])
    assert votes(edition) == {1: (900, 100), 2: (300, 0), 3: (50, 10), 4: (40, 1)}
    text = response.content.decode()
    assert "Wczytano głosy do edycji 2027, liczba projektów: 4." in text
    assert "cała gmina (projekty ogólnomiejskie)" in text and "Zagórze" in text
    assert "wykorzystano 300\u00a0000\u00a0zł z 500\u00a0000\u00a0zł" in text
    assert "niewybrany: zabrakło pieniędzy w puli" in text
    assert reverse("wagtailadmin_pages:edit", args=[edition.pk]) in text
    entry = import_logs(edition).get()
    assert entry.data == {"file": "wyniki.csv", "projects": 4, "online": 1290, "paper": 111}
    assert "Wczytano głosy z pliku „wyniki.csv”, liczba projektów: 4" in entry.message


def test_imported_votes_stay_after_the_project_is_edited_and_published_again(staff, edition):
    upload(staff, edition, csv_file(HEADER + "1;900;100\n"))
    project = BudgetProjectPage.objects.child_of(edition).get(number=1)
    editor_view = staff.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
    assert editor_view.context["form"].initial["votes_online"] == 900

    project.get_latest_revision_as_object().save_revision().publish()

    assert votes(edition)[1] == (900, 100)


def test_log_of_the_edition_shows_the_import_in_polish(staff, edition):
    upload(staff, edition, csv_file(HEADER + "1;900;100\n"))
    history = staff.get(reverse("wagtailadmin_pages:history", args=[edition.pk]))
    assert "Wczytano głosy z pliku" in history.content.decode()


@pytest.mark.parametrize(
    "encoding,bom,text",
    [
        ("utf-8", True, HEADER + "1;5;1\n2;3;0\n"),
        ("cp1250", False, HEADER + "1;5;1\n2;3;0\n"),
        ("utf-8", False, "Numer projektu,Głosy internetowe,Głosy papierowe\r\n1,5,1\r\n2,3,0\r\n"),
        (
            "utf-8",
            False,
            '"glosy papierowe";"numer projektu";"glosy internetowe";"tytuł"\n1;1;5;"Park; nowy"\n0;2;3;x\n',
        ),
        ("utf-8", False, HEADER + "\n1; 5 ;1\n\n2;3;0\n\n"),
        ("utf-8", False, (HEADER + "1;5;1\n2;3;0\n").replace("\n", "\r")),
    ],
    ids=["bom", "excel-cp1250", "commas-crlf", "columns-any-order", "blank-lines-and-spaces", "old-mac-cr"],
)
def test_files_from_excel_and_other_tools_are_read(staff, edition, encoding, bom, text):
    response = upload(staff, edition, csv_file(text, encoding=encoding, bom=bom))
    assert response.status_code == 200
    assert votes(edition)[1] == (5, 1) and votes(edition)[2] == (3, 0)


def test_thousands_written_with_spaces_are_read(staff, edition):
    upload(staff, edition, csv_file(HEADER + "1;1\u00a0234;1 000\n"))
    assert votes(edition)[1] == (1234, 1000)


def refused(client, edition, text, **kwargs):
    before = votes(edition)
    response = upload(client, edition, csv_file(text, **kwargs))
    assert response.status_code == 200
    assert response.redirect_chain == []
    assert "Nie wczytano żadnej liczby głosów" in response.content.decode()
    assert votes(edition) == before
    assert not import_logs(edition).exists()
    return bad_rows(response)


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(staff, edition):
    BudgetProjectPageFactory(parent=edition, status=ProposalStatus.NEGATIVE, title="Odrzucony skwer")
    for _number in range(6, 10):
        BudgetProjectPageFactory(parent=edition)
    text = HEADER + (
        "1;10;1\n"  # line 2: good, must not be saved
        "99;10;1\n"
        "2;-5;1\n"
        "3;dużo;1\n"
        "1;7;7\n"
        "4;10\n"
        "5;1;1\n"
        "6;99999999999;0\n"
        "x;1;1\n"
        "7;;1\n"
        "8;1.5;0\n"
        "9;1;1\n"
    )
    assert refused(staff, edition, text) == [
        (3, "w edycji 2027 nie ma projektu nr 99"),
        (4, "„głosy internetowe”: liczba nie może być ujemna (-5)"),
        (5, "„głosy internetowe”: „dużo” to nie jest liczba całkowita"),
        (6, "projekt nr 1 był już w wierszu 2"),
        (7, "brak kolumny „głosy papierowe”"),
        (
            8,
            "projekt nr 5 („Odrzucony skwer”) nie był na liście do głosowania (status: zweryfikowany negatywnie)",
        ),
        (9, "„głosy internetowe”: liczba 99999999999 jest za duża"),
        (10, "„numer projektu”: „x” to nie jest liczba całkowita"),
        (11, "puste pole „głosy internetowe”"),
        (12, "„głosy internetowe”: „1.5” to nie jest liczba całkowita"),
    ]


def test_the_report_shows_lines_and_reasons_to_the_staff(staff, edition):
    response = upload(staff, edition, csv_file(HEADER + "1;10;1\n77;1;1\n"))
    text = response.content.decode()
    assert "<td>3</td><td>w edycji 2027 nie ma projektu nr 77</td>" in text
    assert "Nie wczytano pliku: popraw błędne wiersze i wyślij go jeszcze raz." in text


@pytest.mark.parametrize(
    "content,message",
    [
        ("", "Plik jest pusty."),
        ("\n \n", "Plik jest pusty."),
        ("\ufeff", "Plik jest pusty."),
        (";;;\n;;\n", "Plik jest pusty."),
        (HEADER, "Plik nie zawiera żadnego wiersza z głosami."),
        ("numer projektu;głosy\n1;2\n", "w nagłówku brak kolumn: „głosy internetowe”, „głosy papierowe”."),
        ("1;900;100\n", "w nagłówku brak kolumn"),
    ],
)
def test_a_file_without_the_header_or_rows_is_refused(staff, edition, content, message):
    before = votes(edition)
    response = upload(staff, edition, SimpleUploadedFile("wyniki.csv", content.encode()))
    assert message in response.content.decode()
    assert votes(edition) == before


def test_binary_garbage_is_refused(staff, edition):
    garbage = SimpleUploadedFile("wyniki.csv", b"PK\x03\x04\x00\x00" + bytes(range(256)) * 10)
    response = upload(staff, edition, garbage)
    assert "To nie jest plik CSV: zawiera znaki binarne." in response.content.decode()


def test_a_nul_inside_a_row_is_refused(staff, edition):
    response = upload(staff, edition, csv_file(HEADER + "1;9\x00;1\n"))
    assert "To nie jest plik CSV" in response.content.decode()
    assert votes(edition)[1] == (None, None)


def test_an_unclosed_quote_is_reported_with_its_line(staff, edition):
    rows = refused(staff, edition, HEADER + '1;5;1\n2;"3;0\n3;1;1\n')
    assert rows[0][0] == 3
    assert "niedomknięty cudzysłów" in rows[0][1]


def test_a_file_over_2_mb_is_refused(staff, edition):
    big = csv_file(HEADER + "1;1;1\n" * 400_000)
    response = upload(staff, edition, big)
    assert "Plik jest za duży: najwyżej 2 MB." in response.content.decode()
    assert votes(edition)[1] == (None, None)


def test_ten_thousand_bad_rows_are_refused_with_a_long_report(staff, edition):
    text = HEADER + "".join(f"{1000 + n};1;1\n" for n in range(10_000))
    rows = refused(staff, edition, text)
    assert len(rows) == 10_000
    assert rows[-1] == (10_001, "w edycji 2027 nie ma projektu nr 10999")
    assert "liczba: 9000" in upload(staff, edition, csv_file(text)).content.decode()


@pytest.mark.parametrize("edition_value", ["", "abc", "99999999999999999999", '"><script>', "-1", "1\x00"])
def test_hostile_edition_values_are_refused_with_a_message(staff, edition, edition_value):
    response = staff.post(IMPORT_URL, {"edition": edition_value, "file": csv_file(HEADER + "1;1;1\n")})
    assert response.status_code == 200
    assert votes(edition)[1] == (None, None)
    assert response.context["form"].errors["edition"]


def test_the_form_asks_for_a_file(staff, edition):
    response = staff.post(IMPORT_URL, {"edition": edition.pk})
    assert "Wybierz plik z głosami." in response.content.decode()


def test_the_form_offers_the_edition_chosen_on_its_page(staff, edition):
    response = staff.get(f"{IMPORT_URL}?edycja={edition.pk}")
    assert response.status_code == 200
    assert response.context["form"].initial["edition"] == str(edition.pk)
    assert staff.get(f"{IMPORT_URL}?edycja=%22%00" + "9" * 50).status_code == 200


# --- ties and outcomes ------------------------------------------------------------------------------


def test_a_tie_at_the_money_line_is_reported_in_the_preview(staff, edition):
    response = upload(staff, edition, csv_file(HEADER + "1;100;0\n2;90;10\n3;5;0\n4;5;0\n"))
    text = response.content.decode()
    assert (
        "Remis na granicy puli „cała gmina (projekty ogólnomiejskie)”: rozstrzygnij go w polu "
        "„rozstrzygnięcie remisu” projektów nr 1, nr 2."
    ) in text
    project = BudgetProjectPage.objects.child_of(edition).get(number=1)
    assert reverse("wagtailadmin_pages:edit", args=[project.pk]) in text
    assert "Zapisz wyniki w statusach projektów" not in text


def test_outcomes_cannot_be_saved_while_a_tie_is_open(staff, edition):
    upload(staff, edition, csv_file(HEADER + "1;100;0\n2;100;0\n3;5;0\n4;5;0\n"))
    response = staff.post(reverse("budget_results_preview", args=[edition.pk]), follow=True)
    assert "Najpierw rozstrzygnij remisy na granicy puli." in response.content.decode()
    statuses = set(BudgetProjectPage.objects.child_of(edition).values_list("status", flat=True))
    assert statuses == {ProposalStatus.ON_BALLOT}


def test_saved_outcomes_set_each_status_with_its_history_and_a_log(staff, edition):
    upload(staff, edition, csv_file(HEADER + "1;100;0\n2;100;0\n3;6;0\n4;5;0\n"))
    for number, decision in [(1, TieDecision.LOSES), (2, TieDecision.WINS)]:
        BudgetProjectPage.objects.child_of(edition).filter(number=number).update(tie_decision=decision)

    preview = staff.get(reverse("budget_results_preview", args=[edition.pk])).content.decode()
    assert "Remis na granicy" not in preview
    response = staff.post(reverse("budget_results_preview", args=[edition.pk]), follow=True)

    assert "liczba zmienionych: 4" in response.content.decode()
    projects = {page.number: page for page in BudgetProjectPage.objects.child_of(edition)}
    assert {number: page.status for number, page in projects.items()} == {
        1: ProposalStatus.NOT_SELECTED,
        2: ProposalStatus.SELECTED,
        3: ProposalStatus.SELECTED,
        4: ProposalStatus.NOT_SELECTED,
    }
    history = projects[2].status_changes.get()
    assert (history.status, history.note) == (ProposalStatus.SELECTED, "Wyniki głosowania")
    in_editor = projects[2].get_latest_revision_as_object()
    assert in_editor.status == ProposalStatus.SELECTED
    assert [change.status for change in in_editor.status_changes.all()] == [ProposalStatus.SELECTED]
    entry = PageLogEntry.objects.get(page=edition, action="consultation.budget.outcomes")
    assert entry.message == "Zapisano wyniki głosowania w statusach projektów (wybrane: 2, niewybrane: 2)"

    again = staff.post(reverse("budget_results_preview", args=[edition.pk]), follow=True)
    assert "liczba zmienionych: 0" in again.content.decode()
    assert projects[2].status_changes.count() == 1


def test_projects_on_the_ballot_without_votes_are_pointed_out_and_block_the_outcomes(staff, edition):
    response = upload(staff, edition, csv_file(HEADER + "1;100;0\n3;5;0\n"))
    text = response.content.decode()
    assert "bez wczytanych głosów (nie ma ich w wynikach): nr 2, nr 4." in text
    assert "Zapisz wyniki w statusach projektów" not in text
    refused = staff.post(reverse("budget_results_preview", args=[edition.pk]), follow=True)
    assert "Najpierw wczytaj głosy wszystkich projektów z listy do głosowania." in refused.content.decode()
    statuses = set(BudgetProjectPage.objects.child_of(edition).values_list("status", flat=True))
    assert statuses == {ProposalStatus.ON_BALLOT}


def test_without_any_votes_there_is_nothing_to_save(staff, edition):
    BudgetProjectPage.objects.child_of(edition).update(status=ProposalStatus.POSITIVE)
    response = staff.post(reverse("budget_results_preview", args=[edition.pk]), follow=True)
    assert "Nie ma jeszcze żadnych wyników do zapisania." in response.content.decode()
    assert not PageLogEntry.objects.filter(action="consultation.budget.outcomes").exists()


# --- who may do it --------------------------------------------------------------------------------


def user_with(django_user_model, name, *, edit_page=None):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if edit_page is not None:
        GroupPagePermission.objects.create(
            group=group,
            page=edit_page,
            permission=Permission.objects.get(codename="change_page", content_type__app_label="wagtailcore"),
        )
    user = django_user_model.objects.create_user(username=name, password="x")
    user.groups.add(group)
    return user


def refused_by_the_admin(response):
    """Wagtail turns a refusal into a way back to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_a_moderator_who_may_not_edit_the_edition_is_refused(client, edition, django_user_model):
    client.force_login(user_with(django_user_model, "moderatorka"))
    preview_url = reverse("budget_results_preview", args=[edition.pk])
    assert refused_by_the_admin(client.get(IMPORT_URL))
    assert refused_by_the_admin(
        client.post(IMPORT_URL, {"edition": edition.pk, "file": csv_file(HEADER + "1;1;1\n")})
    )
    assert refused_by_the_admin(client.get(preview_url))
    assert refused_by_the_admin(client.post(preview_url))
    assert votes(edition)[1] == (None, None)
    assert set(BudgetProjectPage.objects.values_list("status", flat=True)) == {ProposalStatus.ON_BALLOT}
    assert "nie posiadasz uprawnień" in client.get(IMPORT_URL, follow=True).content.decode()
    assert "/admin/budzet/wyniki/" not in client.get("/admin/").content.decode()


def test_an_editor_of_the_edition_imports_but_not_into_another_edition(client, edition, django_user_model):
    other = BudgetEditionPageFactory(parent=edition.get_parent(), year=2028)
    BudgetProjectPageFactory(parent=other)
    client.force_login(user_with(django_user_model, "redaktorka", edit_page=edition))

    assert "/admin/budzet/wyniki/" in client.get("/admin/").content.decode()
    response = client.post(IMPORT_URL, {"edition": other.pk, "file": csv_file(HEADER + "1;1;1\n")})
    assert response.context["form"].errors["edition"] == ["Wybierz edycję z listy."]
    assert refused_by_the_admin(client.get(reverse("budget_results_preview", args=[other.pk])))
    assert votes(other)[1] == (None, None)

    upload(client, edition, csv_file(HEADER + "1;1;1\n"))
    assert votes(edition)[1] == (1, 1)


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999", "0"])
def test_an_unknown_edition_preview_is_not_found(staff, edition, pk):
    assert staff.get(f"/admin/budzet/wyniki/{pk}/").status_code == 404
    assert staff.post(f"/admin/budzet/wyniki/{pk}/").status_code == 404


def test_the_import_needs_the_csrf_token(edition, admin_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(IMPORT_URL, {"edition": edition.pk, "file": csv_file(HEADER + "1;1;1\n")})
    assert response.status_code == 403
    assert votes(edition)[1] == (None, None)


def test_the_edition_page_offers_the_results_in_its_header_menu(staff, edition):
    response = staff.get(reverse("wagtailadmin_pages:edit", args=[edition.pk]))
    assert reverse("budget_results_preview", args=[edition.pk]) in response.content.decode()


def test_a_failure_while_saving_leaves_every_project_as_it_was(staff, edition, monkeypatch):
    def broken_log(**kwargs):
        raise RuntimeError("dziennik niedostępny")

    monkeypatch.setattr("consultation.results_import.log", broken_log)
    with pytest.raises(RuntimeError):
        upload(staff, edition, csv_file(HEADER + "1;900;100\n2;300;0\n"))
    assert votes(edition) == {1: (None, None), 2: (None, None), 3: (None, None), 4: (None, None)}
    project = BudgetProjectPage.objects.child_of(edition).get(number=1)
    assert project.get_latest_revision_as_object().votes_online is None


def test_the_preview_takes_a_fixed_number_of_queries_however_many_projects(
    staff, edition, django_assert_max_num_queries
):
    for _number in range(30):
        BudgetProjectPageFactory(parent=edition, cost=1_000, votes_online=5, votes_paper=1)
    with django_assert_max_num_queries(25):
        response = staff.get(reverse("budget_results_preview", args=[edition.pk]))
    assert response.content.decode().count("<tr>") == 30 + 2  # two pools' header rows


def test_the_screens_speak_polish(staff, edition):
    from tests.test_admin_language import read, report

    screens = {}
    tie = upload(staff, edition, csv_file(HEADER + "1;100;0\n2;100;0\n3;6;0\n"))
    bad = upload(staff, edition, csv_file(HEADER + "77;-1;x\n"))
    for name, response in [("preview", tie), ("report", bad), ("form", staff.get(IMPORT_URL))]:
        texts, _links, labels = read(response)
        screens[name] = (texts, labels)
    assert report(screens) == []
