"""The voter's identity as a keyed hash. Names are compared without case, spaces and Polish
diacritics ("Łucja Żak" is "lucja zak"), a second name "Brak" is no second name; the key is an HMAC
with a secret from settings, so the stored value reveals nobody without that secret. The voting
page's id is part of the message: keys of two editions cannot be matched."""

import hashlib
import hmac
import re
import unicodedata

from django.conf import settings

# Letters that Unicode does not decompose into a base letter and a mark.
EXTRA_FOLDS = str.maketrans({"ł": "l", "ß": "ss", "ø": "o", "đ": "d"})
NO_SECOND_NAME = {"", "brak", "-", "–", "nie mam", "nie posiadam"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.casefold().translate(EXTRA_FOLDS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[\s\-–]+", " ", text).strip()
    return text


def secret():
    return (settings.VOTING_IDENTITY_SECRET or settings.SECRET_KEY).encode()


def keyed_hash(*parts):
    message = "\x1f".join(str(part) for part in parts).encode()
    return hmac.new(secret(), message, hashlib.sha256).hexdigest()


def personal_key(page_id, first_name, second_name, surname, birth_date):
    second = fold(second_name)
    if second in NO_SECOND_NAME:
        second = ""
    return keyed_hash("person", page_id, fold(first_name), second, fold(surname), birth_date.isoformat())


def pesel_key(page_id, pesel):
    return keyed_hash("pesel", page_id, pesel)


def phone_key(page_id, phone):
    return keyed_hash("phone", page_id, phone)


def code_hash(vote_code_id, code):
    return keyed_hash("code", vote_code_id, code)
