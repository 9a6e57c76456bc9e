"""Requests that used to answer 500: a double quote, NUL or hundreds of words in a search (public
and admin), integers beyond 64 bits in admin filters and bulk actions, malformed ids in bulk
actions. Each now answers with the page (results, or a clear "nothing found") or a 404."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from consultation.choices import SubmissionStatus
from consultation.models import ConsultationPage, PrivacyNotice, Submission
from home.middleware import QueryStringCleanupMiddleware
from tests.factories import DocumentFactory, ImageFactory

HUGE = "99999999999999999999"  # beyond 64 bits


def bulk_url(app_label, model_name, action, **params):
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action]), params


@pytest.fixture
def demo(demo_content, db):
    """The demo site: consultations with comments in every status and one account per role."""
    return ConsultationPage.objects.get(slug="zasady-budzetu-obywatelskiego-2027", locale__language_code="pl")


@pytest.fixture
def moderator_client(client, demo):
    client.force_login(get_user_model().objects.get(username="moderator"))
    return client


# Searches


@pytest.mark.parametrize("query", ['budżecie"', '"budżecie', 'uchwała "budżecie', "budżecie\x00"])
def test_public_search_with_a_quote_or_nul_finds_the_words(client, site_tree, query):
    response = client.get("/szukaj/", {"q": query})

    assert response.status_code == 200
    assert "O budżecie" in response.text


def test_public_search_for_a_lone_quote_says_nothing_was_found(client, site_tree):
    response = client.get("/szukaj/", {"q": '"'})

    assert response.status_code == 200
    assert "Nie znaleźliśmy stron" in response.text


def test_admin_page_searches_with_a_quote_find_the_words(admin_client, site_tree):
    explorer = admin_client.get(f"/admin/pages/{site_tree.home.pk}/", {"q": 'budżecie"'})
    search = admin_client.get("/admin/pages/search/", {"q": 'uchwała "budżecie'})
    lone_quote = admin_client.get(f"/admin/pages/{site_tree.home.pk}/", {"q": '"'})

    assert explorer.status_code == 200
    assert "O budżecie" in explorer.text
    assert search.status_code == 200
    assert lone_quote.status_code == 200


def test_admin_document_image_and_snippet_searches_with_a_quote_find_the_words(admin_client, db):
    DocumentFactory(title="Regulamin konsultacji")
    ImageFactory(title="Park Sielecki")
    PrivacyNotice.objects.create(title="Klauzula konsultacji", text="<p>Administrator danych.</p>")

    documents = admin_client.get("/admin/documents/", {"q": 'regulamin"'})
    images = admin_client.get("/admin/images/", {"q": '"park'})
    snippets = admin_client.get("/admin/snippets/consultation/privacynotice/", {"q": 'klauzula "'})
    nothing = admin_client.get("/admin/snippets/consultation/privacynotice/", {"q": '"'})

    assert documents.status_code == 200 and "Regulamin konsultacji" in documents.text
    assert images.status_code == 200 and "Park Sielecki" in images.text
    assert snippets.status_code == 200 and "Klauzula konsultacji" in snippets.text
    assert nothing.status_code == 200 and "Klauzula konsultacji" not in nothing.text


MANY_WORDS = " ".join(["budżecie"] * 40 + ["a"] * 1000)  # 2,300 characters


def test_admin_search_with_a_thousand_words_finds_the_first_ones(admin_client, site_tree):
    response = admin_client.get("/admin/pages/search/", {"q": MANY_WORDS})

    assert response.status_code == 200
    assert "O budżecie" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/admin/images/?q=park&usage_count_max=0",
        "/admin/images/?q=park&ordering=file_size",
        "/admin/images/chooser/?q=park&tag=zielen",
    ],
)
def test_admin_image_search_within_a_filter_or_sort_finds_the_image(admin_client, db, url):
    image = ImageFactory(title="Park Sielecki")
    image.tags.add("zielen")

    response = admin_client.get(url)

    assert response.status_code == 200
    assert "Park Sielecki" in response.text


def test_admin_document_search_within_the_usage_filter_finds_the_document(admin_client, db):
    DocumentFactory(title="Regulamin konsultacji")

    response = admin_client.get("/admin/documents/", {"q": "regulamin", "usage_count_min": "0"})

    assert response.status_code == 200
    assert "Regulamin konsultacji" in response.text


def test_select_all_pages_of_a_search_with_nul_or_many_words_lists_the_pages(admin_client, site_tree):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    select_all = {"id": "all", "childOf": site_tree.home.pk}

    nul = admin_client.get(url, {**select_all, "q": "\x00"})
    many_words = admin_client.get(url, {**select_all, "q": MANY_WORDS})

    assert nul.status_code == 200
    assert many_words.status_code == 200
    assert site_tree.about.pk in [entry["item"].pk for entry in many_words.context["items"]]


# NUL in a parameter Wagtail looks up as it is (PostgreSQL refuses text with NUL)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/choose-page/?locale=pl%00",
        "/admin/pages/usage/home/standardpage/?locale=pl%00",
        "/admin/tag-autocomplete/?term=park%00",
        "/admin/api/main/pages/?locale=pl%00",
    ],
)
def test_admin_parameter_with_nul_is_read_without_it(admin_client, site_tree, url):
    response = admin_client.get(url)

    assert response.status_code == 200


# Integers beyond 64 bits


@pytest.mark.parametrize(
    "url, param",
    [
        ("/admin/inbox/", "page"),
        ("/admin/pages/{home}/", "content_type"),
        ("/admin/pages/{home}/", "site"),
        ("/admin/forms/", "content_type"),
        ("/admin/users/", "group"),
    ],
)
def test_admin_filter_with_a_huge_number_shows_the_unfiltered_listing(admin_client, site_tree, url, param):
    response = admin_client.get(url.format(home=site_tree.home.pk), {param: HUGE})

    assert response.status_code == 200


@pytest.mark.parametrize("number", ["1e9999", "1E+9999", "-1e9999", "1e999999999", " 9.5e40 "])
def test_admin_number_filter_with_a_huge_exponent_is_ignored(admin_client, db, number):
    """Found by the fuzz test on PostgreSQL: the usage filter built an integer of 10,000 digits that
    the driver cannot send (a 500); `1e999999999` would keep a worker busy for minutes."""
    image = ImageFactory(title="Mapa Sielca")

    response = admin_client.get("/admin/images/", {"usage_count_min": "0", "usage_count_max": number})

    assert response.status_code == 200
    assert image.title in response.text


@pytest.mark.parametrize("value", ["1e18", "2.5e3", "1e-5", "1e", "e9", "rok 1e9999"])
def test_ordinary_values_with_an_e_reach_the_view_unchanged(rf, value):

    seen = {}
    middleware = QueryStringCleanupMiddleware(lambda request: seen.setdefault("q", request.GET["q"]))
    middleware(rf.get("/", {"q": value}))
    assert seen["q"] == value


def test_inbox_page_number_beyond_the_last_shows_the_last_page(moderator_client, demo):
    sample = Submission.objects.filter(page=demo).first()
    Submission.objects.bulk_create(
        Submission(page=demo, form_data=sample.form_data, status=SubmissionStatus.PENDING) for _ in range(30)
    )

    response = moderator_client.get("/admin/inbox/", {"p": HUGE})

    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert page_obj.number == page_obj.paginator.num_pages > 1


# Bulk actions


@pytest.mark.parametrize("bad_id", ["abc", "1e9999", HUGE, "", "1.5"])
def test_inbox_bulk_action_with_a_malformed_id_says_nothing_is_selected(admin_client, bad_id):
    url, params = bulk_url("consultation", "submission", "approve", id=bad_id)

    response = admin_client.get(url, params)

    assert response.status_code == 200
    assert "Nie zaznaczono żadnego zgłoszenia." in response.text


def test_inbox_bulk_approve_acts_on_the_real_ids_among_malformed_ones(moderator_client, demo):
    pending = Submission.objects.filter(page=demo, status=SubmissionStatus.PENDING).first()
    url = reverse("wagtail_bulk_action", args=["consultation", "submission", "approve"])
    query = f"?id={pending.pk}&id=abc&id=1e9999&id={HUGE}&next=/admin/inbox/"
    others = dict(Submission.objects.exclude(pk=pending.pk).values_list("pk", "status"))

    confirmation = moderator_client.get(url + query)
    response = moderator_client.post(url + query)

    assert confirmation.status_code == 200
    assert [entry["item"] for entry in confirmation.context["items"]] == [pending]
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == SubmissionStatus.APPROVED
    assert dict(Submission.objects.exclude(pk=pending.pk).values_list("pk", "status")) == others


@pytest.mark.parametrize(
    "model, action, params",
    [
        ("wagtailcore.page", "publish", {"id": "abc"}),
        ("wagtailcore.page", "delete", {"id": "all", "childOf": "abc"}),
        ("wagtailcore.page", "delete", {"id": "all", "childOf": "999999"}),
        ("wagtailimages.image", "delete", {"id": "1e9999"}),
        ("wagtailimages.image", "delete", {"id": "all", "childOf": "abc"}),
        ("wagtaildocs.document", "delete", {"id": HUGE}),
        ("consultation.privacynotice", "delete", {"id": "abc"}),
        ("auth.user", "set_active", {"id": "abc"}),
    ],
)
def test_wagtail_bulk_action_without_a_real_id_is_not_found(admin_client, site_tree, model, action, params):
    url, _ = bulk_url(*model.split("."), action)

    response = admin_client.get(url, params)

    assert response.status_code == 404


def test_wagtail_bulk_action_lists_the_real_pages_among_malformed_ids(admin_client, site_tree):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])

    response = admin_client.get(f"{url}?id={site_tree.about.pk}&id=abc&id={HUGE}")

    assert response.status_code == 200
    assert [entry["item"].pk for entry in response.context["items"]] == [site_tree.about.pk]
