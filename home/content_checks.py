"""Wagtail's content checker (Axe), tuned for this site: it runs in the page editor's "Sprawdzenia"
panel and from the userbar on the public pages. Besides Wagtail's rules it checks the alt text of
images, the language codes and that every quote says which language it is in (the quote block's
"Język cytatu" renders as `lang` on the blockquote)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

SITE_RULES = [
    "image-alt",
    "role-img-alt",
    "svg-img-alt",
    "html-has-lang",
    "html-lang-valid",
    "valid-lang",
    "quote-lang",
    "list",
    "listitem",
]

QUOTE_LANG_RULE = {
    "id": "quote-lang",
    "impact": "serious",
    "selector": "blockquote",
    "tags": ["wcag2aa", "wcag312"],
    "any": ["has-lang"],
    "enabled": True,
}


class SiteContentCheckerItem(ContentCheckerItem):
    axe_run_only = ContentCheckerItem.axe_run_only + SITE_RULES
    axe_custom_rules = ContentCheckerItem.axe_custom_rules + [QUOTE_LANG_RULE]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Obraz bez tekstu alternatywnego"),
            "help_text": _("Opisz obraz albo oznacz go jako dekoracyjny."),
        },
        "role-img-alt": {
            "error_name": _("Grafika bez opisu"),
            "help_text": _("Opisz obraz albo oznacz go jako dekoracyjny."),
        },
        "svg-img-alt": {
            "error_name": _("Grafika SVG bez opisu"),
            "help_text": _("Opisz obraz albo oznacz go jako dekoracyjny."),
        },
        "html-has-lang": {
            "error_name": _("Strona nie podaje swojego języka"),
            "help_text": _("Zgłoś to administratorowi serwisu."),
        },
        "html-lang-valid": {
            "error_name": _("Nieprawidłowy kod języka strony"),
            "help_text": _("Zgłoś to administratorowi serwisu."),
        },
        "valid-lang": {
            "error_name": _("Nieprawidłowy kod języka fragmentu"),
            "help_text": _("Wybierz język z listy, np. w polu „Język cytatu”."),
        },
        "quote-lang": {
            "error_name": _("Cytat bez podanego języka"),
            "help_text": _("Wybierz „Język cytatu”, żeby czytnik ekranu przeczytał go z właściwą wymową."),
        },
        "list": {
            "error_name": _("Nieprawidłowa lista"),
            "help_text": _("Użyj przycisków listy w edytorze tekstu."),
        },
        "listitem": {
            "error_name": _("Element listy poza listą"),
            "help_text": _("Użyj przycisków listy w edytorze tekstu."),
        },
    }


def use_site_content_checker(request, items, page=None):
    """Swap Wagtail's checker for ours, in the userbar and in the editor's checks panel alike."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentCheckerItem):
            items[index] = SiteContentCheckerItem(in_editor=item.in_editor)
