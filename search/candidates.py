"""PostgreSQL: which index entries a query ranks, so that ranking costs the same at 100 or 100 000
pages.

modelsearch ranks every entry that matches: ts_rank over the stored title and body of each. A word
found on most pages ("park", "budżet" at 10 000 pages) made PostgreSQL read and rank nearly the
whole index for every search (0.3–0.8 s), to show ten results.

So the candidates come first, from the index's terms (migration 0003: each entry's Polish keys with
the entry's score for that key alone, kept by a trigger): the CANDIDATES_PER_KEY best entries of each
key of the query. modelsearch then matches and ranks only those, with its own expression, so the
order among them is exactly modelsearch's.

When is that the same result as ranking everything? A query's words must all match (AND). If some
word has every one of its keys on fewer than CANDIDATES_PER_KEY entries, the candidates hold every
entry of that word, so every match: the result is modelsearch's, unchanged. Only when each word of
the query is common (each key on CANDIDATES_PER_KEY entries or more) are the candidates capped: an
entry that is not among the best for any key of the query is not ranked. Such a query matches
hundreds of pages, and the best-ranked match of all words is all but always among the best of one
of them; the relevance set (tests/search_relevance.py) is ranked the same either way.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Lookup

from .backends import MAX_WORDS
from .polish import word_keys, words

CANDIDATES_PER_KEY = 150
TERMS_TABLE = "search_indexterm"

BEST_PER_KEY = f"""
SELECT term.key, term.entry_id, term.content_type_id, term.object_id
FROM unnest(%s::text[]) AS query (key)
CROSS JOIN LATERAL (
    SELECT key, entry_id, content_type_id, object_id FROM {TERMS_TABLE}
    WHERE key = query.key AND content_type_id = ANY(%s)
    ORDER BY impact DESC LIMIT %s
) AS term
"""  # noqa: S608  # nosec B608  # a constant table name; the keys and types are parameters


@dataclass(frozen=True)
class Candidates:
    """The index entries to rank and their objects' ids (the searched models' integer primary keys)
    by content type id; `capped` if some matches may be left out."""

    entries: set
    ids: dict
    capped: bool

    def of(self, content_type_ids):
        return [pk for content_type_id in content_type_ids for pk in self.ids.get(content_type_id, ())]


class AnyOf(Lookup):
    """`column = ANY(%s)` with the ids as one array parameter: a plan as good as `IN (…)`'s without
    Django preparing each of hundreds of values (`__in` took ~10 ms per search)."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", (*params, list(self.rhs))


def query_keys(query):
    """The query's words (as many as the backend reads) as the tuple of each word's keys."""
    return [word_keys(word) for word in words(query)[:MAX_WORDS]]


def candidates(query, content_type_ids):
    """The query's candidates among objects of these content types, or None where every match is
    ranked (SQLite's FTS5 ranks fast)."""
    if connection.vendor != "postgresql":
        return None
    per_word = query_keys(query)
    keys = sorted({key for word in per_word for key in word})
    if not keys:
        return None
    with connection.cursor() as cursor:
        cursor.execute(BEST_PER_KEY, [keys, list(content_type_ids), CANDIDATES_PER_KEY])
        rows = cursor.fetchall()
    found = {}
    entries = set()
    ids = {}
    for key, entry_id, content_type_id, object_id in rows:
        found[key] = found.get(key, 0) + 1
        entries.add(entry_id)
        ids.setdefault(content_type_id, set()).add(int(object_id))
    complete = any(all(found.get(key, 0) < CANDIDATES_PER_KEY for key in word) for word in per_word)
    return Candidates(entries=entries, ids=ids, capped=not complete)
