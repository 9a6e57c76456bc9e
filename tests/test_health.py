"""`/health/` tells the load balancer and monitoring whether this node can serve: 200 with every
check passed, 503 naming the failed check when the database, the shared cache or the background
task queue is not well. It ignores its query string, says nothing sensitive and is never cached."""

import json
from datetime import timedelta

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

pytestmark = pytest.mark.django_db


class UnreachableCache(LocMemCache):
    """A cache whose server does not answer, as Redis when it is down."""

    def set(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to redis.internal:6379. Connection refused.")

    get = set


def refuse_connection(*args, **kwargs):
    raise OperationalError('connection to server at "db.internal" (10.0.0.5), port 5432 failed')


def health(query=""):
    response = Client().get("/health/" + query)
    return response, json.loads(response.content)


def waiting_task(minutes, run_after=None):
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="consultation.tasks.send_email",
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(minutes=minutes))
    return task


def test_healthy_node_answers_200_with_every_check_passed(django_assert_max_num_queries):
    waiting_task(minutes=1)

    with django_assert_max_num_queries(2):
        response, body = health()

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "tasks": True,
    }
    assert 55 <= body["checks"]["tasks"]["oldest_ready_seconds"] <= 70


def test_unreachable_database_answers_503_naming_it_without_the_error_text(monkeypatch):
    monkeypatch.setattr(connection, "cursor", refuse_connection)
    response, body = health()

    assert response.status_code == 503
    assert body["status"] == "fail"
    assert "database" in body["failed"]
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["cache"]["ok"] is True
    assert "db.internal" not in response.text
    assert "10.0.0.5" not in response.text


def test_unreachable_cache_answers_503_naming_it(settings):
    settings.CACHES = {"default": {"BACKEND": "tests.test_health.UnreachableCache"}}

    response, body = health()

    assert response.status_code == 503
    assert body["failed"] == ["cache"]
    assert "redis.internal" not in response.text


def test_task_waiting_longer_than_the_limit_answers_503(settings):
    settings.HEALTH_MAX_TASK_AGE_SECONDS = 300
    waiting_task(minutes=6)

    response, body = health()

    assert response.status_code == 503
    assert body["failed"] == ["tasks"]
    assert body["checks"]["tasks"]["ok"] is False


def test_only_tasks_still_waiting_to_run_count(settings):
    settings.HEALTH_MAX_TASK_AGE_SECONDS = 300
    done = waiting_task(minutes=60)
    DBTaskResult.objects.filter(pk=done.pk).update(status="SUCCESSFUL")
    waiting_task(minutes=60, run_after=timezone.now() + timedelta(hours=1))

    response, body = health()

    assert response.status_code == 200
    assert body["checks"]["tasks"]["oldest_ready_seconds"] == 0


def test_delayed_task_counts_from_the_moment_it_became_due(settings):
    settings.HEALTH_MAX_TASK_AGE_SECONDS = 300
    waiting_task(minutes=60, run_after=timezone.now() - timedelta(minutes=2))

    response, body = health()

    assert response.status_code == 200
    assert 110 <= body["checks"]["tasks"]["oldest_ready_seconds"] <= 130


@pytest.mark.parametrize(
    "query",
    [
        "?check=database&format=html",
        "?tasks=%27%3B%20DROP%20TABLE%20django_tasks_db_dbtaskresult%3B--",
        "?max_age=99999999999999999999999&max_age=1e9999",
        "?" + "x" * 5000,
        "?q=%00%E2%80%AE<script>alert(1)</script>&zażółć=gęślą",
    ],
)
def test_hostile_query_strings_change_nothing(query):
    response, body = health(query)

    assert response.status_code == 200
    assert set(body) == {"status", "failed", "checks"}
    assert "<script>" not in response.text


def test_answer_is_never_cached(settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    first, _ = health()

    monkeypatch.setattr(connection, "cursor", refuse_connection)
    second, body = health()

    assert "no-cache" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    assert second.status_code == 503
    assert "X-Page-Cache" not in second


def test_only_reading_methods_are_answered():
    assert Client().post("/health/").status_code == 405
    assert Client().head("/health/").status_code == 200
