"""Polish words as search keys, the same on SQLite and PostgreSQL.

Neither database understands Polish: PostgreSQL ships no Polish text-search configuration, and
SQLite's FTS5 tokenizer neither stems Polish nor folds "ł" to "l". So the index does not hold the
words as written but their keys, and a query word is looked up as an OR of its own keys. A word's
keys are
- its dictionary base forms from Morfeusz 2 (the SGJP dictionary of Polish inflection, inside the
  `morfeusz2` wheel), without diacritics: "uchwały" → "uchwala", "konsultacjom" → "konsultacja";
- the Snowball Polish stem of the word without diacritics: "uchwaly" → "uchwal", "budzetu" → "budzet".
Morfeusz knows irregular inflection a stemmer gets wrong; the stem covers what a resident types
without diacritics (Morfeusz does not recognise "budzetu") and words missing from the dictionary
(names, neologisms). Both sides of a match go through the same function, so a key only has to be
consistent, not a real word. The index is searched with PostgreSQL's `simple` configuration, which
only lowercases: the keys already are what the database would otherwise have to derive.

Cost (measured, see README "Wyszukiwarka"): Morfeusz's dictionary adds about 50 MB resident memory
per process that indexes or searches, loaded once on first use; it analyses ~100 000 words/s.
"""

import re
import threading
import unicodedata
from functools import lru_cache

MAX_BASE_FORMS = 3
WORD = re.compile(r"\w+", re.UNICODE)
# "ł" has no decomposition in Unicode, so NFKD alone leaves it.
FOLD = str.maketrans({"ł": "l", "Ł": "L"})

_local = threading.local()


def without_diacritics(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _morfeusz():
    # One analyser per thread: Morfeusz's objects are not thread-safe; the dictionary itself is
    # shared by the library.
    analyser = getattr(_local, "morfeusz", None)
    if analyser is None:
        import morfeusz2

        analyser = _local.morfeusz = morfeusz2.Morfeusz(generate=False, expand_tags=False)
    return analyser


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("polish")


@lru_cache(maxsize=200_000)
def word_keys(word):
    """The keys of one word: up to MAX_BASE_FORMS base forms, then the stem."""
    word = word.lower()
    plain = without_diacritics(word)
    if word.isdigit():
        return (word,)
    keys = []
    for start, _end, (_form, lemma, *_rest) in _morfeusz().analyse(word):
        # Only the first segment: "miałem" is also "miał" + "em", and "em" would add "być".
        key = without_diacritics(lemma.split(":")[0].lower())
        if start == 0 and key not in keys and WORD.fullmatch(key):
            keys.append(key)
    keys = keys[:MAX_BASE_FORMS]
    stem = ascii_stem(plain)
    return (*keys, stem) if stem not in keys else tuple(keys)


def ascii_stem(plain):
    """The Snowball stem of a word without diacritics. Snowball strips "-ów" but cannot see it in
    "krokow" or "mieszkancow"; the genitive plural is the commonest form typed that way."""
    stem = _stemmer().stemWord(plain)
    return stem[:-2] if stem.endswith("ow") and len(stem) > 5 else stem


def words(text):
    return WORD.findall(text)


def text_keys(text):
    """The text as it goes into the index: every word replaced by its keys."""
    return " ".join(" ".join(word_keys(word)) for word in words(text))
