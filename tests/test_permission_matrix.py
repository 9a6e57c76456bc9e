"""Who may do what (issue 14): every admin view the project's own apps register, and every public form,
for each role of the site: anonymous, translator, editor, moderator and administrator (superuser).

The roles get the rights the demo content gives them (home/demo_accounts.py `create_groups`), on a
site built here from scratch so that the file runs in seconds. The admin
URLs are read from the URL resolver: a view a project app adds without a row here fails
`test_every_project_admin_view_is_in_the_matrix`.

Answers: OK 200; LOGIN a redirect to the admin's login; REFUSED Wagtail's redirect to the dashboard
with its "no permission" error; HOME a redirect to the dashboard without an error; GONE 404; NO_GET 405;
"-> /path/" a redirect there, "-> /path/ !" with an error message."""

from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail_localize import synctree

from consultation.models import Ballot, Submission, SubmissionFile
from consultation.voting import sms
from tests.budget_fixtures import proposal_data
from tests.consultation_fixtures import comment_data, read_token
from tests.permission_site import build_permission_site
from tests.voting_fixtures import Voter

PROJECT_APPS = {"accounts", "consultation", "home", "materials", "search", "sosnowiec_bo"}
ROLES = ["anonymous", "translator", "editor", "moderator", "administrator"]
OK, LOGIN, REFUSED, HOME, GONE, NO_GET = "200", "login", "refused", "home", "404", "405"
INBOX, BALLOTS, LOCKOUTS = "/admin/inbox/", "/admin/glosowanie/", "/admin/blokady-logowania/"
NOTICES, MATERIALS = "/admin/snippets/consultation/privacynotice/", "/admin/snippets/materials/material/"
STAFF_ONLY = (LOGIN, REFUSED)  # anonymous, translator
VERIFY = "-> /admin/two-factor/code/"

# (URL name, method): anonymous, translator, editor, moderator, administrator
ADMIN_MATRIX = {
    # Results import: whoever may edit a budget edition page (editors).
    ("budget_results_import", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("budget_results_import", "post"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("budget_results_preview", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("budget_results_preview", "post"): (
        *STAFF_ONLY,
        "-> /admin/budzet/wyniki/{edition}/ !",
        REFUSED,
        "-> /admin/budzet/wyniki/{edition}/ !",
    ),
    # Search reports: what residents typed may be personal; editors (promoted results) only.
    ("search_reports:popular", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("search_reports:popular_results", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("search_reports:unanswered", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("search_reports:unanswered_results", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    # Two-factor pages: one's own account (OTP_REQUIRED is off in the test settings).
    ("two_factor_verify", "get"): (LOGIN, HOME, HOME, HOME, HOME),
    ("two_factor_verify", "post"): (LOGIN, HOME, HOME, HOME, HOME),
    ("two_factor_enrol", "get"): (LOGIN, VERIFY, VERIFY, VERIFY, VERIFY),
    ("two_factor_enrol", "post"): (LOGIN, VERIFY, VERIFY, VERIFY, VERIFY),
    ("two_factor_backup_codes", "get"): (LOGIN, OK, OK, OK, OK),
    ("two_factor_manage", "get"): (LOGIN, OK, OK, OK, OK),
    ("two_factor_manage", "post"): (LOGIN, OK, OK, OK, OK),
    # Privacy notices: editors add and change, only the administrator deletes.
    ("wagtailsnippets_consultation_privacynotice:list", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:list_results", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:add", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:add", "post"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:edit", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:edit", "post"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:delete", "get"): (*STAFF_ONLY, REFUSED, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:delete", "post"): (
        *STAFF_ONLY,
        REFUSED,
        REFUSED,
        f"-> {NOTICES}",
    ),
    ("wagtailsnippets_consultation_privacynotice:usage", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:history", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:history_results", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:copy", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:revisions_revert", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_consultation_privacynotice:revisions_compare", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    # Materials library: editors add, change and delete.
    ("wagtailsnippets_materials_material:list", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:list_results", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:add", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:add", "post"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:edit", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:edit", "post"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:delete", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:delete", "post"): (
        *STAFF_ONLY,
        f"-> {MATERIALS}",
        REFUSED,
        f"-> {MATERIALS}",
    ),
    ("wagtailsnippets_materials_material:usage", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:history", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:history_results", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    ("wagtailsnippets_materials_material:copy", "get"): (*STAFF_ONLY, OK, REFUSED, OK),
    # Login lockouts: the administrator alone (axes.delete_accessattempt).
    ("login_lockouts:index", "get"): (*STAFF_ONLY, REFUSED, REFUSED, OK),
    ("login_lockouts:unlock", "get"): (LOGIN, NO_GET, NO_GET, NO_GET, NO_GET),
    ("login_lockouts:unlock", "post"): (*STAFF_ONLY, REFUSED, REFUSED, f"-> {LOCKOUTS}"),
    # Voting: moderators; the export of voters' personal data is a logged POST.
    ("ballots:index", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:index_results", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:edit", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:edit", "post"): (*STAFF_ONLY, REFUSED, f"-> {BALLOTS}", f"-> {BALLOTS}"),
    ("ballots:history", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:history_results", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:paper", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:paper", "post"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:export", "get"): (*STAFF_ONLY, REFUSED, GONE, GONE),
    ("ballots:export", "post"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("ballots:count", "get"): (*STAFF_ONLY, REFUSED, GONE, GONE),
    ("ballots:count", "post"): (*STAFF_ONLY, REFUSED, f"-> {BALLOTS}", f"-> {BALLOTS}"),
    # Moderation inbox: moderators; only the administrator deletes a submission.
    ("submission_inbox:index", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("submission_inbox:index_results", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("submission_inbox:edit", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("submission_inbox:edit", "post"): (
        *STAFF_ONLY,
        REFUSED,
        "-> /admin/inbox/edit/{submission}/",
        "-> /admin/inbox/edit/{submission}/",
    ),
    ("submission_inbox:delete", "get"): (*STAFF_ONLY, REFUSED, REFUSED, OK),
    ("submission_inbox:delete", "post"): (*STAFF_ONLY, REFUSED, REFUSED, f"-> {INBOX}"),
    ("submission_inbox:history", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("submission_inbox:history_results", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("submission_inbox:attachment", "get"): (*STAFF_ONLY, REFUSED, OK, OK),
    ("submission_inbox:create_project", "get"): (LOGIN, NO_GET, NO_GET, NO_GET, NO_GET),
    ("submission_inbox:create_project", "post"): (
        *STAFF_ONLY,
        REFUSED,
        "-> /admin/inbox/edit/{submission}/ !",
        "-> /admin/inbox/edit/{submission}/ !",
    ),
}

POST_DATA = {
    "submission_inbox:edit": {"action": "approve"},
    "ballots:edit": {"invalidation_reason": "Osoba nie mieszka w Sosnowcu."},
}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            yield (
                prefix + str(pattern.pattern),
                ":".join(filter(None, [namespace, pattern.name or ""])),
                pattern,
            )


def is_project(obj):
    return obj.__module__.split(".")[0] in PROJECT_APPS


def project_admin_urls():
    """(route, name) of every admin URL whose view, viewset or root URLconf entry is the project's."""
    resolver = get_resolver()
    routes = list(walk(resolver.url_patterns))
    own_namespaces = {viewset.url_namespace for viewset in viewsets.viewsets if is_project(type(viewset))}
    return [
        (route, name)
        for route, name, pattern in routes
        if route.startswith("admin/")
        and (
            is_project(getattr(pattern.callback, "view_class", pattern.callback))
            or name.rpartition(":")[0] in own_namespaces
            or pattern in resolver.url_patterns
        )
    ]


def project_bulk_actions():
    assert project_admin_urls()  # the admin's URLs, and with them every hook, are loaded
    bulk_action_registry._scan_for_bulk_actions()
    return sorted(
        (app, model, action_type)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action_type, action in actions.items()
        if is_project(action)
    )


def test_every_project_admin_view_is_in_the_matrix():
    names = {name for name, _method in ADMIN_MATRIX}
    routes = project_admin_urls()
    missing = [f"{name or route}" for route, name in routes if name not in names and name]
    unnamed = [route for route, name in routes if not name and not route.startswith("admin/bulk/")]
    assert not missing and not unnamed, f"Admin views without a row in ADMIN_MATRIX: {missing + unnamed}"
    assert names <= {name for _route, name in routes}, "ADMIN_MATRIX names a view that no longer exists"
    assert set(project_bulk_actions()) == set(BULK_MATRIX), "BULK_MATRIX differs from the registered ones"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Built once for the module in a transaction rolled back after its last test; each test runs in
    a savepoint of it (`db`), and each role's request in a savepoint of that."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        mock.patch.object(synctree, "create_aliases_for_new_page"),
    ):
        yield build_permission_site()
        transaction.set_rollback(True)


def restore_attachment(pk):
    """A submission deleted by an earlier test took its file off the disk, which no rollback brings back."""
    stored = SubmissionFile.objects.get(pk=pk).file
    if not stored.storage.exists(stored.name):
        stored.storage.save(stored.name, ContentFile(b"%PDF-1.4\n"))


def url_for(name, world):
    route = next(route for route, url_name in project_admin_urls() if url_name == name)
    kwargs = {}
    for key in ["pk", "page_id", "revision_id", "revision_id_a", "revision_id_b"]:
        if f":{key}>" in route or f"(?P<{key}>" in route:
            kwargs[key] = world.get(name, world.get(name.rpartition(":")[0])) if key == "pk" else world[key]
    return reverse(name, kwargs=kwargs)


def answer(response):
    if response.status_code != 302:
        return str(response.status_code)
    error = any(message.level_tag == "error" for message in get_messages(response.wsgi_request))
    if response.url.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    if response.url == reverse("wagtailadmin_home"):
        return REFUSED if error else HOME
    return f"-> {response.url}" + (" !" if error else "")


def answers(users, request_as):
    """Each role's answer, each in a transaction rolled back after it: what one role deletes or
    changes is there again for the next."""
    found = []
    for role in ROLES:
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        with transaction.atomic():
            found.append(request_as(client))
            transaction.set_rollback(True)
    return dict(zip(ROLES, found, strict=True))


@pytest.mark.parametrize(("name", "method"), list(ADMIN_MATRIX), ids=[f"{n}-{m}" for n, m in ADMIN_MATRIX])
def test_admin_view_answers_each_role_as_the_matrix_says(db, site, name, method):
    users, world = site.users, site.ids
    restore_attachment(world["submission_inbox:attachment"])
    url = url_for(name, world)
    data = POST_DATA.get(name, {}) if method == "post" else {}
    found = answers(users, lambda client: answer(getattr(client, method)(url, data)))
    names = {"edition": world["budget_results_preview"], "submission": world["submission_inbox"]}
    expected = {
        role: cell.format(**names) for role, cell in zip(ROLES, ADMIN_MATRIX[name, method], strict=True)
    }
    assert found == expected


# Bulk actions of the inbox (/admin/bulk/consultation/submission/<action>/?id=…): the confirmation page,
# moderators only. (app, model, action): anonymous, translator, editor, moderator, administrator
MODERATORS_ONLY = (*STAFF_ONLY, REFUSED, OK, OK)
BULK_MATRIX = {
    ("consultation", "submission", action): MODERATORS_ONLY
    for action in [
        "approve",
        "reject",
        "spam",
        "proposal-start_formal",
        "proposal-formal_passed",
        "proposal-put_on_ballot",
        "proposal-mark_selected",
        "proposal-mark_not_selected",
        "proposal-start_work",
        "registration-mark_attended",
        "contact-handle",
        "contact-spam",
        "accessibility_request-start",
        "accessibility_request-spam",
    ]
}


@pytest.mark.parametrize("action", list(BULK_MATRIX), ids=[action for _app, _model, action in BULK_MATRIX])
def test_bulk_action_answers_each_role_as_the_matrix_says(db, site, action):
    url = "/admin/bulk/{}/{}/{}/?id={}".format(*action, site.ids["submission_inbox"])
    found = answers(site.users, lambda client: answer(client.get(url)))
    assert found == dict(zip(ROLES, BULK_MATRIX[action], strict=True))


# Public forms: every role, logged in or not, sends the same resident's form and gets the same answer;
# staff get no other path and nobody is sent to a login. form: anonymous, translator, editor, moderator,
# administrator
SENT = "sent"
PUBLIC_MATRIX = {
    "comment": (SENT,) * 5,
    "proposal": (SENT,) * 5,
    "training": (SENT,) * 5,
    "contact": (SENT,) * 5,
    "accessibility": (SENT,) * 5,
    "ballot": (SENT,) * 5,
}
FILLERS = {
    "singleline": "Łucja Żak",
    "email": "lucja@example.com",
    "multiline": "Proszę o odpowiedź.",
    "url": "https://bo.sosnowiec.invalid/",
    "number": "1",
    "date": "2026-01-15",
    "consent": "on",
    "checkbox": "on",
}


def filled_form(client, page):
    """What a browser sends once each required field of the page's form is filled."""
    data = {"website": "", "form_token": read_token(client, page)}
    for field in page.get_form_fields():
        if field.field_type in FILLERS:
            data[field.clean_name] = FILLERS[field.field_type]
        elif field.choices:
            data[field.clean_name] = field.choices.splitlines()[0].strip()
    return data


def send(client, kind, page, site):
    if kind == "ballot":
        sent = Voter(client, page).vote(site.pages["project"])
    elif kind == "proposal":
        sent = client.post(page.url, proposal_data(client, page))
    elif kind == "comment":
        sent = client.post(page.url, comment_data(page, read_token(client, page)))
    else:
        sent = client.post(page.url, filled_form(client, page))
    saved = (Ballot if kind == "ballot" else Submission).objects.filter(page=page).count()
    return SENT if sent.status_code in (200, 302) and saved == site.before[kind] + 1 else answer(sent)


@pytest.mark.parametrize("kind", list(PUBLIC_MATRIX))
def test_public_form_answers_each_role_as_the_matrix_says(db, site, settings, kind):
    settings.FORM_MIN_FILL_SECONDS = 0
    page = site.pages[kind]
    site.before = {kind: (Ballot if kind == "ballot" else Submission).objects.filter(page=page).count()}
    found = answers(
        site.users, lambda client: (cache.clear(), sms.outbox.clear(), send(client, kind, page, site))[-1]
    )
    assert found == dict(zip(ROLES, PUBLIC_MATRIX[kind], strict=True))
