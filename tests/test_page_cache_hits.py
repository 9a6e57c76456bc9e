"""What a hit of the anonymous page cache costs and sends: one read of the shared cache, a
compressed page for the browsers that accept gzip (with each visitor's own tokens, never compressed
with the rest of the page), and a form on it that can be sent."""

import gzip
import random
import zlib

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from consultation.choices import SubmissionStatus
from consultation.models import Submission
from home import response_cache
from home.cache_holes import Hole
from home.gzip_parts import compress_parts, gzip_page
from tests.consultation_fixtures import comment_data
from tests.test_page_cache import CSRF_RE, FORM_TOKEN_RE, stored

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def _page_cache(settings, instant_forms):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_browser_that_accepts_gzip_gets_the_stored_form_page_compressed_and_can_send_the_form(
    consultations,
):
    page = consultations.open
    stored(page.url)
    plain = Client().get(page.url).content.decode()
    visitor = Client(enforce_csrf_checks=True)

    response = visitor.get(page.url, **GZIP)

    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert len(response.content) < len(html) / 2
    assert html.count("<main") == 1
    assert html.replace(CSRF_RE.search(html).group(1), "").replace(
        FORM_TOKEN_RE.search(html).group(1), ""
    ) == plain.replace(CSRF_RE.search(plain).group(1), "").replace(FORM_TOKEN_RE.search(plain).group(1), "")
    assert CSRF_RE.search(html).group(1) != CSRF_RE.search(plain).group(1)

    data = comment_data(page, FORM_TOKEN_RE.search(html).group(1), text="Uwaga ze skompresowanej strony.")
    data["csrfmiddlewaretoken"] = CSRF_RE.search(html).group(1)
    assert visitor.post(page.url, data).status_code in (200, 302)
    assert Submission.objects.filter(page=page).count() == 1


def test_the_tokens_are_not_compressed_with_the_page(consultations):
    """BREACH guesses a secret from the compressed length of a page that also reflects the
    attacker's text: the tokens stand uncompressed in the stream, so their length says nothing."""
    page = consultations.open
    stored(page.url)

    response = Client().get(page.url + "?q=csrfmiddlewaretoken", **GZIP)
    response = Client().get(page.url + "?q=csrfmiddlewaretoken", **GZIP)

    html = gzip.decompress(response.content)
    assert response["X-Page-Cache"] == "hit"
    assert CSRF_RE.search(html.decode()).group(1).encode() in response.content
    assert FORM_TOKEN_RE.search(html.decode()).group(1).encode() in response.content


def test_a_browser_without_gzip_gets_the_page_as_it_is(client, site_tree):
    stored("/o-budzecie/")

    response = client.get("/o-budzecie/", HTTP_ACCEPT_ENCODING="identity")

    assert response["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in response
    assert "<main" in response.content.decode()


@pytest.fixture
def cache_reads(monkeypatch):
    """The names of the shared cache's read methods, once per call from outside the cache."""
    reads = []
    inner = []  # the local-memory cache of the tests reads key by key inside get_many

    def counted(name):
        method = getattr(cache, name)

        def read(*args, **kwargs):
            if not inner:
                reads.append(name)
            inner.append(name)
            try:
                return method(*args, **kwargs)
            finally:
                inner.pop()

        monkeypatch.setattr(cache, name, read)

    for name in ("get", "get_many", "has_key"):
        counted(name)
    return reads


def test_a_hit_reads_the_shared_cache_once(client, site_tree, cache_reads):
    """One round trip to Redis: the content generation and the page are read together."""
    stored("/o-budzecie/")
    cache_reads.clear()

    response = client.get("/o-budzecie/")

    assert response["X-Page-Cache"] == "hit"
    assert cache_reads == ["get_many"]


def test_a_hit_on_a_consultation_reads_its_comment_counts_with_the_page(consultations, cache_reads):
    """The counts filled in on every visit are read in the page's own round trip (once a new
    comment's count has been counted, by the first visit after it), and are current."""
    page = consultations.open
    stored(page.url)
    Submission.objects.create(page=page, form_data={}, status=SubmissionStatus.PENDING)
    Client().get(page.url)
    cache_reads.clear()

    response = Client().get(page.url)

    assert response["X-Page-Cache"] == "hit"
    assert cache_reads == ["get_many"]
    assert "Na moderację czeka 1 uwaga." in response.content.decode()


def test_a_hit_fills_in_the_page_in_its_own_language_with_its_headers(consultations):
    """A hit skips the language's middleware: whatever language the process served last, the counts
    are in the page's language, and the stored headers (language, length) come with it."""
    page = consultations.open
    stored(page.url)
    translation.activate("en")
    try:
        response = Client().get(page.url, **GZIP)
    finally:
        translation.deactivate()

    assert response["X-Page-Cache"] == "hit"
    assert "Na moderację czeka 0 uwag." in gzip.decompress(response.content).decode()
    assert response["Content-Language"] == "pl"
    assert int(response["Content-Length"]) == len(response.content)


def test_addresses_made_up_by_visitors_do_not_fill_the_memory_of_what_pages_read(consultations, monkeypatch):
    monkeypatch.setattr(response_cache, "READ_AHEAD_ADDRESSES", 3)
    page = consultations.open

    for number in range(10):
        stored(f"{page.url}?x={number}")

    assert 0 < len(response_cache._read_ahead) <= 3
    assert "Na moderację czeka 0 uwag." in Client().get(f"{page.url}?x=0").content.decode()


@pytest.mark.parametrize("value_size", [0, 40, 70_000])
def test_the_compressed_parts_and_any_values_make_a_valid_gzip_stream(value_size):
    text = random.Random(1).choices(b"abcdefgh <>=\"'\n", k=200_000)
    page = bytes(text)
    parts = [
        page[:1000],
        Hole("a", None),
        page[1000:150_000],
        Hole("b", "1"),
        b"",
        Hole("a", None),
        page[150_000:],
    ]
    value = bytes(random.Random(2).choices(b"0123456789abcdef", k=value_size))
    pieces = [value if isinstance(part, Hole) else part for part in compress_parts(parts)]

    stream = gzip_page(pieces)

    expected = page[:1000] + value + page[1000:150_000] + value + value + page[150_000:]
    assert gzip.decompress(stream) == expected
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert decompressor.decompress(stream) == expected and decompressor.eof and not decompressor.unused_data
