"""Django's Redis cache, degrading instead of failing: when Redis cannot be reached, reads miss
and writes are dropped, so pages are still served (built from the database) and never 500.

After a failure this process leaves Redis alone for `RETRY_SECONDS`, so a Redis host that does not
answer costs one connection timeout (`OPTIONS`' `socket_connect_timeout`), not one per cache call,
and then tries again: the cache comes back by itself. The outage is logged once when it starts and
once when it ends. `reachable` tells callers with a fallback of their own (the forms' rate limits,
consultation/protection.py) that the shared cache is down.

What an outage costs (docs/deployment.md, "Redis down"): no page or fragment cache, so every page
is built from the database; an invalidation (a page published meanwhile) cannot be stored, so a
page cached before the outage may be shown for up to `PAGE_CACHE_SECONDS` after it."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5


def degrading(method, fallback):
    """`RedisCache.<method>`, answering `fallback(*args, **kwargs)` while Redis is down."""

    def call(self, *args, **kwargs):
        return self._call(method, fallback, *args, **kwargs)

    call.__name__ = method
    return call


def not_done(*args, **kwargs):
    return False


class ReusingRedisCacheClient(RedisCacheClient):
    """One `redis.Redis` per connection pool, kept (it is thread-safe and holds no connection of its
    own): Django's client builds a new one, with its table of some 200 reply handlers, for every
    cache call, which cost more CPU than the call itself (some 20 calls a page)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._down_until = 0.0
        self._down = False

    @property
    def reachable(self):
        return not self._down or time.monotonic() >= self._down_until

    def _call(self, method, fallback, *args, **kwargs):
        if not self.reachable:
            return fallback(*args, **kwargs)
        try:
            result = getattr(RedisCache, method)(self, *args, **kwargs)
        except RedisError as error:
            if not self._down:
                logger.warning("Redis unreachable, serving without the shared cache: %s", error)
            self._down = True
            self._down_until = time.monotonic() + RETRY_SECONDS
            return fallback(*args, **kwargs)
        if self._down:
            logger.warning("Redis reachable again, the shared cache is back")
            self._down = False
        return result

    get = degrading("get", lambda key, default=None, version=None: default)
    get_many = degrading("get_many", lambda *args, **kwargs: {})
    set_many = degrading("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = degrading("delete_many", lambda *args, **kwargs: None)
    has_key = degrading("has_key", not_done)
    add = degrading("add", not_done)
    set = degrading("set", not_done)
    touch = degrading("touch", not_done)
    delete = degrading("delete", not_done)
    clear = degrading("clear", not_done)

    def incr(self, key, delta=1, version=None):
        found = self._call("incr", lambda *args, **kwargs: None, key, delta, version=version)
        if found is None:
            # As for a missing key: the caller sets it instead.
            raise ValueError(f"Key '{key}' not found")
        return found
