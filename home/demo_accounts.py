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

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]
# Translators edit the English and Ukrainian trees only and publish nothing themselves: a translation
# goes through the review workflow to the editors, who also publish in those trees.
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRANSLATOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["choose"]),
    ("wagtaildocs", "document", ["choose"]),
]


def _groups_and_users(home, stdout):
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    # Wagtail's own English example groups would sit beside ours with broader rights.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(admin_access)
    _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
    _grant_collections(editors, EDITOR_COLLECTION_PERMISSIONS)

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(admin_access)

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.add(
        admin_access,
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    _grant_collections(translators, TRANSLATOR_COLLECTION_PERMISSIONS)

    _create_accounts(stdout)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def _grant_collections(group, permissions):
    root_collection = Collection.get_first_root_node()
    for app_label, model, actions in permissions:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
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
