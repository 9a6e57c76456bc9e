"""`manage.py backup` and `manage.py restore` on the database the tests run on (pg_dump and
pg_restore on PostgreSQL, SQLite's backup API on SQLite): a page and the uploaded files deleted
after a backup come back with its restore; a broken or foreign backup changes nothing."""

import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from wagtail.models import Page

from home.backup import DATABASE_FILES
from tests.factories import StandardPageFactory


@pytest.fixture
def file_storages(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "private": {
            "BACKEND": "sosnowiec_bo.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private-media"},
        },
    }
    return storages["default"], storages["private"]


def backup(directory):
    call_command("backup", output=str(directory), stdout=io.StringIO())


def restore(directory):
    call_command("restore", str(directory), interactive=False, stdout=io.StringIO())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deleted_page_and_files_come_back_after_restore(site_tree, file_storages, tmp_path):
    media, private = file_storages
    page = StandardPageFactory(parent=site_tree.home, title="Plan wydatków 2027", slug="plan-wydatkow")
    media.save("documents/plan.pdf", ContentFile(b"%PDF plan"))
    private.save("zalaczniki/lista-poparcia.pdf", ContentFile(b"%PDF podpisy"))
    backup(tmp_path / "kopia")

    Page.objects.get(pk=page.pk).delete()
    StandardPageFactory(parent=site_tree.home, title="Dodana po kopii", slug="po-kopii")
    media.delete("documents/plan.pdf")
    private.delete("zalaczniki/lista-poparcia.pdf")
    assert Client().get("/plan-wydatkow/").status_code == 404

    restore(tmp_path / "kopia")

    response = Client().get("/plan-wydatkow/")
    assert response.status_code == 200
    assert "Plan wydatków 2027" in response.text
    assert Client().get("/po-kopii/").status_code == 404
    assert media.open("documents/plan.pdf").read() == b"%PDF plan"
    assert private.open("zalaczniki/lista-poparcia.pdf").read() == b"%PDF podpisy"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_is_readable_by_its_owner_only_and_never_overwrites_one(file_storages, tmp_path):
    backup(tmp_path / "kopia")

    assert (tmp_path / "kopia").stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in (tmp_path / "kopia").iterdir()} == {0o600}
    with pytest.raises(CommandError, match="nie jest pusty"):
        backup(tmp_path / "kopia")


def tar_member(name, link=None):
    member = tarfile.TarInfo(name)
    if link:
        member.type, member.linkname = tarfile.SYMTYPE, link
    else:
        member.size = 4
    return member


def fake_backup(directory, vendor=None, database_file=None, member=None):
    """A backup's layout with placeholder contents: enough for the checks that come before a restore."""
    vendor = vendor or connection.vendor
    database_file = database_file or DATABASE_FILES[connection.vendor]
    directory.mkdir()
    (directory / DATABASE_FILES[connection.vendor]).write_bytes(b"not a database")
    with tarfile.open(directory / "media.tar.gz", "w:gz") as tar:
        member = member or tar_member("plan.pdf")
        tar.addfile(member, io.BytesIO(b"evil") if member.isfile() else None)
    manifest = {
        "created_at": "2026-11-26T03:00:00+00:00",
        "database": {"vendor": vendor, "file": database_file},
        "files": {"media": "media.tar.gz"},
    }
    (directory / "backup.json").write_text(json.dumps(manifest))
    return directory


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        ({"vendor": "mysql"}, "z bazy mysql"),
        ({"database_file": "../../etc/passwd"}, "brakuje plików"),
        ({"member": tar_member("../../../etc/cron.d/zlosliwy")}, "niebezpieczne"),
        ({"member": tar_member("hasla", link="/etc/passwd")}, "niebezpieczne"),
        ({"member": tar_member("hasla", link="../../../etc/passwd")}, "niebezpieczne"),
    ],
)
@pytest.mark.django_db
def test_broken_or_foreign_backup_is_refused_before_anything_changes(
    site_tree, file_storages, tmp_path, broken, reason
):
    kopia = fake_backup(tmp_path / "kopia", **broken)

    with pytest.raises(CommandError, match=reason):
        restore(kopia)

    assert Page.objects.filter(slug="o-budzecie").exists()
    assert not (tmp_path / "media").exists()
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize("content", [None, "", "{", '{"database": []}', "[1, 2]", '"\\u0000"'])
@pytest.mark.django_db
def test_directory_that_is_not_a_backup_is_refused(tmp_path, content):
    if content is not None:
        (tmp_path / "backup.json").write_text(content)

    with pytest.raises(CommandError, match="nie jest kopią zapasową"):
        restore(tmp_path)


@pytest.mark.django_db
def test_restore_asks_first_and_stops_on_anything_but_yes(site_tree, file_storages, tmp_path, monkeypatch):
    kopia = fake_backup(tmp_path / "kopia")
    monkeypatch.setattr("builtins.input", lambda prompt: "nie")

    with pytest.raises(CommandError, match="nic nie zmieniono"):
        call_command("restore", str(kopia), stdout=io.StringIO())

    assert Page.objects.filter(slug="o-budzecie").exists()
    assert not (tmp_path / "media").exists()
