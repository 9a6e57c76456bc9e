"""The project's search backend: modelsearch's database backend for the default database (SQLite
FTS5 or PostgreSQL full-text search), reading what residents and editors type as plain words.

Why: modelsearch turns each word of a query into the database's own query syntax without escaping
it. On SQLite a word becomes an FTS5 string `"word"`, so a double quote anywhere (`uchwała "budżet`)
ends the string early and FTS5 fails with "unterminated string"; a NUL character cuts the query
short the same way, and PostgreSQL refuses text with NUL outright. modelsearch also nests one level
of expressions per word, so a few hundred words overflow Python's recursion limit. Each of these was
a 500 on /szukaj/ and in the admin's searches (page explorer, page search, documents, images,
snippets, "select all" in bulk actions).

So before a query reaches the database every text in it is reduced to plain words: control
characters, unpaired surrogates and double quotes become spaces, and only the first MAX_WORDS words
are kept. A part of a query left with no words is dropped; a query left with none finds nothing.
Everything else (stemming, ranking, autocomplete, phrases) is modelsearch's, on both databases.

Searches within a filtered or sorted admin listing failed on a check a database backend does not
need: see `SqlFiltersAndOrdering`.
"""

import copy
import re
from functools import cache

from modelsearch.backends import database
from modelsearch.query import MATCH_NONE, And, Boost, Fuzzy, Not, Or, Phrase, PlainText

MAX_WORDS = 32
NOT_A_WORD = re.compile('["\x00-\x1f\x7f-\x9f\ud800-\udfff]')


class PlainWords:
    """Reduces the texts of one query to plain words, MAX_WORDS at most over the whole query."""

    def __init__(self):
        self.words_left = MAX_WORDS

    def text(self, text):
        words = NOT_A_WORD.sub(" ", text).split()[: self.words_left]
        self.words_left -= len(words)
        return " ".join(words)

    def query(self, query):
        """The query (a string or a modelsearch query) in plain words; None if no word is left."""
        if isinstance(query, str):
            return self.text(query) or None
        if isinstance(query, (PlainText, Phrase, Fuzzy)):
            return self.replace(query, query_string=self.text(query.query_string) or None)
        if isinstance(query, (And, Or)):
            subqueries = [part for part in map(self.query, query.subqueries) if part is not None]
            return type(query)(subqueries) if subqueries else None
        if isinstance(query, (Not, Boost)):
            return self.replace(query, subquery=self.query(query.subquery))
        return query  # MatchAll: no text

    @staticmethod
    def replace(query, **attributes):
        if None in attributes.values():
            return None
        query = copy.copy(query)
        query.__dict__.update(attributes)
        return query


class PlainWordsBackend:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = PlainWords().query(query)
        return super()._search(
            query_compiler_class, MATCH_NONE if query is None else query, model_or_queryset, **kwargs
        )


class SqlFiltersAndOrdering:
    """A database backend runs the listing's own queryset, its filters and ordering included, as SQL.
    modelsearch still checks that each filter and sort field is indexed as a FilterField, as a search
    server would need, and in Wagtail's admin that check failed with a 500: a search in images or
    documents filtered by usage count (`?q=…&usage_count_max=0`) or sorted by file size
    (`?q=…&ordering=file_size`), the image chooser filtered by tag (`?q=…&tag=…`). Here filters and
    ordering are left to SQL; the searched fields are still checked."""

    def _get_filters_from_queryset(self, check_only=False):
        return None if check_only else super()._get_filters_from_queryset(check_only)

    def _get_order_by(self):
        return ()


def subclass(mixin, base, **attributes):
    return type(base.__name__, (mixin, base), {"__module__": __name__, **attributes})


@cache
def project_backend(backend_class):
    compilers = {
        name: subclass(SqlFiltersAndOrdering, getattr(backend_class, name))
        for name in ("query_compiler_class", "autocomplete_query_compiler_class")
        if getattr(backend_class, name) is not None
    }
    return subclass(PlainWordsBackend, backend_class, **compilers)


def SearchBackend(params):
    """modelsearch picks its backend class by the default database's vendor; this returns the same
    class reading plain words."""
    return project_backend(type(database.SearchBackend(params)))(params)
