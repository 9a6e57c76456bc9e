from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", _("dobre praktyki")
    EDUCATION = "education", _("materiał edukacyjny")
    IN_THE_CITY = "in_the_city", _("co działa w mieście")


# The kind's segment of the public address, e.g. /dobre-praktyki/rodzaj/dobre-praktyki/.
ARTICLE_KIND_SLUGS = {
    ArticleKind.GOOD_PRACTICE: "dobre-praktyki",
    ArticleKind.EDUCATION: "edukacja",
    ArticleKind.IN_THE_CITY: "co-dziala-w-miescie",
}


class LegalActType(models.TextChoices):
    RESOLUTION = "resolution", _("uchwała Rady Miejskiej")
    ORDER = "order", _("zarządzenie Prezydenta Miasta")
    REGULATIONS = "regulations", _("regulamin")
    STATUTE = "statute", _("ustawa")


class LegalActStatus(models.TextChoices):
    DRAFT = "draft", _("projekt")
    IN_CONSULTATION = "in_consultation", _("w konsultacjach")
    IN_FORCE = "in_force", _("obowiązujący")
    REPEALED = "repealed", _("uchylony")


class MaterialType(models.TextChoices):
    PRESENTATION = "presentation", _("prezentacja")
    GUIDE = "guide", _("poradnik")
    REPORT = "report", _("raport")
    RECORDING = "recording", _("nagranie")
    LEAFLET = "leaflet", _("ulotka")


class MaterialLanguage(models.TextChoices):
    POLISH = "pl", _("polski")
    ENGLISH = "en", _("angielski")
    UKRAINIAN = "uk", _("ukraiński")
    POLISH_SIGN = "pjm", _("polski język migowy")


class TrainingAudience(models.TextChoices):
    OFFICIALS = "officials", _("urzędnicy")
    MUNICIPAL_STAFF = "municipal_staff", _("pracownicy jednostek miejskich")
    NGOS = "ngos", _("organizacje pozarządowe")
    RESIDENTS = "residents", _("mieszkańcy")


class RegistrationStatus(models.TextChoices):
    """A registration for a training (the states of `materials.policies.RegistrationPolicy`)."""

    CONFIRMED = "confirmed", _("miejsce potwierdzone")
    WAITING_LIST = "waiting_list", _("lista rezerwowa")
    CANCELLED = "cancelled", _("rezygnacja")
    ATTENDED = "attended", _("obecność potwierdzona")


class ContactStatus(models.TextChoices):
    """A question sent through a contact form (`materials.policies.ContactPolicy`)."""

    TO_HANDLE = "to_handle", _("do załatwienia")
    HANDLED = "handled", _("załatwione")
    SPAM = "spam", _("spam")


class AccessibilityRequestStatus(models.TextChoices):
    """A request to make content accessible (`materials.policies.AccessibilityRequestPolicy`)."""

    NEW = "new", _("nowe")
    IN_PROGRESS = "in_progress", _("w realizacji")
    EXTENDED = "extended", _("przedłużone (powiadomiono)")
    DONE = "done", _("zrealizowane")
    REFUSED = "refused", _("odmowa (z uzasadnieniem)")
    SPAM = "spam", _("spam")
