from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Submission
from .detail import SubmissionDetailView
from .files import download_attachment
from .listing import SubmissionIndexView
from .permissions import MODERATE_CODENAME, submission_policy
from .projects import create_project_view


class InboxMenuItem(MenuItem):
    """The menu item shows how many submissions wait for a decision (one COUNT query)."""

    def is_shown(self, request):
        return submission_policy().user_has_permission(request.user, "moderate")

    def render_component(self, request):
        waiting = Submission.objects.waiting().count()
        label = (
            _("%(label)s (%(count)s)") % {"label": self.label, "count": waiting} if waiting else self.label
        )
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class SubmissionViewSet(ModelViewSet):
    model = Submission
    name = "submission_inbox"
    url_prefix = "inbox"
    icon = "mail"
    menu_label = _("Moderacja")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 25
    index_view_class = SubmissionIndexView
    edit_view_class = SubmissionDetailView
    index_template_name = "consultation/admin/index.html"
    menu_item_class = InboxMenuItem

    def get_edit_view_kwargs(self, **kwargs):
        return {"template_name": SubmissionDetailView.template_name, **kwargs}

    def get_urlpatterns(self):
        # Nobody adds a submission in the admin: there is no add view and no route to one.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("files/<int:pk>/", download_attachment, name="attachment"),
            path("project/<int:pk>/", create_project_view, name="create_project"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, "usage_url_name": None, **kwargs})

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename=MODERATE_CODENAME)
