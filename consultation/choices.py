from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("oczekuje")
    APPROVED = "approved", _("zatwierdzona")
    REJECTED = "rejected", _("odrzucona")
    SPAM = "spam", _("spam")


class SubmissionLanguage(models.TextChoices):
    """The language of the page a submission was sent from (settings.LANGUAGES)."""

    PL = "pl", _("polski")
    EN = "en", _("angielski")
    UK = "uk", _("ukraiński")


class ModerationMode(models.TextChoices):
    PRE = "pre", _("przed publikacją (moderator zatwierdza każdą uwagę)")
    POST = "post", _("po publikacji (uwagi widać od razu, moderator może je ukryć)")


class RejectionReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("nie dotyczy przedmiotu konsultacji")
    OFFENSIVE = "offensive", _("treść obraźliwa lub naruszająca prawo")
    PERSONAL_DATA = "personal_data", _("zawiera dane osobowe innych osób")
    DUPLICATE = "duplicate", _("powtórzenie innej uwagi")
    ADVERTISING = "advertising", _("reklama")
    OTHER = "other", _("inny powód")


class ResponseOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("uwzględniono")
    PARTIALLY = "partially", _("uwzględniono częściowo")
    NOT_ACCEPTED = "not_accepted", _("nie uwzględniono")
    OUT_OF_SCOPE = "out_of_scope", _("poza zakresem konsultacji")


class ConsultationPhase(models.TextChoices):
    UPCOMING = "upcoming", _("planowana")
    OPEN = "open", _("trwa")
    CLOSED = "closed", _("zakończona")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("złożony")
    FORMAL = "formal", _("weryfikacja formalna")
    SUBSTANTIVE = "substantive", _("weryfikacja merytoryczna")
    POSITIVE = "positive", _("zweryfikowany pozytywnie")
    NEGATIVE = "negative", _("zweryfikowany negatywnie")
    APPEALED = "appealed", _("odwołanie")
    APPEAL_REJECTED = "appeal_rejected", _("odwołanie odrzucone")
    ON_BALLOT = "on_ballot", _("dopuszczony do głosowania")
    SELECTED = "selected", _("wybrany")
    NOT_SELECTED = "not_selected", _("niewybrany")
    IN_PROGRESS = "in_progress", _("w realizacji")
    IMPLEMENTED = "implemented", _("zrealizowany")
    WITHDRAWN = "withdrawn", _("wycofany")
    MERGED = "merged", _("połączony")
    SPAM = "spam", _("spam")


class BudgetPhase(models.TextChoices):
    UPCOMING = "upcoming", _("przed naborem projektów")
    SUBMISSION = "submission", _("zgłaszanie projektów")
    VERIFICATION = "verification", _("weryfikacja projektów")
    APPEALS = "appeals", _("odwołania")
    VOTING = "voting", _("głosowanie")
    RESULTS = "results", _("ogłoszenie wyników")
    REALISATION = "realisation", _("realizacja projektów")


class TieDecision(models.TextChoices):
    NONE = "", _("brak (remisu nie rozstrzygnięto)")
    WINS = "wins", _("wygrywa remis (np. po losowaniu)")
    LOSES = "loses", _("przegrywa remis")


class VotingIdentity(models.TextChoices):
    PERSONAL = "personal", _("dane osobowe (imiona, nazwisko, data urodzenia, adres)")
    PESEL = "pesel", _("numer PESEL")


class VotingAreaRule(models.TextChoices):
    ANY = "any", _("projekty z jednej, dowolnej dzielnicy")
    OWN = "own", _("tylko projekty z dzielnicy, w której głosujący mieszka")


class DuplicateRule(models.TextChoices):
    FIRST_COUNTS = "first", _("liczy się pierwsza karta, następne są nieważne")
    ALL_VOID = "void_all", _("wszystkie karty tej osoby są nieważne")


class BallotChannel(models.TextChoices):
    ONLINE = "online", _("internet")
    PAPER = "paper", _("papier")


class BallotStatus(models.TextChoices):
    VALID = "valid", _("ważna")
    DUPLICATE = "duplicate", _("nieważna: ta osoba głosowała już wcześniej")
    VOID_DUPLICATE = "void_all", _("nieważna: ta osoba głosowała więcej niż raz")
    INVALIDATED = "invalidated", _("unieważniona przez urząd")


class CodeChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("e-mail")
