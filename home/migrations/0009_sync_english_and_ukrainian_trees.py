"""English and Ukrainian page trees follow the Polish one (wagtail-localize's "Synchronise content
from another locale"): a Polish page created in the admin gets an alias under /en/ and /uk/ at
once, which stays until a translator translates it. `manage.py sync_locale_trees` (and the demo
loader) add the aliases of pages created outside the admin."""

from django.db import migrations

SOURCE = "pl"
TARGETS = ["en", "uk"]


def sync_from_polish(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source = Locale.objects.filter(language_code=SOURCE).first()
    if source is None:
        return
    for locale in Locale.objects.filter(language_code__in=TARGETS):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


def stop_syncing(apps, schema_editor):
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.filter(
        locale__language_code__in=TARGETS, sync_from__language_code=SOURCE
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_accessible_body_blocks"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(sync_from_polish, stop_syncing)]
