"""Short "how to" guides on the admin dashboard, each with a link that starts the task. Apps add
their own guides with the `register_editor_guide` hook: a function of the request that returns a
`Guide`, or None when the user may not do that task."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.permission_policies.collections import CollectionPermissionPolicy


@dataclass
class Guide:
    title: str
    steps: list
    url: str
    link_text: str
    order: int = 100


class GuidesPanel(Component):
    name = "editor_guides"
    template_name = "wagtailadmin/home/editor_guides.html"
    order = 40

    def __init__(self, guides):
        self.guides = guides

    def get_context_data(self, parent_context):
        return {"guides": self.guides}


def guides_for(request):
    found = [hook(request) for hook in hooks.get_hooks("register_editor_guide")]
    return sorted((guide for guide in found if guide), key=lambda guide: guide.order)


def home_page_for(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return site.root_page if site else None


def publish_guide(request):
    home = home_page_for(request)
    if home is None or not home.permissions_for_user(request.user).can_edit():
        return None
    return Guide(
        title=_("Jak zmienić i opublikować stronę"),
        steps=[
            _("Otwórz stronę w drzewie stron i kliknij „Edytuj”."),
            _("Popraw treść. „Podgląd” pokaże stronę tak, jak zobaczą ją mieszkańcy."),
            _("Kliknij „Opublikuj” na dole ekranu. „Zapisz szkic” zapisuje zmiany bez publikowania."),
        ],
        url=reverse("wagtailadmin_explore", args=[home.pk]),
        link_text=_("Przejdź do stron serwisu"),
        order=20,
    )


def document_guide(request):
    policy = CollectionPermissionPolicy(get_document_model())
    if not policy.user_has_permission(request.user, "add"):
        return None
    return Guide(
        title=_("Jak dodać dokument (np. projekt uchwały w PDF)"),
        steps=[
            _(
                "Przeciągnij plik albo wybierz go z dysku; nadaj mu tytuł, który powie mieszkańcom, co zawiera."
            ),
            _("Na stronie dodaj blok „Lista dokumentów” albo dokument konsultacji i wybierz ten plik."),
            _("Opublikuj stronę. Przy linku pokażemy format i rozmiar pliku."),
        ],
        url=reverse("wagtaildocs:add_multiple"),
        link_text=_("Dodaj dokument"),
        order=30,
    )
