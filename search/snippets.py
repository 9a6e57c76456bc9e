"""The snippet under a search result: a few dozen words of the result's text around the first word
that matched, each matched word in <mark>, everything else escaped."""

import re
from html import escape

from django.utils.safestring import mark_safe

from .polish import word_keys, words

SNIPPET_WORDS = 30
TOKENS = re.compile(r"(\w+)")


def query_keys(query):
    return {key for word in words(query) for key in word_keys(word)}


def is_match(token, keys):
    return bool(keys.intersection(word_keys(token)))


def highlight(text, query, length=SNIPPET_WORDS):
    """`length` words of the plain `text` (as indexed: rich text already without tags) from a little
    before its first match, matches in <mark>."""
    text = " ".join(text.split())
    keys = query_keys(query)
    tokens = TOKENS.split(text)  # separators at even indexes, words at odd ones
    word_positions = range(1, len(tokens), 2)
    first = next((i for i in word_positions if is_match(tokens[i], keys)), 1)
    # From the start when the match is in the snippet's first half, else from five words before it.
    start = 0 if first < length else first - 10
    start -= start % 2
    end = min(len(tokens), start + 2 * length)
    parts = ["…"] if start else []
    for i in range(start, end):
        token = escape(tokens[i])
        parts.append(f"<mark>{token}</mark>" if i % 2 and is_match(tokens[i], keys) else token)
    if end < len(tokens):
        parts.append("…")
    html = "".join(parts).strip()
    return mark_safe(html)  # nosec B308, B703 # every piece escaped above
