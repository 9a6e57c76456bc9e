"""Requests that used to answer 500: a double quote, NUL or hundreds of words in a search (public
and admin), integers beyond 64 bits in admin filters and bulk actions, malformed ids in bulk
actions. Each now answers with the page (results, or a clear "nothing found") or a 404."""

import pytest

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
