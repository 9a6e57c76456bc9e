from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def keep_typed_dates():
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def publish_first(menu_items, request, context):
    """Whoever may publish sees "Opublikuj" as the main button, not hidden under "Zapisz szkic"."""
    menu_items.sort(key=lambda item: item.name != "action-publish")
