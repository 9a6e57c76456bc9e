"""Signs that a resident's name or text poses as the city: the public page sets the city's official
response apart with a check mark and the words "Oficjalna odpowiedź Urzędu Miejskiego", so a
comment signed "Urząd Miejski" or opening with "✔ Oficjalna odpowiedź" could pass for it. The inbox
marks such submissions for the moderator; it decides."""

import unicodedata

from django.utils.translation import gettext_lazy as _

# Compared without case, diacritics and repeated spaces, so "URZAD  miejski" matches too.
CITY_PHRASES = [
    "urząd miejski",
    "urzędu miejskiego",
    "urząd miasta",
    "urzędu miasta",
    "prezydent miasta",
    "w imieniu miasta",
    "w imieniu urzędu",
    "oficjalna odpowiedź",
    "odpowiedź urzędu",
    "stanowisko urzędu",
    "zespół moderatorów",
    "moderator serwisu",
    "administrator serwisu",
]
CHECK_MARKS = "✓✔☑✅🗸√✚"


def _plain(text):
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


PLAIN_PHRASES = [(_plain(phrase), phrase) for phrase in CITY_PHRASES]


def impersonation_signs(texts):
    """What in these texts looks like the city's own voice, as short Polish descriptions."""
    signs = []
    for text in texts:
        if not isinstance(text, str):
            continue
        stripped = text.lstrip()
        if stripped[:1] and stripped[0] in CHECK_MARKS:
            signs.append(_("zaczyna się od znaku „%(mark)s”") % {"mark": stripped[0]})
        plain = _plain(text)
        signs += [
            _("zawiera słowa „%(phrase)s”") % {"phrase": phrase}
            for key, phrase in PLAIN_PHRASES
            if key in plain
        ]
    return list(dict.fromkeys(signs))
