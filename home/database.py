"""SQLite binds integers beyond 64 bits as real numbers instead of failing.

An id or a filter value from a query string (`?page=99999999999999999999`, `?id=…`, `?owner=…`)
reaches lookups that Django does not range-check (`in`, lookups through a relation), and Python's
sqlite3 raises OverflowError binding it: a 500 in the inbox, the page explorer's filters and the
bulk actions. PostgreSQL compares such a number as `numeric` and finds no row; bound as a real
number, SQLite does the same (numbers beyond a float's range become ±infinity).
"""

import math
import sqlite3

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def bind_integer(value):
    if INT64_MIN <= value <= INT64_MAX:
        return value
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def bind_large_integers():
    sqlite3.register_adapter(int, bind_integer)
