"""`/health/` for the load balancer and monitoring: the database answers, the shared cache stores
and returns a value, and no background task has waited longer than `HEALTH_MAX_TASK_AGE_SECONDS`
(a stopped or overloaded `db_worker`). 200 when every check passes, 503 naming the failed ones.

It reads nothing from the request, answers with names and numbers only (no host, no error text)
and is never cached: `never_cache` here, and the anonymous page cache skips `/health/`."""

import logging
import time
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)


def check_database():
    # A table, not `SELECT 1`: SQLite answers that without reading its file, even a locked one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
        cursor.fetchone()
    return {}


def check_cache():
    key = f"health:{uuid4().hex}"
    cache.set(key, "ok", 10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return the stored value")
    finally:
        cache.delete(key)
    return {}


def oldest_ready_task_age(now):
    """Seconds the longest-waiting task that is due has waited (0 with none): since it was enqueued,
    or since its `run_after` for a delayed one. One aggregate query over the queue's ready index."""
    never = get_date_max()
    due = DBTaskResult.objects.ready().aggregate(
        enqueued=Min("enqueued_at", filter=Q(run_after=never)),
        delayed=Min("run_after", filter=~Q(run_after=never)),
    )
    waiting_since = min((moment for moment in due.values() if moment is not None), default=now)
    return max(0, int((now - waiting_since).total_seconds()))


def check_tasks():
    age = oldest_ready_task_age(timezone.now())
    if age > settings.HEALTH_MAX_TASK_AGE_SECONDS:
        raise RuntimeError(f"the oldest ready task has waited {age} s")
    return {"oldest_ready_seconds": age}


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks}


def run_check(name, check):
    started = time.perf_counter()
    try:
        result = {"ok": True, **check()}
    except Exception as error:  # any failure of a dependency is a failed check
        logger.warning("Health check %s failed: %s", name, error)
        result = {"ok": False}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


@never_cache
@require_safe
def health(request):
    checks = {name: run_check(name, check) for name, check in CHECKS.items()}
    failed = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "fail" if failed else "ok", "failed": failed, "checks": checks}
    return JsonResponse(body, status=503 if failed else 200)
