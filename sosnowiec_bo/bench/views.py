from pathlib import Path

from django.conf import settings
from django.http import HttpResponse


def bench_bare_view(request):
    """The benchmark's yardstick (`make bench`): the bytes of a file (the home page as served) with no
    template, database or middleware work of its own. Routed only when BENCH_BARE_FILE is set."""
    global _bare_body
    if _bare_body is None:
        _bare_body = Path(settings.BENCH_BARE_FILE).read_bytes()
    return HttpResponse(_bare_body)


_bare_body = None
