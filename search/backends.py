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

Polish: every searched text goes into the index as its Polish keys and every query word is looked up
as an OR of its keys (search/polish.py explains the keys). This happens here, for every indexed model
(pages, documents, images, snippets, the admin's searches included), so no page type has to declare
anything: its `search_fields` say what is searched, the backend says how. Autocomplete fields stay
as written, because autocomplete matches prefixes of what is being typed.
"""

import copy
import re
from functools import cache

from django.contrib.postgres.search import SearchRank
from django.db import connection
from modelsearch.backends import database
from modelsearch.index import RelatedFields, SearchField
from modelsearch.query import MATCH_NONE, And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from home.page_cache import invalidate_content

from . import page_texts
from .polish import text_keys, word_keys, words

MAX_WORDS = 32
INDEX_GENERATION_KEY = "search:index-generation"
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


def as_text(value):
    """A field's value as the indexer sees it: strings, lists (tags, StreamField) and dicts."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(map(as_text, value))
    if isinstance(value, dict):
        return " ".join(map(as_text, value.values()))
    return str(value)


class KeysField(SearchField):
    """A search field indexed as the Polish keys of its text."""

    def __init__(self, field):
        super().__init__(field.field_name, boost=field.boost, **field.kwargs)
        self.field = field

    def get_value(self, obj):
        return text_keys(as_text(self.field.get_value(getattr(obj, "indexed", obj))))


class KeysRelatedFields(RelatedFields):
    """Related objects' search fields indexed as Polish keys."""

    def __init__(self, field):
        super().__init__(field.field_name, list(keys_fields(field.fields)))

    def get_value(self, obj):
        return super().get_value(getattr(obj, "indexed", obj))


def keys_fields(fields):
    for field in fields:
        if isinstance(field, SearchField):
            yield KeysField(field)
        elif isinstance(field, RelatedFields):
            yield KeysRelatedFields(field)
        else:
            yield AsWritten(field)


class AsWritten:
    """Any other field (autocomplete, filter) read from the object as it is."""

    def __init__(self, field):
        self.field = field

    def __getattr__(self, name):
        return getattr(self.field, name)

    @property
    def __class__(self):
        return self.field.__class__

    def get_value(self, obj):
        return self.field.get_value(getattr(obj, "indexed", obj))


class InKeys:
    """The object as the index sees it: its search fields give the Polish keys of their texts."""

    def __init__(self, indexed):
        self.indexed = indexed

    def __getattr__(self, name):
        return getattr(self.indexed, name)

    def get_search_fields(self):
        return list(keys_fields(self.indexed.get_search_fields()))


def query_in_keys(query):
    """A query of plain words as Polish keys: each word an OR of its keys."""
    if isinstance(query, (PlainText, Phrase)):
        ored = [Or([PlainText(key) for key in word_keys(word)]) for word in words(query.query_string)]
        if not ored:
            return None
        return (Or if getattr(query, "operator", "and") == "or" else And)(ored)
    if isinstance(query, (And, Or)):
        subqueries = [part for part in map(query_in_keys, query.subqueries) if part is not None]
        return type(query)(subqueries) if subqueries else None
    if isinstance(query, (Not, Boost)):
        return PlainWords.replace(query, subquery=query_in_keys(query.subquery))
    return query  # MatchAll; Fuzzy compares raw text with raw text


class PlainWordsBackend:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = PlainWords().query(query)
        if query is not None and query_compiler_class is self.query_compiler_class:
            if isinstance(query, str):
                query = PlainText(query, operator=kwargs.get("operator") or "and")
            query = query_in_keys(query)
        return super()._search(
            query_compiler_class, MATCH_NONE if query is None else query, model_or_queryset, **kwargs
        )


class IndexInKeys:
    """Every way into the index (saves, tasks, `update_index`) passes here; a page's texts for the
    results list are stored on the way (search/page_texts.py), and each write draws a new
    generation of the index, so no search kept before it is answered again (search/results.py)."""

    def add_items(self, model, objs):
        super().add_items(model, [InKeys(obj) for obj in objs])
        page_texts.store(objs)
        forget_index()

    def delete_item(self, item):
        super().delete_item(item)
        forget_index()

    def delete_stale_entries(self):
        super().delete_stale_entries()
        forget_index()

    def reset(self):
        super().reset()
        forget_index()


def forget_index():
    invalidate_content(keys=(INDEX_GENERATION_KEY,))


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


class OneRankPerColumn:
    """PostgreSQL: modelsearch computes a ts_rank for every term and combines them, and a query of
    Polish keys has two to four terms per word, so a two-word query cost 16 ts_rank calls per
    matching row (p95 0.8 s at 10 000 pages). ts_rank of the whole tsquery ranks the same matches
    by the same weights with one call per column."""

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (And, Or)):
            rank = SearchRank(vector, self.build_tsquery(query, config=config), weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's search, except that the matched tsvector (`title || body`, kilobytes per
        row) is only compared, not also sent back with every result."""
        if isinstance(self.query, (MatchAll, Fuzzy)) or (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


def subclass(mixin, base, **attributes):
    return type(base.__name__, (mixin, base), {"__module__": __name__, **attributes})


@cache
def project_backend(backend_class):
    compilers = {
        name: subclass(SqlFiltersAndOrdering, getattr(backend_class, name))
        for name in ("query_compiler_class", "autocomplete_query_compiler_class")
        if getattr(backend_class, name) is not None
    }
    if connection.vendor == "postgresql":
        compilers["query_compiler_class"] = subclass(OneRankPerColumn, compilers["query_compiler_class"])
    index_class = subclass(IndexInKeys, backend_class.index_class)
    return subclass(PlainWordsBackend, backend_class, index_class=index_class, **compilers)


def SearchBackend(params):
    """modelsearch picks its backend class by the default database's vendor; this returns the same
    class reading plain words."""
    params = {"SEARCH_CONFIG": "simple", **params}  # PostgreSQL: the keys are already normalised
    return project_backend(type(database.SearchBackend(params)))(params)
