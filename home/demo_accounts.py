"""The demo editors', moderators' and translators' groups with their permissions, and one account
per role (the passwords are published: the dev settings alone load the demo)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDITORS = "Redaktorzy"
MODERATORS = "Moderatorzy"
TRANSLATORS = "Tłumacze"

DEMO_ACCOUNTS = [
    # (username, password, role, group, is_superuser)
    ("admin", "admin-bo-2026", "administrator", None, True),
    ("redaktor", "redaktor-bo-2026", "redaktor", EDITORS, False),
    ("moderator", "moderator-bo-2026", "moderator", MODERATORS, False),
    ("tlumacz", "tlumacz-bo-2026", "tłumacz", TRANSLATORS, False),
]

# What each group may do beyond pages and collections, as "app_label.codename".
GROUP_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "consultation.add_privacynotice",
        "consultation.change_privacynotice",
        "materials.add_material",
        "materials.change_material",
        "materials.delete_material",
        # Promoting search results and reading the search reports.
        *(
            f"wagtailsearchpromotions.{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("query", "querydailyhits", "searchpromotion")
        ),
    ],
    MODERATORS: ["wagtailadmin.access_admin", "consultation.moderate_submission"],
    TRANSLATORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Translators edit the English and Ukrainian trees only and publish nothing themselves: a translation
# goes through the review workflow to the editors, who also publish in those trees.
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "choose"]),
    ],
    TRANSLATORS: [
        ("wagtailimages", "image", ["choose"]),
        ("wagtaildocs", "document", ["choose"]),
    ],
}


def create_groups(home):
    """The editors', moderators' and translators' groups with their rights (editors' pages: the
    Polish tree under `home`); {name: group}."""
    # Wagtail's own English example groups would sit beside ours with broader rights.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    groups = {}
    for name, permissions in GROUP_PERMISSIONS.items():
        groups[name], _ = Group.objects.get_or_create(name=name)
        groups[name].permissions.add(*(_permission(*permission.split(".")) for permission in permissions))
        _grant_collections(groups[name], COLLECTION_PERMISSIONS.get(name, []))
    _grant_pages(groups[EDITORS], home, EDITOR_PAGE_PERMISSIONS)
    return groups


def _groups_and_users(home, stdout):
    create_groups(home)
    _create_accounts(stdout)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=_permission("wagtailcore", codename),
        )


def _grant_collections(group, permissions):
    root_collection = Collection.get_first_root_node()
    for app_label, model, actions in permissions:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(app_label, f"{action}_{model}"),
            )


def _create_accounts(stdout):
    user_model = get_user_model()
    for username, password, role, group_name, is_superuser in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        user = user_model.objects.create_user(
            username=username,
            password=password,
            email=f"{username}@sosnowiec.invalid",
            first_name=role.capitalize(),
            is_staff=is_superuser,
            is_superuser=is_superuser,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        stdout.write(f"  konto: {username}")
