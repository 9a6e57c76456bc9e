"""Wagtail's bulk actions (/admin/bulk/<app>/<model>/<action>/?id=…) with the ids in the query
string checked first.

Wagtail hands every `id` straight to a `pk__in` lookup and `childOf` (the listing's parent page or
collection) to `get()`, so `?id=abc`, `?id=1e9999` or `?childOf=abc` was a 500 in every bulk action:
pages, images, documents, snippets, users and the inbox. Here an id that cannot be a primary key of
the model is left out, so the confirmation lists only real items (Wagtail answers 404 when none is
left); "all" with a malformed parent selects nothing, and a parent that does not exist is a 404.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action

PARENT_ID = models.BigIntegerField()


def clean_values(field, values):
    cleaned = []
    for value in values:
        try:
            cleaned.append(field.clean(value, None))
        except ValidationError:
            continue
    return cleaned


def primary_keys(model, values):
    """The values that can be primary keys of `model`, as Python values."""
    field = model._meta.pk
    while field.is_relation:  # a page type's key is its link to Page
        field = field.target_field
    return clean_values(field, values)


def checked_query(query, model):
    query = query.copy()
    ids = query.getlist("id")
    if "all" in ids:
        parent = query.get("childOf")
        ids = ["all"] if parent is None or clean_values(PARENT_ID, [parent]) else []
    else:
        ids = [str(pk) for pk in primary_keys(model, ids)]
    query.setlist("id", ids)
    return query


@never_cache
@display_custom_404
@require_admin_access
def bulk_action(request, app_label, model_name, action):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    request.GET = checked_query(request.GET, model)
    try:
        return wagtail_bulk_action(request, app_label, model_name, action)
    except ObjectDoesNotExist as error:  # the `childOf` parent
        raise Http404 from error
