from django.http import QueryDict


class QueryStringNulMiddleware:
    """Query parameters lose NUL characters: no link a person follows has one, and PostgreSQL
    refuses text containing NUL, so Wagtail's views that pass a parameter straight to a lookup
    (`?locale=%00` in the page chooser and page-type usage, `?tag=` in the image chooser, the tag
    autocomplete, the admin API) answered 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            query = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                query.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            query._mutable = False
            request.GET = query
        return self.get_response(request)
