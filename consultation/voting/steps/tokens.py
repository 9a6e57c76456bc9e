"""The signed step token (`karta`) that carries a started ballot from one step to the next without
a session: the step it is for, the page, and the chosen projects or the waiting code's id. Nothing
personal is in it. A changed token fails its signature; an old one its age."""

from django.conf import settings
from django.core import signing

SALT = "consultation.voting.step"
CHOOSE, IDENTIFY, CONFIRM = "choose", "identify", "confirm"


class BadStep(Exception):
    pass


def make(step, page, **data):
    return signing.dumps({"step": step, "page": page.pk, **data}, salt=SALT)


def read(token, step, page):
    try:
        data = signing.loads(token or "", salt=SALT, max_age=settings.VOTING_STEP_MAX_AGE)
    except signing.BadSignature:
        raise BadStep from None
    if not isinstance(data, dict) or data.get("step") != step or data.get("page") != page.pk:
        raise BadStep
    return data
