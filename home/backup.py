"""Backups of the database and of the uploaded files, and their restore (`manage.py backup` and
`manage.py restore`).

A backup is a directory: `backup.json` (what it holds), the database (PostgreSQL: a `pg_dump` of
the custom format; SQLite: a copy made with SQLite's online backup API, safe while the site runs)
and one `.tar.gz` per file storage kept on this machine's disk (public media, residents' private
attachments). Media on object storage are not copied: the bucket's own versioning keeps them.

A restore checks the whole backup before it changes anything, then replaces the database
(`pg_restore --clean` in one transaction, or SQLite's backup API in reverse) and extracts the files
over their directories (nothing outside them: tarfile's "data" filter)."""

import json
import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.utils import timezone

MANIFEST = "backup.json"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Archive name → the storage whose files it holds.
FILE_STORAGES = {"media": "default", "private-media": "private"}


class BackupError(Exception):
    pass


def local_file_roots():
    """{archive name: directory} for the storages kept on this machine's disk."""
    return {
        name: Path(storages[alias].location)
        for name, alias in FILE_STORAGES.items()
        if isinstance(storages[alias], FileSystemStorage)
    }


def postgres_environment():
    """libpq's variables for pg_dump and pg_restore: the password stays out of the process list."""
    db = connection.settings_dict
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db.get("NAME"),
        "PGSSLMODE": db.get("OPTIONS", {}).get("sslmode"),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def run(command):
    try:
        result = subprocess.run(command, env=postgres_environment(), capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} nie jest zainstalowany (pakiet postgresql-client).") from error
    if result.returncode:
        raise BackupError(f"{command[0]} zakończył się błędem: {result.stderr.strip()}")


def outside_transactions():
    # Another connection (pg_dump) would not see this one's open transaction; SQLite's backup would
    # wait for it for ever.
    if connection.in_atomic_block:
        raise BackupError("Kopii zapasowej nie można robić ani przywracać wewnątrz transakcji.")


def database_vendor():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Kopie zapasowe obsługują PostgreSQL i SQLite, nie {connection.vendor}.")
    return connection.vendor


def dump_database(path):
    outside_transactions()
    if connection.vendor == "postgresql":
        run(["pg_dump", "--format=custom", "--file", str(path)])
        return
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def load_database(path):
    outside_transactions()
    if connection.vendor == "postgresql":
        # pg_restore's own connection must not wait for a lock this process holds.
        connection.close()
        database = connection.settings_dict["NAME"]
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                database,
                str(path),
            ]
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def create_backup(directory):
    """Writes a backup into `directory` (new or empty); returns its manifest."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"Katalog {directory} nie jest pusty; podaj nowy katalog na kopię.")
    vendor = database_vendor()
    # The backup holds residents' personal data: readable by its owner only.
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    manifest = {
        "format": 1,
        "created_at": timezone.now().isoformat(),
        "database": {"vendor": vendor, "file": DATABASE_FILES[vendor]},
        "files": {},
    }
    dump_database(directory / DATABASE_FILES[vendor])
    for name, root in local_file_roots().items():
        archive = f"{name}.tar.gz"
        with tarfile.open(directory / archive, "w:gz") as tar:
            if root.is_dir():
                tar.add(root, arcname=".")
        manifest["files"][name] = archive
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2))
    for path in directory.iterdir():
        os.chmod(path, 0o600)
    return manifest


def read_backup(directory):
    """The manifest of a complete backup that fits this site, or BackupError saying what is wrong."""
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
        vendor = manifest["database"]["vendor"]
        files = [manifest["database"]["file"], *manifest["files"].values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"{directory} nie jest kopią zapasową z `manage.py backup`.") from error
    if vendor != database_vendor():
        raise BackupError(f"Ta kopia jest z bazy {vendor}, a serwis używa {connection.vendor}.")
    missing = [name for name in files if not (directory / Path(name).name).is_file()]
    if missing:
        raise BackupError(f"W kopii brakuje plików: {', '.join(missing)}.")
    for archive in manifest["files"].values():
        check_archive(directory / Path(archive).name)
    return manifest


def check_archive(path):
    """Every member would land inside its directory as a plain file or folder."""
    destination = path.parent / "restore-check"
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                tarfile.data_filter(member, str(destination))
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"Archiwum {path.name} jest uszkodzone albo niebezpieczne: {error}") from error


def restore_backup(directory):
    directory = Path(directory)
    manifest = read_backup(directory)
    roots = local_file_roots()
    load_database(directory / Path(manifest["database"]["file"]).name)
    for name, archive in manifest["files"].items():
        if name not in roots:
            continue
        roots[name].mkdir(parents=True, exist_ok=True)
        with tarfile.open(directory / Path(archive).name, "r:gz") as tar:
            tar.extractall(roots[name], filter="data")
    return manifest
