from wagtail.admin.panels import InlinePanel


class CheckedInlinePanel(InlinePanel):
    """An InlinePanel whose formset class checks the items against each other (e.g. no two alike)."""

    def __init__(self, relation_name, formset_class=None, **kwargs):
        super().__init__(relation_name, **kwargs)
        self.formset_class = formset_class

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "formset_class": self.formset_class}

    def get_form_options(self):
        options = super().get_form_options()
        if self.formset_class is not None:
            options["formsets"][self.relation_name]["formset"] = self.formset_class
        return options
