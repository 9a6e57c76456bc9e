from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files that must never have a public address (residents' attachments): the site hands them
    out only through views that check permissions."""

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view that checks access.")
