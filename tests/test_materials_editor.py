"""Every materials page type in the editor: it can be created only where the page tree allows, and
each field of its form has a Polish label of its own and a help text that says what to put in it."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from home.models import HomePage
from materials.models import (
    ArticleIndexPage,
    ArticlePage,
    LegalActIndexPage,
    LegalActPage,
    MaterialsIndexPage,
    NewsIndexPage,
    NewsPage,
)
from tests.factories import (
    ArticleIndexPageFactory,
    LegalActIndexPageFactory,
    NewsIndexPageFactory,
)

PARENTS = {
    ArticleIndexPage: "home",
    LegalActIndexPage: "home",
    MaterialsIndexPage: "home",
    NewsIndexPage: "home",
    ArticlePage: ArticleIndexPageFactory,
    LegalActPage: LegalActIndexPageFactory,
    NewsPage: NewsIndexPageFactory,
}
TREE = {
    # page type: (the only parent types, the only child types)
    ArticleIndexPage: ({HomePage}, {ArticlePage}),
    ArticlePage: ({ArticleIndexPage}, set()),
    LegalActIndexPage: ({HomePage}, {LegalActPage}),
    LegalActPage: ({LegalActIndexPage}, set()),
    MaterialsIndexPage: ({HomePage}, set()),
    NewsIndexPage: ({HomePage}, {NewsPage}),
    NewsPage: ({NewsIndexPage}, set()),
}
# Wagtail's own fields (title, slug, the promote tab) and BasePage's come labelled already.
INHERITED = {field.name for field in Page._meta.concrete_fields} | {"lead", "social_image"}


@pytest.mark.parametrize("model", TREE, ids=lambda model: model.__name__)
def test_page_type_can_be_created_only_where_the_tree_allows(page_assertions, model):
    parents, children = TREE[model]

    page_assertions.assertAllowedParentPageTypes(model, parents)
    page_assertions.assertAllowedSubpageTypes(model, children)
    for page_type in get_page_models():
        if page_type in parents:
            page_assertions.assertCanCreateAt(page_type, model)
        else:
            page_assertions.assertCanNotCreateAt(page_type, model)


@pytest.mark.parametrize("model", PARENTS, ids=lambda model: model.__name__)
def test_every_field_of_the_add_form_has_a_polish_label_and_help(client, admin_user, site_tree, model):
    parent = site_tree.home if PARENTS[model] == "home" else PARENTS[model](parent=site_tree.home)
    client.force_login(admin_user)

    response = client.get(
        reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    )

    assert response.status_code == 200
    form = response.context["form"]
    shown = [
        ("page", name, field)
        for name, field in form.fields.items()
        if name not in INHERITED | {"comment_notifications"}
    ]
    for formset_name, formset in form.formsets.items():
        if formset_name != "comments":
            shown += [
                (formset_name, name, field)
                for name, field in formset.empty_form.fields.items()
                if name not in ("id", "ORDER", "DELETE")
            ]
    unlabelled = [
        f"{where}.{name}"
        for where, name, field in shown
        if not field.label or str(field.label).lower() == name.replace("_", " ") or not field.help_text
    ]
    assert shown
    assert unlabelled == []
