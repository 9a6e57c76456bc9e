"""The participatory budget as residents read it: the list of editions with the current one, an
edition (amounts, pools, timeline, results, the list of projects with filters, sorting, totals and
pages) and a project (status history, votes and place, progress)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.formats import date_format

from consultation.choices import BudgetPhase
from consultation.choices import ProposalStatus as S
from consultation.models import BudgetProjectPage, ProjectStatusChange, ProjectUpdate
from tests.budget_fixtures import make_edition
from tests.factories import DocumentFactory, ImageFactory

NBSP = "\u00a0"
# How many days before today an edition's submission phase starts (tests.budget_fixtures.phase_dates)
# for today to fall in each phase.
DAYS_INTO = {
    BudgetPhase.UPCOMING: -10,
    BudgetPhase.SUBMISSION: 5,
    BudgetPhase.VERIFICATION: 45,
    BudgetPhase.APPEALS: 70,
    BudgetPhase.VOTING: 95,
    BudgetPhase.RESULTS: 120,
    BudgetPhase.REALISATION: 200,
}


def edition_in(index, year, phase, **fields):
    return make_edition(
        index, year, timezone.localdate() - datetime.timedelta(days=DAYS_INTO[phase]), **fields
    )


def add_project(edition, number, *, area=None, cost=100_000, status=S.ON_BALLOT, votes=None, **fields):
    page = BudgetProjectPage(
        title=fields.pop("title", f"Projekt numer {number}"),
        slug=f"projekt-{number}",
        number=number,
        area=area,
        cost=cost,
        status=status,
        votes_online=votes[0] if votes else None,
        votes_paper=votes[1] if votes else None,
        live=True,
        **fields,
    )
    edition.add_child(instance=page)
    return page


@pytest.fixture
def past(budget):
    """Last year's edition beside the fixture's current one: voted on, results published, being built."""
    return edition_in(budget.index, 2026, BudgetPhase.REALISATION, results_published=True, min_votes=100)


def area(edition, name):
    return edition.areas.get(name=name)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element, separator=" "):
    """The element's text with runs of spaces and newlines made one space; non-breaking spaces kept."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(separator)).strip()


def listed_numbers(response):
    return [
        int(re.search(r"nr (\d+)", text(item.select_one(".budget-project__number"))).group(1))
        for item in soup(response).select(".budget-project")
    ]


# The list of editions


def test_index_puts_the_current_edition_first_with_its_phase_and_the_proposal_form(client, budget, past):
    page = soup(client.get(budget.index.url))

    current = page.select_one(".budget-current")
    assert "Budżet obywatelski 2027" in text(current)
    assert "Teraz: zgłaszanie projektów" in text(current)
    assert f"Do podziału: 3{NBSP}600{NBSP}000{NBSP}zł" in text(current)
    assert current.find("a", string="Zgłoś projekt")["href"] == budget.form.url
    others = page.select_one(".budget-editions")
    assert "Budżet obywatelski 2026" in text(others)
    assert "Realizacja projektów" in text(others)


@pytest.mark.parametrize(
    ("phase", "words"),
    [
        (BudgetPhase.UPCOMING, "Zgłaszanie projektów ruszy"),
        (BudgetPhase.VERIFICATION, "Urząd sprawdza zgłoszone projekty do"),
        (BudgetPhase.APPEALS, "mogą się odwołać"),
        (BudgetPhase.VOTING, "Głosowanie trwa do"),
        (BudgetPhase.RESULTS, "Wyniki ogłosimy wkrótce"),
    ],
)
def test_index_says_what_a_resident_can_do_in_each_phase(client, budget, phase, words):
    budget.edition.delete()
    edition = edition_in(budget.index, 2028, phase)

    current = soup(client.get(budget.index.url)).select_one(".budget-current")

    assert "Budżet obywatelski 2028" in text(current)
    assert f"Teraz: {BudgetPhase(phase).label}" in text(current)
    assert words in text(current)
    if phase == BudgetPhase.VOTING:
        assert f"Głosowanie trwa do {date_format(edition.voting_end, 'j E Y')}." in text(current)


def test_index_links_the_published_results_when_every_edition_is_being_built(client, budget, past):
    budget.edition.delete()

    current = soup(client.get(budget.index.url)).select_one(".budget-current")

    assert "Budżet obywatelski 2026" in text(current)
    assert current.find("a", string="Zobacz wybrane projekty")["href"] == past.url + "#wyniki"


# An edition: facts, timeline, pools


def test_edition_shows_the_total_and_the_pools_with_non_breaking_spaces(client, past):
    html = client.get(past.url).content.decode()
    page = BeautifulSoup(html, "html.parser")

    assert f"Do podziału 3{NBSP}600{NBSP}000{NBSP}zł" in text(page.select_one(".budget-facts"))
    table = page.select_one("#pule-tabela").find_parent("table")
    rows = [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]
    assert rows == [
        [
            "Cała gmina (projekty ogólnomiejskie)",
            f"2{NBSP}500{NBSP}000{NBSP}zł",
            f"1{NBSP}000{NBSP}000{NBSP}zł",
        ],
        ["Zagórze", f"600{NBSP}000{NBSP}zł", f"200{NBSP}000{NBSP}zł"],
        ["Pogoń", f"500{NBSP}000{NBSP}zł", f"150{NBSP}000{NBSP}zł"],
    ]


@pytest.mark.parametrize(
    "phase", [phase for phase, _label in BudgetPhase.choices if phase != BudgetPhase.UPCOMING]
)
def test_timeline_names_the_current_phase_in_words(client, budget, phase):
    budget.edition.delete()
    edition = edition_in(budget.index, 2028, phase)

    steps = soup(client.get(edition.url)).select(".budget-timeline__step")

    labels = [text(step.select_one(".budget-timeline__label")) for step in steps]
    order = [label.capitalize() for p, label in BudgetPhase.choices if p != BudgetPhase.UPCOMING]
    position = [p for p, _label in BudgetPhase.choices if p != BudgetPhase.UPCOMING].index(phase)
    states = (
        ["(etap zakończony)"] * position + ["(trwa teraz)"] + ["(przed nami)"] * (len(order) - position - 1)
    )
    assert labels == [f"{label} {state}" for label, state in zip(order, states, strict=True)]
    assert [step.get("aria-current") for step in steps].count("step") == 1


def test_timeline_before_the_first_phase_marks_nothing_as_over(client, budget):
    budget.edition.delete()
    edition = edition_in(budget.index, 2028, BudgetPhase.UPCOMING)

    page = soup(client.get(edition.url))

    assert "Teraz: przed naborem projektów" in text(page.select_one(".budget-edition__phase"))
    assert all("(przed nami)" in text(step) for step in page.select(".budget-timeline__step"))


def test_edition_links_the_rules_with_format_and_size(client, past):
    past.rules_document = DocumentFactory(title="Regulamin BO 2026")
    past.save_revision().publish()

    facts = text(soup(client.get(past.url)).select_one(".budget-facts"))

    assert f"Regulamin BO 2026 (PDF, 2,0{NBSP}KB)" in facts


def test_edition_without_projects_says_when_they_come_instead_of_filters(client, budget):
    page = soup(client.get(budget.edition.url))

    assert page.select_one(".budget-filters") is None
    assert page.select_one(".budget-totals") is None
    assert "Projekty pojawią się tu po weryfikacji zgłoszeń." in text(page.select_one("#projekty"))


def test_proposal_form_is_linked_only_while_proposals_are_taken(client, budget, past):
    assert soup(client.get(budget.edition.url)).find("a", string="Zgłoś projekt")["href"] == budget.form.url
    assert soup(client.get(past.url)).find("a", string="Zgłoś projekt") is None


# Results


@pytest.fixture
def voted(past):
    edition = past
    zagorze = area(edition, "Zagórze")
    projects = {
        1: add_project(
            edition, 1, cost=950_000, votes=(2400, 600), status=S.IMPLEMENTED, title="Ścieżka rowerowa"
        ),
        2: add_project(edition, 2, cost=1_000_000, votes=(1500, 0), status=S.SELECTED),
        3: add_project(edition, 3, cost=900_000, votes=(900, 0), status=S.NOT_SELECTED),
        4: add_project(edition, 4, cost=300_000, votes=(700, 0), status=S.SELECTED),
        5: add_project(edition, 5, area=zagorze, cost=290_000, votes=(1000, 140), status=S.IN_PROGRESS),
        6: add_project(edition, 6, area=zagorze, cost=150_000, votes=(50, 10), status=S.NOT_SELECTED),
        7: add_project(edition, 7, area=zagorze, cost=200_000, status=S.NEGATIVE),
        8: add_project(edition, 8, cost=50_000, status=S.WITHDRAWN),
    }
    return projects


def result_rows(page, pool_key):
    table = page.select_one(f"#wyniki-{pool_key}").find_parent(class_="budget-results").find("table")
    return [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


def test_results_table_per_pool_with_ranks_outcomes_and_money_used(client, voted, past):
    page = soup(client.get(past.url))

    assert result_rows(page, "miasto") == [
        ["1", "1", "Ścieżka rowerowa", "ogólnomiejski", f"950{NBSP}000{NBSP}zł", "3000", "Wybrany"],
        ["2", "2", "Projekt numer 2", "ogólnomiejski", f"1{NBSP}000{NBSP}000{NBSP}zł", "1500", "Wybrany"],
        [
            "3",
            "3",
            "Projekt numer 3",
            "ogólnomiejski",
            f"900{NBSP}000{NBSP}zł",
            "900",
            "Niewybrany: zabrakło pieniędzy w puli",
        ],
        ["4", "4", "Projekt numer 4", "ogólnomiejski", f"300{NBSP}000{NBSP}zł", "700", "Wybrany"],
    ]
    zagorze = area(past, "Zagórze").pk
    assert result_rows(page, zagorze) == [
        ["1", "5", "Projekt numer 5", "Zagórze", f"290{NBSP}000{NBSP}zł", "1140", "Wybrany"],
        ["2", "6", "Projekt numer 6", "Zagórze", f"150{NBSP}000{NBSP}zł", "60", "Niewybrany: za mało głosów"],
    ]
    used = [text(p) for p in page.select(".budget-results__used")]
    assert used == [
        f"Wykorzystano 2{NBSP}250{NBSP}000{NBSP}zł z 2{NBSP}500{NBSP}000{NBSP}zł.",
        f"Wykorzystano 290{NBSP}000{NBSP}zł z 600{NBSP}000{NBSP}zł.",
    ]
    link = page.find("a", string="Ścieżka rowerowa")
    assert link["href"] == voted[1].url
    # Pogoń had nothing on the ballot: no empty table.
    assert page.select_one(f"#wyniki-{area(past, 'Pogoń').pk}") is None


def test_results_stay_hidden_until_published(client, voted, past):
    past.results_published = False
    past.save_revision().publish()

    page = soup(client.get(past.url))
    project = soup(client.get(voted[1].url))

    assert page.select_one("#wyniki") is None
    assert "Wynik głosowania" not in text(project)
    assert "3000" not in text(project)


# The list of projects


def query(client, edition, **params):
    return client.get(edition.url, params)


def test_projects_filter_by_district_status_and_cost(client, voted, past):
    edition = past
    zagorze = area(edition, "Zagórze").pk

    assert listed_numbers(query(client, edition, dzielnica=zagorze)) == [5, 6, 7]
    assert listed_numbers(query(client, edition, dzielnica="miasto")) == [1, 2, 3, 4, 8]
    assert listed_numbers(query(client, edition, status=S.NOT_SELECTED)) == [3, 6]
    assert listed_numbers(query(client, edition, koszt_od="290000", koszt_do="950000")) == [1, 3, 4, 5]
    assert listed_numbers(query(client, edition, dzielnica="miasto", koszt_do="300000")) == [4, 8]


def test_projects_sort_by_number_votes_cost_and_title(client, voted, past):
    edition = past

    assert listed_numbers(query(client, edition)) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert listed_numbers(query(client, edition, sortuj="glosy")) == [1, 2, 5, 3, 4, 6, 7, 8]
    assert listed_numbers(query(client, edition, sortuj="koszt")) == [8, 6, 7, 5, 4, 3, 1, 2]
    assert listed_numbers(query(client, edition, sortuj="tytul")) == [2, 3, 4, 5, 6, 7, 8, 1]


def test_totals_count_found_and_chosen_projects_in_polish(client, voted, past):
    edition = past
    zagorze = area(edition, "Zagórze").pk

    def totals(**params):
        return text(soup(query(client, edition, **params)).select_one(".budget-totals"))

    assert totals() == (
        f"Znaleziono 8 projektów. Wybrane projekty: 4 na kwotę 2{NBSP}540{NBSP}000{NBSP}zł z 3{NBSP}600{NBSP}000{NBSP}zł."
    )
    assert totals(dzielnica=zagorze) == (
        f"Znaleziono 3 projekty. Wybrany projekt: 1 na kwotę 290{NBSP}000{NBSP}zł z 600{NBSP}000{NBSP}zł."
    )
    assert totals(status=S.WITHDRAWN) == "Znaleziono 1 projekt."
    assert totals(koszt_od="2000000") == "Znaleziono 0 projektów."


@pytest.mark.parametrize(
    "params",
    [
        {"dzielnica": "9999999999999999999999"},
        {"dzielnica": '"><script>'},
        {"dzielnica": "-1"},
        {"status": "spam"},
        {"status": "a\x00b"},
        {"koszt_od": "-5"},
        {"koszt_od": "1e999"},
        {"koszt_do": "99999999999999999999999999"},
        {"koszt_do": "١٢"},
        {"koszt_od": "abc", "koszt_do": " "},
        {"sortuj": "-number; DROP TABLE"},
        {"sortuj": "x" * 5000},
        {"strona": "999999999999999999999"},
        {"strona": "-3"},
        {"strona": "nan"},
    ],
)
def test_hostile_query_values_are_ignored(client, voted, params, past):
    response = query(client, past, **params)

    assert response.status_code == 200
    assert listed_numbers(response) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_a_district_of_another_edition_is_ignored(client, budget, voted, past):
    other = budget.edition.areas.first().pk

    assert listed_numbers(query(client, past, dzielnica=other)) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_filter_form_keeps_the_chosen_values(client, voted, past):
    zagorze = area(past, "Zagórze").pk
    page = soup(query(client, past, dzielnica=zagorze, status=S.NEGATIVE, koszt_od="1000", sortuj="koszt"))

    assert page.select_one("#filtr-dzielnica option[selected]")["value"] == str(zagorze)
    assert page.select_one("#filtr-status option[selected]")["value"] == S.NEGATIVE
    assert page.select_one("#filtr-koszt-od")["value"] == "1000"
    assert page.select_one("#filtr-koszt-do")["value"] == ""
    assert page.select_one("#filtr-sortuj option[selected]")["value"] == "koszt"
    assert listed_numbers(query(client, past, dzielnica=zagorze, status=S.NEGATIVE)) == [7]


def test_pages_of_twenty_keep_the_filters(client, past):
    edition = past
    zagorze = area(edition, "Zagórze")
    for number in range(1, 46):
        add_project(edition, number, area=zagorze if number % 3 else None)

    first = query(client, edition, dzielnica=zagorze.pk, sortuj="koszt")
    assert len(listed_numbers(first)) == 20
    next_link = soup(first).select_one('.pagination a[rel="next"]')["href"]
    assert f"dzielnica={zagorze.pk}" in next_link and "sortuj=koszt" in next_link and "strona=2" in next_link
    last = client.get(edition.url + next_link)
    assert listed_numbers(last) == [n for n in range(1, 46) if n % 3][20:]
    assert "Strona 2 z 2" in text(soup(last).select_one(".pagination"))
    assert listed_numbers(query(client, edition, strona="99")) == list(range(41, 46))


@pytest.mark.parametrize("count", [5, 400])
def test_edition_page_queries_do_not_grow_with_projects(client, django_assert_max_num_queries, count, past):
    edition = past
    zagorze = area(edition, "Zagórze")
    images = [ImageFactory(), ImageFactory(), ImageFactory()]
    for number in range(1, count + 1):
        add_project(
            edition,
            number,
            area=zagorze if number % 2 else None,
            cost=10_000 + number,
            votes=(number * 3, number),
            image=images[number % 3],
            status=S.SELECTED if number % 5 else S.NOT_SELECTED,
        )
    client.get(edition.url)  # renditions made once, site root and settings cached

    with django_assert_max_num_queries(27):
        response = client.get(edition.url, {"sortuj": "glosy"})

    assert len(listed_numbers(response)) == min(count, 20)
    assert len(soup(response).select("#wyniki tbody tr")) == count


# A project


def test_project_page_shows_its_facts_history_updates_and_place(client, voted):
    project = voted[5]
    photo = ImageFactory(title="Nowa huśtawka na placu zabaw", description="Nowa huśtawka na placu zabaw")
    project.location = "park przy ul. Szymanowskiego"
    project.status_changes = [
        ProjectStatusChange(date=datetime.date(2025, 10, 1), status=S.SELECTED, note="Wyniki głosowania."),
        ProjectStatusChange(date=datetime.date(2025, 5, 20), status=S.POSITIVE),
        ProjectStatusChange(date=datetime.date(2026, 2, 1), status=S.IN_PROGRESS),
    ]
    project.updates = [
        ProjectUpdate(date=datetime.date(2026, 3, 1), text="Ruszyły prace."),
        ProjectUpdate(date=datetime.date(2026, 5, 4), text="Huśtawki stoją.", image=photo),
    ]
    project.save_revision().publish()

    page = soup(client.get(project.url))

    facts = text(page.select_one(".budget-facts"))
    assert "Status W realizacji" in facts
    assert "Dzielnica Zagórze" in facts
    assert f"Koszt 290{NBSP}000{NBSP}zł" in facts
    assert "Miejsce park przy ul. Szymanowskiego" in facts
    assert [text(item, separator="") for item in page.select(".budget-history li")] == [
        "20 maja 2025: zweryfikowany pozytywnie",
        "1 października 2025: wybrany – Wyniki głosowania.",
        "1 lutego 2026: w realizacji",
    ]
    updates = page.select(".budget-updates__item")
    assert [text(item.select_one(".budget-updates__date")) for item in updates] == [
        "4 maja 2026",
        "1 marca 2026",
    ]
    assert updates[0].find("img")["alt"] == "Nowa huśtawka na placu zabaw"
    voting = text(page.find(id="glosowanie").find_parent("section"))
    assert "Głosy 1140" in voting
    assert "Przez internet 1000" in voting and "Na papierze 140" in voting
    assert "Miejsce 1. z 2 w puli „Zagórze”" in voting
    assert "Wynik Wybrany" in voting


def test_project_without_votes_has_no_place_in_the_results(client, voted):
    page = soup(client.get(voted[7].url))

    assert page.find(id="glosowanie") is None
    assert "Status Zweryfikowany negatywnie" in text(page.select_one(".budget-facts"))


@pytest.mark.parametrize("count", [1, 15])
def test_project_page_queries_do_not_grow_with_updates(client, voted, django_assert_max_num_queries, count):
    project = voted[1]
    photos = [ImageFactory(), ImageFactory()]
    project.updates = [
        ProjectUpdate(
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            text=f"Etap {n}.",
            image=photos[n % 2],
        )
        for n in range(count)
    ]
    project.save_revision().publish()
    client.get(project.url)  # renditions made once, site root and settings cached

    with django_assert_max_num_queries(28):
        response = client.get(project.url)

    assert len(soup(response).select(".budget-updates__item")) == count


def test_an_edition_with_district_projects_can_be_deleted_in_the_admin(admin_client, budget):
    from consultation.models import BudgetArea, BudgetEditionPage, BudgetProjectPage

    project = BudgetProjectPage(title="Ławki", slug="lawki", number=1, cost=1000, area=budget.area("Zagórze"))
    budget.edition.add_child(instance=project)
    response = admin_client.post(f"/admin/pages/{budget.edition.pk}/delete/")
    assert response.status_code == 302
    assert not BudgetEditionPage.objects.filter(pk=budget.edition.pk).exists()
    assert not BudgetProjectPage.objects.exists() and not BudgetArea.objects.exists()
