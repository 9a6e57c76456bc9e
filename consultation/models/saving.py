"""Saving a resident's submission: once per form (its one-time token), and where a form limits how
many one sender may send, in that sender's first free place; senders' addresses kept only as keyed hashes."""

import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction

from .submissions import Submission


def keyed_hash(text):
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def hash_ip(ip):
    return keyed_hash(ip) if ip else ""


class SenderLimitReached(Exception):
    pass


class AlreadySaved(Exception):
    """This form (its one-time token) was sent before and saved: `submission` is that one."""

    def __init__(self, submission):
        super().__init__(submission.pk)
        self.submission = submission


def raise_if_already_saved(submission):
    if not submission.form_token_key:
        return
    earlier = Submission.objects.filter(
        page_id=submission.page_id, form_token_key=submission.form_token_key
    ).first()
    if earlier is not None:
        raise AlreadySaved(earlier)


def save_once(submission):
    """Save the submission unless its form was saved before (AlreadySaved). The unique constraint
    decides, with no query before the insert: the same form sent again (also at the same moment,
    when the second waits on PostgreSQL for the first to commit and on SQLite for the write lock)
    fails it, and only then is the earlier one looked up."""
    try:
        with transaction.atomic():
            submission.save(force_insert=True)
    except IntegrityError:
        raise_if_already_saved(submission)
        raise


def save_in_free_slot(submission, limit):
    """Save the submission in the sender's first free place of `limit`; SenderLimitReached when
    none is left. A place taken at the same moment by another request fails the unique
    constraint, and the next free place is tried."""
    places = Submission.objects.filter(
        page_id=submission.page_id, sender_key=submission.sender_key, sender_slot__isnull=False
    )
    raise_if_already_saved(submission)  # the same form again is not a second place taken
    for _attempt in range(limit + 1):
        taken = set(places.values_list("sender_slot", flat=True))
        free = next((slot for slot in range(1, limit + 1) if slot not in taken), None)
        if free is None:
            raise SenderLimitReached
        submission.sender_slot = free
        try:
            save_once(submission)
            return
        except IntegrityError:
            continue
    raise SenderLimitReached
