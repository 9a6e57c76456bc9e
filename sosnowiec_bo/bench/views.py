import gzip
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from home.gzip_parts import accepts_gzip


def bench_bare_view(request):
    """The benchmark's yardstick (`make bench`): the bytes of a file (the home page as served) with no
    template, database or middleware work of its own; compressed beforehand for a client that
    accepts gzip, as the page cache serves pages. Routed only when BENCH_BARE_FILE is set."""
    global _bare_body, _bare_gzip
    if _bare_body is None:
        _bare_body = Path(settings.BENCH_BARE_FILE).read_bytes()
        _bare_gzip = gzip.compress(_bare_body)
    if accepts_gzip(request):
        response = HttpResponse(_bare_gzip, headers={"Content-Encoding": "gzip"})
    else:
        response = HttpResponse(_bare_body)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


_bare_body = _bare_gzip = None
