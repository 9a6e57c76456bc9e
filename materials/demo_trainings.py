"""Demo trainings and the contact form: two trainings that took place (attendance marked, so the
list counts trained people), one full with a reserve list, one open for registration, and the
"Zadaj pytanie" form with two questions in the inbox. Registrations go through the same code as the
public form, so seats and the reserve list are what the site itself would give. Safe to run twice."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from consultation.models import PrivacyNotice, Submission
from consultation.models.saving import keyed_hash
from home.demo import demo_builder, demo_document, ensure_child, paragraph, stream
from home.models import HomePage

from .choices import TrainingAudience
from .models import FormPage, TrainingDocument, TrainingIndexPage, TrainingPage
from .policies import RegistrationPolicy

A = TrainingAudience
PEOPLE = [
    "Agnieszka Wróbel",
    "Łukasz Zieliński",
    "Małgorzata Kaczmarczyk",
    "Paweł Górecki",
    "Żaneta Dąbrowska",
    "Tomasz Śliwa",
    "Elżbieta Nowicka",
    "Grzegorz Pietrzyk",
    "Joanna Kołodziej",
    "Michał Łęcki",
    "Beata Ćwiklińska",
    "Rafał Mazur",
    "Katarzyna Źrałek",
    "Piotr Kowalczyk",
]


def _register(page, people, attended=0):
    """Registrations of `people` as the public form makes them (seats, then the reserve list);
    the first `attended` are marked present by the moderator."""
    moderator = get_user_model().objects.filter(username="moderator").first()
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    consent = next(name for label, name in fields.items() if label.startswith("Zgadzam się"))
    mark = RegistrationPolicy().action("mark_attended")
    for number, name in enumerate(people):
        email = f"uczestnik{number + 1}.{page.slug[:20]}@example.invalid"
        submission = Submission(
            page=page,
            form_data={
                fields["Imię i nazwisko"]: name,
                fields["E-mail"]: email,
                fields["Instytucja lub organizacja"]: "Urząd Miejski w Sosnowcu" if number % 2 else "",
                consent: True,
            },
            status=page.initial_status(),
            consent_at=timezone.now(),
            sender_key=keyed_hash(email),
            sender_slot=1,
        )
        submission.save()
        if number < attended:
            submission.apply(mark, moderator)


def _training(index, slug, title, starts, *, capacity, audience, trainer, lead, place, online_url=""):
    page, created = ensure_child(
        index,
        TrainingPage,
        slug,
        title=title,
        lead=lead,
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        # A day more than the furthest demo training is away, so its registration is open at any hour.
        registration_opens_at=starts - timedelta(days=31),
        registration_closes_at=starts - timedelta(hours=12),
        place=place,
        address="al. Zwycięstwa 20, 41-200 Sosnowiec" if place else "",
        online_url=online_url,
        trainer=trainer,
        audience=audience,
        capacity=capacity,
        privacy_notice=PrivacyNotice.objects.first(),
        thank_you_text="Dziękujemy za zapis! Potwierdzenie i link do rezygnacji wysłaliśmy e-mailem.",
        programme=stream(
            paragraph(
                "9:00 – powitanie i krótkie przedstawienie uczestników.",
                "9:30 – jak wygląda cykl budżetu obywatelskiego w Sosnowcu: od zgłoszenia projektu do "
                "jego realizacji.",
                "11:00 – przerwa kawowa.",
                "11:15 – ćwiczenia w grupach na przykładach projektów z poprzednich edycji.",
                "12:45 – pytania i podsumowanie.",
            ),
        ),
    )
    return page, created


@demo_builder(order=35)
def build_trainings(stdout):
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    index, created = ensure_child(
        home,
        TrainingIndexPage,
        "szkolenia",
        title="Szkolenia",
        show_in_menus=True,
        lead=(
            "Bezpłatne szkolenia z konsultacji społecznych i budżetu obywatelskiego dla urzędników, "
            "pracowników jednostek miejskich, organizacji pozarządowych i mieszkańców."
        ),
        body="[]",
    )
    if created:
        stdout.write("  szkolenia")
        _trainings(index)
    _contact_form(home, stdout)


def _trainings(index):
    today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    first, _ = _training(
        index,
        "konsultacje-spoleczne-od-podstaw",
        "Konsultacje społeczne od podstaw",
        today - timedelta(days=60),
        capacity=12,
        audience=[A.OFFICIALS, A.MUNICIPAL_STAFF],
        trainer="dr Marta Lis, Wydział Komunikacji Społecznej",
        lead="Jak zaplanować konsultacje, dobrać ich formy i napisać raport, który mieszkańcy przeczytają.",
        place="Sala Sesyjna Urzędu Miejskiego",
    )
    second, _ = _training(
        index,
        "budzet-obywatelski-dla-organizacji",
        "Budżet obywatelski dla organizacji pozarządowych",
        today - timedelta(days=20),
        capacity=10,
        audience=[A.NGOS, A.RESIDENTS],
        trainer="Fundacja Aktywnego Sosnowca",
        lead="Jak przygotować dobry projekt, zebrać poparcie i przeprowadzić kampanię przed głosowaniem.",
        place="",
        online_url="https://spotkania.sosnowiec.invalid/bo-organizacje",
    )
    _register(first, PEOPLE[:11], attended=9)
    _register(second, PEOPLE[3:12], attended=8)
    presentation = demo_document(
        "Prezentacja: konsultacje społeczne od podstaw",
        "konsultacje-od-podstaw.pdf",
        ["Konsultacje spoleczne od podstaw", "Prezentacja ze szkolenia"],
    )
    TrainingDocument.objects.create(page=first, document=presentation)
    full, _ = _training(
        index,
        "moderowanie-spotkan-z-mieszkancami",
        "Moderowanie spotkań z mieszkańcami",
        today + timedelta(days=14),
        capacity=6,
        audience=[A.OFFICIALS, A.MUNICIPAL_STAFF, A.NGOS],
        trainer="Anna Kowalska, moderatorka konsultacji",
        lead="Jak prowadzić spotkanie, na którym każdy zdąży się wypowiedzieć, także gdy emocje rosną.",
        place="Centrum Organizacji Pozarządowych",
    )
    _register(full, PEOPLE[:9])
    _training(
        index,
        "dostepna-komunikacja-z-mieszkancami",
        "Dostępna komunikacja z mieszkańcami",
        today + timedelta(days=30),
        capacity=20,
        audience=[A.OFFICIALS, A.MUNICIPAL_STAFF, A.NGOS, A.RESIDENTS],
        trainer="Jan Wiśniewski, specjalista ds. dostępności",
        lead="Prosty język, dostępne dokumenty i spotkania, w których mogą wziąć udział wszyscy.",
        place="Sala Sesyjna Urzędu Miejskiego",
    )


def _contact_form(home, stdout):
    page, created = ensure_child(
        home,
        FormPage,
        "zadaj-pytanie",
        title="Zadaj pytanie",
        lead="Nie wiesz, jak zgłosić projekt albo gdzie zagłosować? Napisz do nas.",
        privacy_notice=PrivacyNotice.objects.first(),
        notify_emails="bo@sosnowiec.invalid",
        thank_you_text="Dziękujemy! Odpowiemy na podany adres e-mail, zwykle w ciągu 14 dni.",
        body=stream(
            paragraph(
                "Odpowiadamy na pytania o budżet obywatelski, konsultacje społeczne i szkolenia. "
                "Wnioski formalne (np. odwołanie od oceny projektu) składaj w sposób opisany w regulaminie."
            )
        ),
    )
    if not created:
        return
    stdout.write("  formularz kontaktowy")
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    for name, subject, text in (
        (
            "Halina Brzęczek",
            "Głosowanie",
            "Czy mogę głosować, jeśli jestem zameldowana w Będzinie, a mieszkam w Sosnowcu?",
        ),
        ("", "Projekt w parku", "Kto zdecyduje, czy mój projekt ławek w parku Sieleckim jest wykonalny?"),
    ):
        Submission.objects.create(
            page=page,
            form_data={
                fields["Imię i nazwisko"]: name,
                fields["E-mail"]: "mieszkaniec@example.invalid",
                fields["Temat"]: subject,
                fields["Treść pytania"]: text,
            },
            status=page.initial_status(),
            consent_at=timezone.now(),
        )
