import re

from django.http import QueryDict

# A number written with an exponent, e.g. "1e9999".
EXPONENT_NUMBER = re.compile(r"^\s*[+-]?(?:\d+\.?\d*|\.\d+)[eE]([+-]?\d+)\s*$")
MAX_EXPONENT = 18
# Where the raw query string may hold one: a digit, "e", an optional (encoded) sign, a digit.
MAYBE_EXPONENT = re.compile(r"\d[eE](?:[+-]|%2[bBdD])?\d")


def clean_value(value):
    value = value.replace("\x00", "")
    match = EXPONENT_NUMBER.match(value)
    if match and abs(int(match.group(1)[:6])) > MAX_EXPONENT:
        return ""
    return value


class QueryStringCleanupMiddleware:
    """Query parameters that no link a person follows contains are made harmless before any view
    reads them:

    - NUL characters are removed: PostgreSQL refuses text containing NUL, so Wagtail's views that pass
      a parameter straight to a lookup (`?locale=%00` in the page chooser and page-type usage, `?tag=`
      in the image chooser, the tag autocomplete, the admin API) answered 500;
    - a number written with an exponent beyond 10^18 (`?usage_count_max=1e9999`) becomes empty: a
      number filter turns it into an integer with thousands of digits, which PostgreSQL's driver
      cannot send (a 500) and which, at `1e999999999`, takes a worker minutes to build.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if "%00" in raw or MAYBE_EXPONENT.search(raw):
            query = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                query.setlist(key.replace("\x00", ""), [clean_value(value) for value in values])
            query._mutable = False
            request.GET = query
        return self.get_response(request)
