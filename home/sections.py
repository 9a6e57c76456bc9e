"""The sections of the home page under the hero, contributed by the feature apps.

The home app knows no feature app: each app registers its sections with the Wagtail hook
``register_home_section`` in its own ``wagtail_hooks.py``. A hook function returns one
``HomeSection``; the home page asks every section for its context, in ``order``, and leaves out each
one that returns None (nothing to show, e.g. no consultation is open).

Adding a section takes a few lines, e.g. the budget edition in ``budget/wagtail_hooks.py``::

    from home.sections import HomeSection

    class CurrentEdition(HomeSection):
        order = 20
        template = "budget/home_section_edition.html"

        def get_context(self, request, home_page):
            edition = Edition.objects.current(home_page)  # one query, or a fixed few
            # the "all" link: `index_below` costs no query until the page tree changes
            return {"edition": edition, "index": index_below(EditionIndex, home_page)} if edition else None

    @hooks.register("register_home_section")
    def current_edition():
        return CurrentEdition()

The template is included with the returned dict as ``section``. Make it a
``<section class="home-section" aria-labelledby="…">`` that starts with
``templates/includes/home_section_header.html`` (the heading and a link to the whole list) and lays
out its items with ``templates/includes/card.html`` inside ``<ul class="card-grid">``; see
``templates/consultation/home_section_open.html``. Each section must use a fixed number of SQL
queries, however many items exist (tests/test_home_sections.py counts them).

Orders in use: 10 open consultations, 20 (free: the current budget edition), 30 upcoming
consultation meetings, 35 (free: upcoming trainings), 40 news, 50 articles, 60 materials picked by
editors.
"""

from wagtail import hooks

from .page_cache import cached

HOOK_NAME = "register_home_section"


class HomeSection:
    order = 100
    template = ""

    def get_context(self, request, home_page):
        """A dict for the template, or None when the section has nothing to show."""
        return None


def home_sections(request, home_page):
    """[(template, context)] of the sections that have something to show, in their order."""
    sections = sorted((hook() for hook in hooks.get_hooks(HOOK_NAME)), key=lambda section: section.order)
    shown = []
    for section in sections:
        context = section.get_context(request, home_page)
        if context:
            shown.append((section.template, context))
    return shown


def index_below(model, home_page):
    """The first live page of `model` below the home page (the list a section's "all" link opens),
    or None; read once per change of the page tree."""
    return cached(
        "index-below",
        lambda: model.objects.live().descendant_of(home_page).order_by("path").first(),
        model._meta.label,
        home_page.pk,
    )
