"""Demo: the form "Żądanie zapewnienia dostępności" under the accessibility statement, with two
requests in the inbox: one within its 7 days, one past them."""

from datetime import timedelta

from django.utils import timezone

from consultation.models import PrivacyNotice, Submission
from home.demo import demo_builder, ensure_child, paragraph, stream
from home.models import AccessibilityStatementPage

from .models import AccessibilityRequestFormPage

REQUESTS = [
    # (days ago, name, page address, what is inaccessible, the form wanted)
    (
        2,
        "Irena Pawlik",
        "/szkolenia/",
        "Program szkolenia jest w pliku PDF, którego mój czytnik ekranu nie odczytuje.",
        "dostępny plik Word albo tekst na stronie",
    ),
    (
        10,
        "Marek Sowa",
        "/aktualnosci/",
        "Nagranie ze spotkania o budżecie w Zagórzu nie ma napisów.",
        "napisy albo zapis rozmowy w tekście",
    ),
]


@demo_builder(order=37)
def build_accessibility_request_form(stdout):
    statement = AccessibilityStatementPage.objects.filter(slug="deklaracja-dostepnosci").first()
    if statement is None:
        return
    page, created = ensure_child(
        statement,
        AccessibilityRequestFormPage,
        "zadanie-zapewnienia-dostepnosci",
        title="Żądanie zapewnienia dostępności",
        lead=(
            "Jeśli jakaś treść w serwisie jest dla Ciebie niedostępna, zażądaj jej dostosowania albo "
            "udostępnienia w innej formie."
        ),
        privacy_notice=PrivacyNotice.objects.first(),
        notify_emails="dostepnosc@sosnowiec.invalid",
        thank_you_text="Dziękujemy! Odpowiemy najpóźniej w ciągu 7 dni na podany adres e-mail.",
        body=stream(
            paragraph(
                "Możesz żądać, żebyśmy poprawili stronę, plik lub nagranie albo przekazali Ci ich treść "
                "w inny sposób, np. jako dostępny dokument, tekst łatwy do czytania lub tłumaczenie na "
                "polski język migowy.",
                "Żądanie możesz też wysłać e-mailem lub złożyć w Biurze Obsługi Mieszkańców: dane "
                "kontaktowe są w deklaracji dostępności.",
            )
        ),
    )
    if not created:
        return
    stdout.write("  formularz żądania zapewnienia dostępności")
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    for days_ago, name, path, problem, wanted in REQUESTS:
        submission = Submission.objects.create(
            page=page,
            form_data={
                fields["Imię i nazwisko"]: name,
                fields["E-mail"]: "mieszkaniec@example.invalid",
                fields["Adres strony, której dotyczy żądanie"]: statement.get_site().root_url + path,
                fields["Co jest dla Ciebie niedostępne"]: problem,
                fields["W jakiej formie chcesz otrzymać tę treść"]: wanted,
            },
            status=page.initial_status(),
            consent_at=timezone.now(),
        )
        Submission.objects.filter(pk=submission.pk).update(
            submit_time=timezone.now() - timedelta(days=days_ago)
        )
