from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .content_checks import use_site_content_checker
from .guides import GuidesPanel, document_guide, guides_for, publish_guide
from .lockout_viewset import LoginLockoutViewSet
from .per_request import locale_by_id
from .review import statement_review_panel
from .translations import redirect_to_original


@hooks.register("insert_global_admin_js")
def keep_typed_dates():
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def publish_first(menu_items, request, context):
    """Whoever may publish sees "Opublikuj" as the main button, not hidden under "Zapisz szkic"."""
    menu_items.sort(key=lambda item: item.name != "action-publish")


@hooks.register("construct_homepage_panels")
def add_editor_guides(request, panels):
    guides = guides_for(request)
    if guides:
        panels.append(GuidesPanel(guides))


@hooks.register("construct_homepage_panels")
def add_statement_review_reminder(request, panels):
    panel = statement_review_panel(request)
    if panel:
        panels.append(panel)


hooks.register("register_editor_guide", publish_guide)
hooks.register("register_editor_guide", document_guide)


@hooks.register("before_serve_page")
def known_locale(page, request, serve_args, serve_kwargs):
    """The page's locale from the request's list of locales: no query for the page's language."""
    if "locale" not in page._state.fields_cache:
        page.locale = locale_by_id(page.locale_id) or page.locale


hooks.register("construct_wagtail_userbar", use_site_content_checker)


@hooks.register("before_serve_page")
def send_alias_forms_to_the_original(page, request, serve_args, serve_kwargs):
    return redirect_to_original(page, request)


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()
