"""The list of consultations with the fragment cache on (as in production, page cache or not): the
filters and one page of consultations are a fragment whose consultations are read only when it is
missing, so a second visit costs the same few queries however many consultations there are, yet a
consultation published or unpublished shows on the next request, each filter is kept apart, and
hostile filters are harmless."""

from datetime import timedelta

import pytest
from django.test import Client

from tests.consultation_fixtures import make_consultation
from tests.test_consultation_speed import visited

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on", "instant_forms")]


def listed(index, query=""):
    return Client().get(f"{index.url}{query}").content.decode()


def test_a_second_visit_to_the_list_costs_the_same_few_queries_with_few_or_many_consultations(
    consultations, django_assert_max_num_queries
):
    index = consultations.index
    visited(index.url)
    with django_assert_max_num_queries(2):
        assert "Zasady budżetu obywatelskiego" in listed(index)

    for number in range(25):
        start = consultations.now - timedelta(days=400 + number)
        make_consultation(index, f"archiwalna-{number}", start, start + timedelta(days=20))
    visited(index.url)

    with django_assert_max_num_queries(2):
        html = listed(index)
    assert "Zasady budżetu obywatelskiego" in html
    assert 'name="strona"' in html or "strona=2" in html


def test_a_consultation_published_or_unpublished_shows_in_the_list_on_the_next_request(consultations):
    index = consultations.index
    visited(index.url)
    assert "Plan zagospodarowania Parku Sieleckiego" not in listed(index)

    new = make_consultation(
        index,
        "park-sielecki",
        consultations.now + timedelta(days=3),
        consultations.now + timedelta(days=20),
        title="Plan zagospodarowania Parku Sieleckiego",
    )
    assert "Plan zagospodarowania Parku Sieleckiego" in listed(index)

    new.unpublish()
    assert "Plan zagospodarowania Parku Sieleckiego" not in listed(index)


def test_each_filter_of_the_list_is_kept_apart(consultations):
    index = consultations.index
    for query in ("", "?status=open", "?status=closed"):
        visited(f"{index.url}{query}")

    open_only, closed_only, everything = (
        listed(index, query) for query in ("?status=open", "?status=closed", "")
    )

    assert "Zasady budżetu obywatelskiego" in open_only
    assert "Regulamin konsultacji" not in open_only
    assert '<option value="open" selected>' in open_only
    assert "Regulamin konsultacji" in closed_only
    assert "Zasady budżetu obywatelskiego" not in closed_only
    assert all(title in everything for title in ("Zasady budżetu", "Program współpracy", "Regulamin"))


@pytest.mark.parametrize(
    "query",
    [
        '?status="><script>alert(1)</script>',
        "?rok=99999999999999999999999999",
        "?rok=-1&status=open",
        "?strona=99999999999999999999",
        "?strona='%20OR%201=1--",
        "?rok=" + "2" * 5000,
        "?status=%00",
    ],
)
def test_hostile_filters_of_the_kept_list_are_harmless(consultations, query):
    index = consultations.index
    visited(f"{index.url}{query}")

    response = Client().get(f"{index.url}{query}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert "Zasady budżetu obywatelskiego" in html
