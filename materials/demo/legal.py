"""Demo legal acts: the statute, resolutions, an order and regulations in every status, one of them
linked to the demo consultation held about it."""

from datetime import date, timedelta

from django.utils import timezone
from wagtail.coreutils import string_to_ascii

from consultation.models import ConsultationPage
from home.demo import demo_document, ensure_child, ensure_section

from ..choices import LegalActStatus, LegalActType
from ..models import LegalActConsultation, LegalActDocument, LegalActIndexPage, LegalActPage


def build_legal_acts(home, stdout):
    index = ensure_section(
        home,
        LegalActIndexPage,
        "prawo",
        stdout,
        "prawo",
        title="Prawo",
        lead="Uchwały, zarządzenia i regulaminy, na których opierają się konsultacje i budżet obywatelski.",
    )
    consultations = {page.slug: page for page in ConsultationPage.objects.filter(locale=home.locale)}
    today = timezone.localdate()
    for slug, consultation, days, fields in LEGAL_ACTS:
        fields = dict(fields)
        if days:  # adopted and in force so many days from today, numbered with that year
            fields["adopted_on"] = today + timedelta(days=days[0])
            fields["in_force_from"] = today + timedelta(days=days[1])
            fields["number"] += f"/{fields['adopted_on'].year}"
        document = demo_document(
            fields["title"], f"{slug}.pdf", [string_to_ascii(fields["title"]), fields["number"]]
        )
        linked = consultations.get(consultation)
        ensure_child(
            index,
            LegalActPage,
            slug,
            documents=[LegalActDocument(document=document)],
            consultation_links=[LegalActConsultation(consultation=linked)] if linked else [],
            **fields,
        )


BIP = {
    "publication_name": "Biuletyn Informacji Publicznej Urzędu Miejskiego",
    "publication_url": "https://bip.sosnowiec.invalid/akty-prawne",
}
GAZETTE = {
    "publication_name": "Dziennik Urzędowy Województwa Śląskiego",
    "publication_url": "https://dziennik.slask.invalid/",
}

LEGAL_ACTS = [
    # (slug, slug of the consultation held about it, (adopted, in force) in days from today, fields)
    (
        "ustawa-o-samorzadzie-gminnym",
        "",
        None,
        {
            "title": "Ustawa o samorządzie gminnym (art. 5a)",
            "act_type": LegalActType.STATUTE,
            "number": "",
            "status": LegalActStatus.IN_FORCE,
            "adopted_on": date(1990, 3, 8),
            "in_force_from": date(1990, 5, 27),
            "lead": "Podstawa konsultacji społecznych i budżetu obywatelskiego w każdej gminie.",
            "summary": (
                "<ul><li>Gmina może przeprowadzać konsultacje z mieszkańcami w ważnych dla niej sprawach.</li>"
                "<li>Zasady i tryb konsultacji określa uchwała rady gminy.</li>"
                "<li>Budżet obywatelski jest szczególną formą konsultacji: mieszkańcy co roku decydują "
                "w głosowaniu o części wydatków gminy.</li></ul>"
            ),
            "publication_name": "Dz.U. 1990 nr 16 poz. 95 (Internetowy System Aktów Prawnych)",
            "publication_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19900160095",
        },
    ),
    (
        # Adopted after its consultation, which closed 90 days before the demo is built.
        "uchwala-o-konsultacjach-spolecznych",
        "regulamin-konsultacji-spolecznych",
        (-60, -30),
        {
            "title": "Uchwała w sprawie zasad i trybu przeprowadzania konsultacji społecznych",
            "act_type": LegalActType.RESOLUTION,
            "number": "XXXVIII/701",
            "status": LegalActStatus.IN_FORCE,
            "lead": "Regulamin konsultacji społecznych w Sosnowcu, przyjęty po konsultacjach z mieszkańcami.",
            "summary": (
                "<ul><li>Konsultacje trwają co najmniej 21 dni.</li>"
                "<li>Uwagi można zgłaszać przez internet, listownie i w Biurze Obsługi Mieszkańców.</li>"
                "<li>Po każdej konsultacji urząd publikuje raport z odpowiedziami na uwagi.</li></ul>"
            ),
            **GAZETTE,
        },
    ),
    (
        "projekt-uchwaly-budzet-obywatelski-2027",
        "zasady-budzetu-obywatelskiego-2027",
        None,
        {
            "title": "Projekt uchwały w sprawie budżetu obywatelskiego na 2027 rok",
            "act_type": LegalActType.RESOLUTION,
            "number": "",
            "status": LegalActStatus.IN_CONSULTATION,
            "lead": "Kto może zgłosić projekt, ile podpisów potrzeba i jak podzielimy pieniądze między dzielnice.",
            "summary": (
                "<ul><li>Projekt może zgłosić mieszkaniec, który ukończył 16 lat.</li>"
                "<li>Na budżet obywatelski przeznaczamy 8 000 000 zł.</li></ul>"
            ),
            **BIP,
        },
    ),
    (
        "budzet-obywatelski-2026",
        "",
        None,
        {
            "title": "Uchwała w sprawie budżetu obywatelskiego na 2026 rok",
            "act_type": LegalActType.RESOLUTION,
            "number": "XXIX/540/2025",
            "status": LegalActStatus.IN_FORCE,
            "adopted_on": date(2025, 3, 27),
            "in_force_from": date(2025, 4, 30),
            "lead": "Zasady edycji 2026: terminy, wymagania wobec projektów i sposób głosowania.",
            "summary": "<ul><li>Głosowanie przez internet i na papierze.</li><li>Pule pieniędzy dla każdej dzielnicy.</li></ul>",
            **GAZETTE,
        },
    ),
    (
        "zarzadzenie-zespol-ds-budzetu",
        "",
        None,
        {
            "title": "Zarządzenie w sprawie powołania Zespołu ds. budżetu obywatelskiego",
            "act_type": LegalActType.ORDER,
            "number": "412/2025",
            "status": LegalActStatus.IN_FORCE,
            "adopted_on": date(2025, 5, 12),
            "in_force_from": date(2025, 5, 12),
            "lead": "Kto w urzędzie weryfikuje projekty i odpowiada na pytania mieszkańców.",
            "summary": (
                "<ul><li>Zespół sprawdza projekty pod względem formalnym i prawnym.</li>"
                "<li>W zespole zasiadają przedstawiciele wydziałów i rad dzielnic.</li></ul>"
            ),
            **BIP,
        },
    ),
    (
        "regulamin-moderacji-uwag",
        "",
        None,
        {
            "title": "Regulamin moderacji uwag w serwisie konsultacji",
            "act_type": LegalActType.REGULATIONS,
            "number": "1/2026",
            "status": LegalActStatus.IN_FORCE,
            "adopted_on": date(2026, 1, 15),
            "in_force_from": date(2026, 2, 1),
            "lead": "Kiedy moderator publikuje uwagę, a kiedy ją odrzuca, i jak się od tego odwołać.",
            "summary": (
                "<ul><li>Moderator odrzuca uwagi obraźliwe, reklamy i dane osobowe innych osób.</li>"
                "<li>Każde odrzucenie ma podany powód.</li></ul>"
            ),
            **BIP,
        },
    ),
    (
        "uchwala-konsultacje-2014",
        "",
        None,
        {
            "title": "Uchwała w sprawie konsultacji społecznych z 2014 roku",
            "act_type": LegalActType.RESOLUTION,
            "number": "LXII/1220/2014",
            "status": LegalActStatus.REPEALED,
            "adopted_on": date(2014, 6, 26),
            "in_force_from": date(2014, 8, 1),
            "lead": "Pierwsze zasady konsultacji online w Sosnowcu, zastąpione nowym regulaminem.",
            "summary": "<ul><li>Wprowadziła konsultacje online projektów aktów prawa miejscowego.</li></ul>",
            **GAZETTE,
        },
    ),
]
