from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Material


class MaterialViewSet(SnippetViewSet):
    """The files and recordings of the materials library, kept in one list in the admin."""

    model = Material
    icon = "doc-full-inverse"
    menu_label = _("Materiały do pobrania")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["title", "material_type", "year", "language"]
    list_filter = ["material_type", "year", "language"]
    ordering = ["-year", "title"]


register_snippet(MaterialViewSet)
