"""The demo accessibility statement of the City of Sosnowiec's participatory budget site, written
in our own words; the facilities it lists are the ones this site has."""

import datetime

from .demo import ensure_child
from .models import StandardPage
from .statement import (
    AccessibilityIssue,
    AccessibilityStatementPage,
    AssessmentMethod,
    ComplianceStatus,
    IssueKind,
)

SLUG = "deklaracja-dostepnosci"

ISSUES = [
    (
        IssueKind.NON_COMPLIANT,
        "Część plików PDF z materiałami szkoleń z lat 2013–2014",
        "To skany bez warstwy tekstowej, więc czytnik ekranu ich nie odczyta. Na żądanie przygotujemy "
        "wersję tekstową w ciągu 7 dni; do końca 2027 r. zastąpimy je dostępnymi plikami.",
    ),
    (
        IssueKind.NON_COMPLIANT,
        "Zdjęcia w starszych aktualnościach",
        "Nie wszystkie zdjęcia opublikowane przed 2026 r. mają opisy alternatywne. Uzupełniamy je "
        "przy każdej edycji tych aktualności.",
    ),
    (
        IssueKind.EXCLUDED,
        "Nagrania spotkań konsultacyjnych opublikowane przed 23 września 2020 r.",
        "Ustawa nie obejmuje multimediów opublikowanych przed tą datą. Na prośbę przygotujemy "
        "streszczenie spotkania w tekście.",
    ),
    (
        IssueKind.EXCLUDED,
        "Dokumenty biurowe opublikowane przed 23 września 2018 r.",
        "Ustawa nie obejmuje starszych plików, jeśli nie są potrzebne do załatwienia sprawy. Wersję "
        "dostępną wyślemy na żądanie.",
    ),
]


def build_statement(home, stdout):
    old = home.get_children().filter(slug=SLUG).type(StandardPage).first()
    if old is not None:  # the short page of earlier demo sites
        old.delete()
    page, created = ensure_child(
        home,
        AccessibilityStatementPage,
        SLUG,
        title="Deklaracja dostępności",
        lead=(
            "Jak dostępny jest ten serwis dla osób z niepełnosprawnościami, czego jeszcze nie "
            "poprawiliśmy i jak zażądać dostępnej wersji treści."
        ),
        entity="Urząd Miejski w Sosnowcu",
        site_name="Budżet Obywatelski w Sosnowcu",
        site_published=datetime.date(2014, 6, 2),
        site_updated=datetime.date(2026, 9, 1),
        status=ComplianceStatus.PARTIAL,
        issues=[
            AccessibilityIssue(kind=kind, content=content, reason=reason, sort_order=number)
            for number, (kind, content, reason) in enumerate(ISSUES)
        ],
        prepared_on=datetime.date(2026, 9, 15),
        assessment_method=AssessmentMethod.SELF,
        additional_info=(
            "<ul><li>W nagłówku każdej strony można włączyć wysoki kontrast i większy tekst; serwis "
            "zapamięta ten wybór.</li>"
            "<li>Link „Przejdź do treści” na początku strony pozwala ominąć menu.</li>"
            "<li>Element, na którym jest fokus klawiatury, ma wyraźną ramkę.</li>"
            "<li>Formularze działają bez JavaScriptu, a błędy są opisane przy polach, których dotyczą.</li>"
            "<li>Serwis nie ma własnych skrótów klawiszowych: działają skróty przeglądarki i czytnika ekranu.</li></ul>"
        ),
        contact_person="Koordynator do spraw dostępności Urzędu Miejskiego w Sosnowcu",
        contact_email="dostepnosc@sosnowiec.invalid",
        contact_phone="+48 32 296 00 00",
        complaint_to="Prezydent Miasta Sosnowca\nUrząd Miejski w Sosnowcu\nAl. Zwycięstwa 20\n41-200 Sosnowiec",
        architecture=(
            "<p>Siedziba urzędu: Al. Zwycięstwa 20, 41-200 Sosnowiec.</p>"
            "<ul><li>Do głównego wejścia prowadzi podjazd, drzwi otwierają się automatycznie.</li>"
            "<li>Biuro Obsługi Mieszkańców jest na parterze; na wyższe piętra można wjechać windą.</li>"
            "<li>Toaleta dostosowana do potrzeb osób na wózkach jest na parterze.</li>"
            "<li>Przy budynku są dwa miejsca parkingowe dla osób z niepełnosprawnościami.</li>"
            "<li>Na stanowiskach obsługi działa pętla indukcyjna.</li>"
            "<li>Do budynku można wejść z psem asystującym.</li></ul>"
            "<p>Spotkania konsultacyjne w dzielnicach organizujemy w salach bez progów i schodów albo z windą; "
            "informację o dostępności sali podajemy w zaproszeniu.</p>"
        ),
        communication=(
            "<p>Osoby doświadczające trudności w komunikowaniu się mogą skorzystać z pomocy tłumacza "
            "polskiego języka migowego (PJM) lub systemu językowo-migowego (SJM) w urzędzie albo przez "
            "wideopołączenie. Zgłoś taką potrzebę co najmniej 3 dni robocze przed wizytą: e-mailem, "
            "formularzem żądania pod tą deklaracją albo przez inną osobę.</p>"
            "<p>Z urzędem skontaktujesz się także listownie, e-mailem i przez ePUAP. Na spotkania "
            "konsultacyjne możesz przyjść z osobą przybraną.</p>"
        ),
    )
    if created:
        stdout.write("  Deklaracja dostępności")
    return page
