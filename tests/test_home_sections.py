"""The home page: its hero with a call to action, and the sections the feature apps register, each
shown while it has something to show and gone when it has not, at a fixed number of queries."""

import datetime
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail import hooks
from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from consultation.dates import days_left_in_words
from consultation.models import PrivacyNotice, VotingPage
from home.models import FooterLogo, SiteSettings
from home.sections import HomeSection
from tests.consultation_fixtures import make_consultation
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ImageFactory,
    MaterialFactory,
    MaterialsIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

# The page, menu and settings (see tests/test_pages.py) and a fixed few queries for each section.
HOME_MAX_QUERIES = 36


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_titles(client):
    return [heading.get_text(strip=True) for heading in soup(client.get("/")).select(".home-section__title")]


def section(client, anchor):
    found = soup(client.get("/")).find("section", attrs={"aria-labelledby": anchor})
    assert found is not None, f"no section {anchor}"
    return found


def publish(page):
    page.save_revision().publish()


# --- appearing and disappearing -------------------------------------------------------------------


def test_home_without_content_shows_the_hero_and_no_empty_section(client, site_tree):
    page = soup(client.get("/"))

    assert page.select_one(".hero__title").get_text(strip=True) == site_tree.home.title
    assert page.select(".home-section") == []


def test_open_consultations_show_days_left_and_go_when_they_close(client, consultations):
    cards = section(client, "home-konsultacje").select(".card")

    assert [card.select_one(".card__title").get_text(strip=True) for card in cards] == [
        "Zasady budżetu obywatelskiego"
    ]
    assert cards[0].select_one(".card__badge").get_text(strip=True) == days_left_in_words(
        consultations.open.end_at
    )
    assert (
        section(client, "home-konsultacje").select_one(".home-section__more")["href"]
        == consultations.index.url
    )

    consultations.open.end_at = timezone.now() - timedelta(minutes=1)
    publish(consultations.open)

    assert "Trwające konsultacje" not in section_titles(client)


def test_upcoming_meetings_are_listed_soonest_first_and_go_once_held(client, consultations):
    meetings = section(client, "home-spotkania").select(".card")

    assert [meeting.select_one(".card__meta").get_text(strip=True) for meeting in meetings] == [
        "Sala Sesyjna",
        "Dom Kultury",
    ]
    assert meetings[0].select_one("a")["href"] == consultations.open.url + "#spotkania"

    consultations.open.meetings.update(ends_at=timezone.now() - timedelta(hours=1))

    assert "Najbliższe spotkania" not in section_titles(client)


def test_a_consultation_that_is_not_public_is_not_advertised(client, consultations):
    PageViewRestriction.objects.create(page=consultations.open, restriction_type="login")

    assert section_titles(client) == []


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "został 1 dzień"),
        (3, "zostały 3 dni"),
        (5, "zostało 5 dni"),
        (12, "zostało 12 dni"),
        (22, "zostały 22 dni"),
        (25, "zostało 25 dni"),
    ],
)
def test_days_left_use_the_polish_plural(days, words):
    end = timezone.localtime().replace(hour=23, minute=59) + timedelta(days=days)

    assert days_left_in_words(end) == words


def test_the_last_day_is_named_so():
    assert days_left_in_words(timezone.localtime().replace(hour=23, minute=59, second=59)) == "ostatni dzień"


def test_latest_news_and_articles_appear_newest_first_and_go_when_unpublished(client, site_tree):
    news_index = NewsIndexPageFactory(parent=site_tree.home)
    articles = ArticleIndexPageFactory(parent=site_tree.home)
    for day in range(1, 6):
        NewsPageFactory(parent=news_index, title=f"Wiadomość z {day} marca", date=datetime.date(2026, 3, day))
    article = ArticlePageFactory(parent=articles, title="Spacer badawczy", cover_image=ImageFactory())

    news = section(client, "home-aktualnosci")
    assert [title.get_text(strip=True) for title in news.select(".card__title")] == [
        "Wiadomość z 5 marca",
        "Wiadomość z 4 marca",
        "Wiadomość z 3 marca",
    ]
    assert news.select_one(".card__kicker").get_text(strip=True) == "5 marca 2026"
    card = section(client, "home-artykuly").select_one(".card")
    assert card.select_one(".card__kicker").get_text(strip=True) == "Dobre praktyki"
    assert card.select_one("img")["alt"] == ""

    article.unpublish()
    for page in news_index.get_children():
        page.unpublish()

    assert section_titles(client) == []


def test_editors_pick_materials_shown_in_their_order_with_tags_linking_the_library(client, site_tree):
    library = MaterialsIndexPageFactory(parent=site_tree.home)
    first = MaterialFactory(title="Poradnik dla rad osiedli", tags=["rady osiedli"])
    second = MaterialFactory(title="Raport z konsultacji")
    home = site_tree.home
    home.featured_materials = [("material", second), ("material", first)]
    publish(home)

    picked = section(client, "home-materialy")
    assert [
        title.get_text(" ", strip=True).split(" (")[0] for title in picked.select(".materials-card__title")
    ] == [
        "Raport z konsultacji",
        "Poradnik dla rad osiedli",
    ]
    assert picked.select_one(".materials-tags__link")["href"] == f"{library.url}?tag=rady-osiedli"

    second.delete()
    first.delete()

    assert section_titles(client) == []


def test_sections_follow_their_order_and_one_with_nothing_to_show_is_left_out(client, consultations):
    NewsPageFactory(parent=NewsIndexPageFactory(parent=consultations.index.get_parent()))

    class Nothing(HomeSection):
        order = 1
        template = "no/such/template.html"

    with hooks.register_temporarily("register_home_section", Nothing):
        titles = section_titles(client)

    assert titles == ["Trwające konsultacje", "Najbliższe spotkania", "Aktualności"]


# --- the hero -------------------------------------------------------------------------------------


def test_hero_invites_with_its_button_to_the_chosen_page(client, consultations):
    home = consultations.index.get_parent().specific
    home.hero_link_page = consultations.open
    home.hero_link_label = "Zgłoś uwagę do zasad budżetu"
    publish(home)

    button = soup(client.get("/")).select_one(".hero__action a")

    assert button.get_text(strip=True) == "Zgłoś uwagę do zasad budżetu"
    assert button["href"] == consultations.open.url


def test_hero_picture_carries_the_description_the_editor_wrote(client, site_tree):
    home = site_tree.home
    home.hero_image = ImageFactory()
    home.hero_image_alt = "Mieszkańcy głosują w szkole przy ul. Zamkowej"
    publish(home)

    image = soup(client.get("/")).select_one(".hero img")

    assert image["alt"] == "Mieszkańcy głosują w szkole przy ul. Zamkowej"


def home_form(home, **overrides):
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "lead": home.lead,
            "hero_link_page": "",
            "hero_link_url": "",
            "hero_link_label": "",
            "hero_image": "",
            "hero_image_alt": "",
            "featured_materials": streamfield([]),
            "body": streamfield([]),
            **overrides,
        }
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"hero_link_label": "Zgłoś uwagę"},
            "Wybierz stronę albo wpisz adres, do którego prowadzi przycisk.",
        ),
        ({"hero_link_url": "https://bip.example.invalid/"}, "Napisz, co jest na przycisku"),
    ],
)
def test_a_button_without_a_label_or_a_target_is_refused_in_polish(
    admin_client, site_tree, overrides, message
):
    home = site_tree.home
    response = admin_client.post(f"/admin/pages/{home.pk}/edit/", home_form(home, **overrides))

    assert response.status_code == 200
    assert message in response.text
    home.refresh_from_db()
    assert not home.hero_link_label and not home.hero_link_url


# --- queries --------------------------------------------------------------------------------------


def fill(consultations, news_index, articles, number):
    """`number` more open consultations (each with a meeting), news, articles and picked materials."""
    now = consultations.now
    home = consultations.index.get_parent().specific
    for item in range(number):
        make_consultation(
            consultations.index,
            f"otwarta-{number}-{item}",
            now - timedelta(days=1),
            now + timedelta(days=item + 2),
            meetings=[(now + timedelta(days=1, hours=item), f"Sala {item}")],
        )
        NewsPageFactory(parent=news_index)
        ArticlePageFactory(parent=articles, tags=["budżet"])
    home.featured_materials = [
        *[("material", block.value) for block in home.featured_materials],
        *[("material", MaterialFactory(tags=["budżet", "poradnik"])) for _ in range(number)],
    ][:6]
    publish(home)


def test_home_page_queries_are_the_same_for_few_and_many_items(
    client, consultations, django_assert_max_num_queries
):
    home = consultations.index.get_parent()
    news_index = NewsIndexPageFactory(parent=home)
    articles = ArticleIndexPageFactory(parent=home)
    MaterialsIndexPageFactory(parent=home)
    fill(consultations, news_index, articles, 2)
    client.get("/")  # warm the per-process caches (site root paths, settings, footer logos)
    with django_assert_max_num_queries(HOME_MAX_QUERIES) as few:
        client.get("/")

    fill(consultations, news_index, articles, 30)
    client.get("/")  # the new pages' renditions and first URLs
    with django_assert_max_num_queries(HOME_MAX_QUERIES) as many:
        response = client.get("/")

    page = soup(response)
    assert len(page.select("[aria-labelledby=home-konsultacje] .card")) == 6
    assert len(page.select("[aria-labelledby=home-materialy] .materials-card")) == 6
    assert len(many.captured_queries) == len(few.captured_queries)


# --- the footer's logo strip ----------------------------------------------------------------------


def settings_form(site_settings, logos):
    return nested_form_data(
        {
            "organisation": site_settings.organisation,
            "address": "",
            "phone": "",
            "email": "",
            "office_hours": "",
            "funding_notice": "Projekt współfinansowany przez Unię Europejską.",
            "footer_logos": inline_formset(logos),
            "copyright_line": "",
            "privacy_page": "",
            "retention_days": site_settings.retention_days,
            "training_target": site_settings.training_target,
        }
    )


def test_footer_logo_without_alt_text_is_refused_with_a_polish_message(admin_client, site_tree):
    site_settings = SiteSettings.for_site(site_tree.site)
    image = ImageFactory()
    url = f"/admin/settings/home/sitesettings/{site_tree.site.pk}/"

    response = admin_client.post(
        url, settings_form(site_settings, [{"image": image.pk, "alt_text": "", "link_url": ""}])
    )

    assert response.status_code == 200
    assert "Opisz logotyp" in response.text
    assert not FooterLogo.objects.exists()


def test_footer_logos_saved_in_settings_show_on_every_page_with_their_alt_text(
    admin_client, client, site_tree
):
    site_settings = SiteSettings.for_site(site_tree.site)
    flag, programme = ImageFactory(), ImageFactory()
    client.get("/")  # the strip is cached; saving the settings must refresh it
    logos = [
        {
            "image": flag.pk,
            "alt_text": "Flaga Unii Europejskiej",
            "link_url": "https://european-union.europa.eu/",
        },
        {"image": programme.pk, "alt_text": "Kapitał Ludzki", "link_url": ""},
    ]

    response = admin_client.post(
        f"/admin/settings/home/sitesettings/{site_tree.site.pk}/", settings_form(site_settings, logos)
    )

    assert response.status_code == 302
    for path in ("/", site_tree.about.url):
        strip = soup(client.get(path)).select(".logo-strip__item")
        assert [item.img["alt"] for item in strip] == ["Flaga Unii Europejskiej", "Kapitał Ludzki"]
        assert strip[0].a["href"] == "https://european-union.europa.eu/"
        assert strip[1].a is None


# --- the demo site --------------------------------------------------------------------------------


def test_demo_home_page_fills_every_section_and_the_footer_strip(demo_content, db, client):
    page = soup(client.get("/"))

    assert [title.get_text(strip=True) for title in page.select(".home-section__title")] == [
        "Trwające konsultacje",
        "Budżet obywatelski",
        "Najbliższe spotkania",
        "Najbliższe szkolenia",
        "Aktualności",
        "Dobre praktyki i wiedza",
        "Polecane materiały",
    ]
    assert page.select_one(".hero__action a")["href"] == "/konsultacje/"
    assert all(image["alt"] for image in page.select(".logo-strip img"))
    assert len(page.select(".logo-strip img")) == 3


def test_demo_privacy_texts_name_the_period_the_anonymisation_enforces(demo_content, db, client):
    period = f"{SiteSettings.for_site(Site.objects.get(is_default_site=True)).retention_days} dni"

    policy = soup(client.get("/polityka-prywatnosci/")).select_one("main").get_text(" ", strip=True)
    # The vote's clause names the period of the voting page's own anonymisation (consultation.voting).
    voting = {page.privacy_notice_id: f"{page.retention_days} dni" for page in VotingPage.objects.all()}
    notices = [(notice.text, voting.get(notice.pk, period)) for notice in PrivacyNotice.objects.all()]

    assert voting
    for text, notice_period in ((policy, period), *notices):
        assert notice_period in text
        assert "Prezydent Miasta Sosnowca" in text
        assert "Al. Zwycięstwa 20, 41-200 Sosnowiec" in text
        assert "iod@sosnowiec.invalid" in text
        assert "art. 6 ust. 1 lit." in text and "RODO" in text
        assert "Prezesa Urzędu Ochrony Danych Osobowych" in text
    for right in ("dostęp", "sprostowani", "usunię", "ograniczeni", "sprzeciw"):
        assert right in policy


# --- the budget edition and trainings -------------------------------------------------------------


def test_the_current_budget_edition_says_its_phase_and_what_to_do_now(client, budget):
    found = section(client, "home-budzet")
    assert "Budżet obywatelski 2027" in found.get_text()
    assert "zgłaszanie projektów" in found.get_text()
    assert found.select_one("a.button")["href"] == budget.form.url
    budget.edition.unpublish()
    assert "Budżet obywatelski" not in section_titles(client)


def test_upcoming_trainings_show_seats_left_and_go_once_over(
    client, site_tree, django_assert_max_num_queries
):
    from materials.models import TrainingIndexPage
    from tests.test_materials_trainings import make_training

    index = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    site_tree.home.add_child(instance=index)
    publish(index)
    training = make_training(index, capacity=5)
    make_training(
        index, slug="dawne", starts_in=timedelta(days=-30), opens=timezone.now() - timedelta(days=60)
    )
    found = section(client, "home-szkolenia")
    assert [a.get_text(strip=True) for a in found.select(".card__title a")] == [training.title]
    assert "5 wolnych miejsc" in found.get_text()
    client.get("/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        client.get("/")
    training.unpublish()
    assert "Najbliższe szkolenia" not in section_titles(client)
