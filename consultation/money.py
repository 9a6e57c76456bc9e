from django.utils.translation import gettext as _

NBSP = "\u00a0"


def zloty(amount):
    """An amount in PLN the Polish way: "7 600 000 zł", with non-breaking spaces."""
    if amount is None:
        return ""
    digits = f"{int(amount):,}".replace(",", NBSP)
    return f"{digits}{NBSP}{_('zł')}"
