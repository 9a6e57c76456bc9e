"""Redis down: pages are still served (built from the database, the page cache simply missing),
resident forms are accepted with the rate limits counted in the process's own memory, `/health/`
names the cache, and once Redis is back the shared cache is used again without a restart.
Production's cache backend (sosnowiec_bo/cache.py) against a refused port, a Redis that never
answers, and a Redis of the test's own behind a proxy that is cut and restored."""

import json
import shutil
import socket
import subprocess
import time

import pytest
from django.test import Client

from consultation import protection
from consultation.models import Submission
from sosnowiec_bo import cache as degrading
from tests.consultation_fixtures import post_comment
from tests.fault_servers import CuttableProxy, closed_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("instant_forms")]


def redis_cache(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": "sosnowiec_bo.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def _fresh_process_counters():
    protection._process_counters.clear()
    yield
    protection._process_counters.clear()


@pytest.fixture
def redis_down(settings):
    redis_cache(settings, closed_port())


@pytest.fixture(scope="module")
def own_redis():
    """A Redis server of this test module's own (never the machine's), on a free port."""
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is not installed: make redis-server (as root) installs it")
    port = closed_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    server.terminate()
    server.wait(timeout=10)


def from_page_cache(url="/o-budzecie/"):
    """Whether a third anonymous visit is served from the page cache (the very first visit to a site
    creates its settings row, which starts a new generation)."""
    responses = [Client().get(url) for _visit in range(3)]
    assert all(response.status_code == 200 for response in responses)
    return responses[-1].get("X-Page-Cache") == "hit"


def health():
    response = Client().get("/health/")
    return response.status_code, json.loads(response.content)


def test_pages_are_served_and_health_names_the_cache(client, consultations, redis_down, caplog):
    for url in ["/", consultations.open.url, consultations.index.url, "/o-budzecie/", "/szukaj/?q=park"]:
        for _visit in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Page-Cache" not in response

    status, body = health()
    assert status == 503
    assert body["failed"] == ["cache"]
    assert caplog.text.count("Redis unreachable") == 1


def test_forms_are_accepted_and_limited_per_process(client, consultations, redis_down, settings):
    settings.FORM_RATE_LIMIT_COUNT = 2
    page = consultations.open

    assert post_comment(client, page, text="Pierwsza").status_code == 302
    assert post_comment(client, page, text="Druga").status_code == 302
    refused = post_comment(client, page, text="Trzecia")

    assert refused.status_code == 429
    assert str(protection.SENDER_MESSAGE) in refused.content.decode()
    assert Submission.objects.count() == 2


def test_a_redis_that_never_answers_costs_one_timeout_not_one_per_call(client, site_tree, settings):
    silent = socket.create_server(("127.0.0.1", 0))  # accepts connections, never answers
    redis_cache(settings, silent.getsockname()[1])
    try:
        started = time.monotonic()
        first = client.get("/")
        first_seconds = time.monotonic() - started
        started = time.monotonic()
        second = client.get("/o-budzecie/")
        second_seconds = time.monotonic() - started
    finally:
        silent.close()

    assert (first.status_code, second.status_code) == (200, 200)
    assert first_seconds < 5
    assert second_seconds < 1


def test_the_shared_cache_comes_back_by_itself(site_tree, settings, own_redis, monkeypatch):
    monkeypatch.setattr(degrading, "RETRY_SECONDS", 0.2)
    proxy = CuttableProxy("127.0.0.1", own_redis)
    redis_cache(settings, proxy.port)
    try:
        assert from_page_cache()
        assert health()[0] == 200

        proxy.cut()
        assert not from_page_cache()
        assert health()[1]["failed"] == ["cache"]

        proxy.restore()
        time.sleep(0.3)
        assert from_page_cache()
        assert health()[0] == 200
    finally:
        proxy.close()
