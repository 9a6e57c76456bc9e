"""The benchmark's data (`generate_bench_data`) at a tiny scale, and the bare view it is compared
with, which exists only when the benchmark turns it on."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from consultation.choices import SubmissionStatus
from consultation.models import Ballot, BudgetProjectPage, ConsultationPage, Submission
from materials.models import ArticlePage, Material, TrainingPage
from sosnowiec_bo.bench.data import Counts

SCALE = 0.02


@pytest.fixture
def bench_site(db):
    call_command("generate_bench_data", scale=SCALE, stdout=StringIO())
    return Counts.at(SCALE)


def test_generate_bench_data_builds_the_counts_of_its_scale(bench_site, client):
    counts = bench_site
    assert counts.pages == 200 and counts.comments == 40 and counts.ballots == 400
    # At a tiny scale the demo content alone may pass the total; filler pages make up the rest.
    assert Page.objects.filter(depth__gt=1).count() >= counts.pages
    big = ConsultationPage.objects.get(slug="konsultacja-benchmark-1")
    assert big.units.count() == counts.units
    assert Submission.objects.filter(page=big, status=SubmissionStatus.APPROVED).count() == counts.comments
    assert (
        ConsultationPage.objects.filter(slug__startswith="konsultacja-benchmark-").count()
        == counts.consultations
    )
    assert BudgetProjectPage.objects.filter(url_path__contains="/benchmark-209").count() == counts.projects
    assert Ballot.objects.filter(page__slug__startswith="glosowanie-209").count() == counts.ballots
    assert ArticlePage.objects.filter(slug__startswith="artykul-benchmark-").count() == counts.articles
    assert TrainingPage.objects.filter(slug__startswith="szkolenie-benchmark-").count() == counts.trainings
    assert Material.objects.filter(document__file__startswith="documents/bench-").count() == counts.documents
    assert get_image_model().objects.filter(title__startswith="Zdjęcie benchmarku").count() == counts.images
    assert get_document_model().objects.count() >= counts.documents
    # Pages inserted in bulk are whole pages: in the tree, served, and found by the search.
    article = ArticlePage.objects.get(slug="artykul-benchmark-1")
    assert client.get(article.url).status_code == 200
    assert client.get(big.url).status_code == 200
    assert Page.find_problems() == ([], [], [], [], [])
    response = client.get("/szukaj/", {"q": article.title.split()[0]})
    assert response.status_code == 200


def test_generate_bench_data_refuses_a_second_run(bench_site):
    with pytest.raises(CommandError, match="już w tej bazie"):
        call_command("generate_bench_data", scale=SCALE, no_index=True, stdout=StringIO())
    out = StringIO()
    call_command("generate_bench_data", scale=SCALE, keep_existing=True, stdout=out)
    assert "już są" in out.getvalue()
    assert ArticlePage.objects.filter(slug="artykul-benchmark-1").count() == 1


@pytest.fixture
def fresh_urls():
    clear_url_caches()
    yield
    clear_url_caches()


def test_the_bare_view_is_off_unless_the_benchmark_sets_its_file(db, client, settings, tmp_path, fresh_urls):
    import importlib

    import sosnowiec_bo.urls

    assert client.get("/__bench_bare__/").status_code == 404
    body = tmp_path / "home.html"
    body.write_bytes("<p>Budżet</p>".encode())
    settings.BENCH_BARE_FILE = str(body)
    importlib.reload(sosnowiec_bo.urls)
    clear_url_caches()
    try:
        assert client.get("/__bench_bare__/").content == body.read_bytes()
    finally:
        settings.BENCH_BARE_FILE = ""
        importlib.reload(sosnowiec_bo.urls)
