"""Demo content of the knowledge part of the site: articles (good practices, education, what works in
Sosnowiec), legal acts (one linked to a demo consultation), the materials library and news.
Texts are written from the city's facts in our own words; pictures are drawn here with Pillow and
documents are small PDFs made here, so nothing is downloaded. Safe to run twice."""

from datetime import date, timedelta
from io import BytesIO

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.coreutils import string_to_ascii
from wagtail.images import get_image_model

from consultation.models import ConsultationPage
from home.demo import demo_builder, demo_document, ensure_child, heading, paragraph, stream
from home.models import HomePage

# Trainings, the contact form and the accessibility request form have their own modules; importing
# them registers their builders.
from . import demo_accessibility, demo_trainings  # noqa: F401
from .choices import ArticleKind, LegalActStatus, LegalActType, MaterialLanguage, MaterialType
from .models import (
    ArticleIndexPage,
    ArticlePage,
    LegalActConsultation,
    LegalActDocument,
    LegalActIndexPage,
    LegalActPage,
    Material,
    MaterialsIndexPage,
    NewsIndexPage,
    NewsPage,
    Tag,
    TaggedArticle,
)


def demo_image(title, filename, sky, ground, accent):
    """A 1600×900 JPEG drawn here: a sky, a row of town houses and a sun, created once by title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", (1600, 900), sky)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((1180, 90, 1420, 330), fill=accent)
    for number, left in enumerate(range(60, 1600, 190)):
        top = 380 + (number * 97) % 260
        draw.rectangle((left, top, left + 160, 760), fill=ground)
        for row in range(top + 40, 720, 90):
            draw.rectangle((left + 30, row, left + 65, row + 45), fill=accent)
            draw.rectangle((left + 95, row, left + 130, row + 45), fill=sky)
    draw.rectangle((0, 760, 1600, 900), fill=ground)
    data = BytesIO()
    canvas.save(data, "JPEG", quality=85)
    image = image_model(title=title, file=ImageFile(data, name=filename))
    image._set_image_file_metadata()
    image.save()
    return image


def _tags(*names):
    return [TaggedArticle(tag=Tag.objects.get_or_create(name=name)[0]) for name in names]


@demo_builder(order=30)
def build_materials(stdout):
    editors = Group.objects.get(name="Redaktorzy")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="materials",
            codename__in=["add_material", "change_material", "delete_material"],
        )
    )
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    images = {
        "meeting": demo_image(
            "Ilustracja: spotkanie w dzielnicy", "spotkanie.jpg", "#cfe3f5", "#0b4f8a", "#f2b705"
        ),
        "park": demo_image("Ilustracja: zielone podwórko", "podworko.jpg", "#e3f4e8", "#1e6b34", "#f2b705"),
        "vote": demo_image("Ilustracja: głosowanie", "glosowanie.jpg", "#fff8dc", "#083a66", "#e0523f"),
        "city": demo_image(
            "Ilustracja: Sosnowiec o zmierzchu", "miasto.jpg", "#24476b", "#0a2c4d", "#ffd23f"
        ),
    }
    _news(home, images, stdout)
    _articles(home, images, stdout)
    _legal_acts(home, stdout)
    _library(home, stdout)


def _news(home, images, stdout):
    index, created = ensure_child(
        home,
        NewsIndexPage,
        "aktualnosci",
        title="Aktualności",
        show_in_menus=True,
        lead="Co nowego w budżecie obywatelskim i konsultacjach społecznych w Sosnowcu.",
    )
    if created:
        stdout.write("  aktualności")
    today = timezone.localdate()
    for days_ago, slug, title, lead, image, text in NEWS:
        ensure_child(
            index,
            NewsPage,
            slug,
            title=title,
            lead=lead,
            date=today - timedelta(days=days_ago),
            cover_image=images.get(image),
            cover_image_alt=IMAGE_ALTS.get(image, ""),
            body=stream(paragraph(*text)),
        )


IMAGE_ALTS = {
    "meeting": "Rysunek: kamienice w kolorach miasta i słońce nad nimi.",
    "park": "Rysunek: zielone podwórko między domami.",
    "vote": "Rysunek: domy w jasnym słońcu, symbol dnia głosowania.",
    "city": "Rysunek: miasto o zmierzchu z oświetlonymi oknami.",
}

NEWS = [
    # (days ago, slug, title, lead, image, paragraphs)
    (
        1,
        "organizacje-zaproszone-do-konsultacji-programu-wspolpracy",
        "Organizacje zaproszone do konsultacji programu współpracy",
        "Za dwa tygodnie ruszą konsultacje programu współpracy miasta z organizacjami pozarządowymi.",
        "",
        [
            "Program współpracy opisuje, jak miasto wspiera fundacje i stowarzyszenia: konkursy, "
            "małe granty, wspólne zespoły. Projekt programu opublikujemy w dniu otwarcia konsultacji.",
            "Spotkanie dla organizacji odbędzie się w Centrum Organizacji Pozarządowych.",
        ],
    ),
    (
        3,
        "spotkanie-o-zasadach-budzetu-w-sali-sesyjnej",
        "Spotkanie o zasadach budżetu w Sali Sesyjnej",
        "Porozmawiajmy o tym, kto może zgłosić projekt i ile podpisów poparcia jest potrzebnych.",
        "meeting",
        [
            "Zapraszamy na otwarte spotkanie konsultacyjne o projekcie zasad budżetu obywatelskiego "
            "na 2027 rok. Wstęp wolny, sala jest dostępna dla osób poruszających się na wózku.",
            "Nie możesz przyjść? Uwagi zgłosisz też przez formularz przy konsultacji.",
        ],
    ),
    (
        6,
        "nowy-poradnik-jak-zglosic-projekt",
        "Nowy poradnik: jak zgłosić projekt",
        "W bibliotece materiałów jest poradnik krok po kroku, także w wersji łatwej do czytania.",
        "",
        [
            "Poradnik prowadzi od pomysłu do wysłania formularza: jak oszacować koszt, gdzie sprawdzić, "
            "czy teren należy do miasta, i jak zebrać podpisy poparcia.",
        ],
    ),
    (
        10,
        "ruszyly-konsultacje-zasad-budzetu-2027",
        "Ruszyły konsultacje zasad budżetu na 2027 rok",
        "Do końca konsultacji każdy może zgłosić uwagi do projektu uchwały, także do pojedynczych paragrafów.",
        "park",
        [
            "Projekt uchwały określa, kto może zgłosić projekt, ile podpisów poparcia trzeba zebrać i "
            "jak podzielimy pieniądze między dzielnice.",
            "Uwagi sprawdza moderator, a urząd publikuje odpowiedź na każdą z nich.",
        ],
    ),
    (
        30,
        "materialy-ze-szkolen-do-pobrania",
        "Materiały ze szkoleń do pobrania",
        "Prezentacje i poradniki ze szkoleń o konsultacjach społecznych są w bibliotece materiałów.",
        "",
        [
            "W szkoleniach wzięło udział łącznie 120 osób: urzędniczki i urzędnicy, pracownicy "
            "jednostek miejskich oraz przedstawiciele organizacji pozarządowych i społecznych.",
        ],
    ),
    (
        60,
        "raport-z-konsultacji-regulaminu",
        "Opublikowaliśmy raport z konsultacji regulaminu",
        "Konsultacje społeczne potrwają teraz co najmniej 21 dni, a raport z nich będzie obowiązkowy.",
        "city",
        [
            "Raport zbiera wszystkie opublikowane uwagi mieszkańców i rad osiedli wraz z odpowiedziami "
            "urzędu. Dwie najczęściej zgłaszane propozycje trafiły do regulaminu.",
        ],
    ),
]


def _articles(home, images, stdout):
    index, created = ensure_child(
        home,
        ArticleIndexPage,
        "dobre-praktyki",
        title="Dobre praktyki",
        show_in_menus=True,
        lead="Sprawdzone sposoby prowadzenia konsultacji, wiedza o budżecie obywatelskim i to, co już działa w Sosnowcu.",
    )
    if created:
        stdout.write("  dobre praktyki")
    today = timezone.localdate()
    for offset, (slug, title, kind, tags, image, author, source, lead, body) in enumerate(ARTICLES):
        ensure_child(
            index,
            ArticlePage,
            slug,
            title=title,
            kind=kind,
            date=today - timedelta(days=12 + 9 * offset),
            author=author,
            source=source,
            lead=lead,
            cover_image=images.get(image),
            cover_image_alt=IMAGE_ALTS.get(image, ""),
            body=body,
            tagged_items=_tags(*tags),
        )


CITY = "Urząd Miejski w Sosnowcu"
FOUNDATION = "Fundacja Praw Podstawowych"
TEAM = "Zespół ds. budżetu obywatelskiego"

ARTICLES = [
    (
        "spacer-badawczy",
        "Spacer badawczy: mieszkańcy pokazują, co trzeba zmienić",
        ArticleKind.GOOD_PRACTICE,
        ["konsultacje", "dzielnice"],
        "park",
        TEAM,
        FOUNDATION,
        "Zamiast rozmawiać o ulicy w sali, idziemy na nią razem z mieszkańcami i notujemy, co widzą.",
        stream(
            heading("Na czym polega spacer"),
            paragraph(
                "Grupa mieszkańców, urzędników i projektantów przechodzi wyznaczoną trasę. Na każdym "
                "przystanku uczestnicy mówią, co działa, a co przeszkadza: brak ławki, ciemne przejście, "
                "zbyt wysoki krawężnik.",
                "Uwagi trafiają na mapę i do raportu, który jest częścią konsultacji.",
            ),
            heading("Dlaczego warto"),
            paragraph(
                "Na spacer przychodzą osoby, które rzadko bywają na spotkaniach w urzędzie: rodzice z "
                "wózkami, seniorzy, młodzież. Ich uwagi są konkretne, bo dotyczą miejsca, w którym stoją."
            ),
        ),
    ),
    (
        "punkt-konsultacyjny-w-bibliotece",
        "Punkt konsultacyjny w bibliotece dzielnicowej",
        ArticleKind.GOOD_PRACTICE,
        ["konsultacje", "budżet obywatelski", "dzielnice"],
        "meeting",
        TEAM,
        FOUNDATION,
        "Dyżur w bibliotece pomaga zgłosić uwagę lub projekt osobom, które nie korzystają z internetu.",
        stream(
            paragraph(
                "W czasie konsultacji i naboru projektów urzędnik dyżuruje w bibliotece kilka godzin w "
                "tygodniu. Pomaga wypełnić formularz, wyjaśnia zasady i przyjmuje uwagi na papierze.",
                "Biblioteka jest blisko, ma wygodne godziny otwarcia i nie kojarzy się z urzędem: to "
                "obniża próg udziału.",
            ),
        ),
    ),
    (
        "glosowanie-papierowe-i-internetowe",
        "Głosowanie w internecie i na papierze",
        ArticleKind.GOOD_PRACTICE,
        ["głosowanie", "budżet obywatelski"],
        "vote",
        TEAM,
        CITY,
        "Dwa sposoby głosowania sprawiają, że w wyborze projektów mogą wziąć udział wszyscy mieszkańcy.",
        stream(
            paragraph(
                "Głos oddany przez internet potwierdza jednorazowy kod. Kto woli papier, głosuje w "
                "punkcie w urzędzie lub w bibliotece. Każdy mieszkaniec może zagłosować tylko raz, "
                "niezależnie od sposobu.",
            ),
        ),
    ),
    (
        "budzet-obywatelski-w-pieciu-krokach",
        "Budżet obywatelski w pięciu krokach",
        ArticleKind.EDUCATION,
        ["budżet obywatelski"],
        "vote",
        TEAM,
        CITY,
        "Od pomysłu do realizacji: jak powstaje projekt i kto o nim decyduje.",
        stream(
            (
                "paragraph",
                "<ol><li>Mieszkańcy zgłaszają projekty w swojej dzielnicy.</li>"
                "<li>Urząd sprawdza je pod względem formalnym i prawnym.</li>"
                "<li>Projekty, które przeszły weryfikację, trafiają na kartę do głosowania.</li>"
                "<li>Mieszkańcy głosują.</li>"
                "<li>Miasto realizuje zwycięskie projekty i pokazuje postępy prac.</li></ol>",
            ),
        ),
    ),
    (
        "jak-napisac-dobry-projekt",
        "Jak napisać dobry projekt",
        ArticleKind.EDUCATION,
        ["budżet obywatelski", "młodzież"],
        "park",
        TEAM,
        CITY,
        "Krótki opis, realny koszt i teren należący do miasta: trzy rzeczy, które najczęściej decydują.",
        stream(
            paragraph(
                "Opisz projekt tak, żeby zrozumiał go sąsiad: co powstanie, gdzie i komu posłuży. "
                "Koszt sprawdź w podobnych realizacjach z poprzednich edycji.",
                "Zanim zgłosisz projekt, upewnij się, że teren należy do miasta. Na terenie prywatnym "
                "lub spółdzielczym miasto nie może wydać publicznych pieniędzy.",
            ),
        ),
    ),
    (
        "konsultacje-spoleczne-prawa-mieszkanca",
        "Konsultacje społeczne: co możesz jako mieszkaniec",
        ArticleKind.EDUCATION,
        ["konsultacje"],
        "meeting",
        TEAM,
        FOUNDATION,
        "Masz prawo zgłosić uwagę, dostać na nią odpowiedź i przeczytać raport z konsultacji.",
        stream(
            paragraph(
                "Konsultacje społeczne to sposób, w jaki miasto pyta mieszkańców o zdanie, zanim przyjmie "
                "akt prawa miejscowego. Uwagę może zgłosić każdy, kogo sprawa dotyczy.",
                "Po zakończeniu konsultacji urząd publikuje raport: jakie uwagi wpłynęły i co z nimi zrobił.",
            ),
        ),
    ),
    (
        "platforma-konsultacji-online",
        "Platforma konsultacji online: jak powstała",
        ArticleKind.IN_THE_CITY,
        ["konsultacje", "szkolenia"],
        "city",
        CITY,
        CITY,
        "Serwis przygotowały wspólnie miasto i Fundacja Praw Podstawowych z Warszawy.",
        stream(
            paragraph(
                "Platforma powstała w projekcie współfinansowanym przez Unię Europejską, realizowanym od "
                "października 2013 r. do września 2014 r. Najpierw kampania informacyjna zapowiedziała "
                "konsultacje, w których ustalono, jak ma działać system. Potem odbyły się spotkania "
                "konsultacyjne, a na końcu szkolenia.",
                "Dziś w serwisie co roku startuje kolejna edycja budżetu obywatelskiego.",
            ),
        ),
    ),
    (
        "120-osob-po-szkoleniach",
        "120 osób po szkoleniach z konsultacji",
        ArticleKind.IN_THE_CITY,
        ["szkolenia", "organizacje pozarządowe"],
        "meeting",
        CITY,
        CITY,
        "Szkolenia objęły urzędników, pracowników jednostek miejskich i przedstawicieli organizacji.",
        stream(
            paragraph(
                "Uczestnicy uczyli się planować konsultacje, prowadzić spotkania i pisać raporty. "
                "Materiały ze szkoleń są do pobrania w bibliotece materiałów."
            ),
        ),
    ),
]


def _legal_acts(home, stdout):
    index, created = ensure_child(
        home,
        LegalActIndexPage,
        "prawo",
        title="Prawo",
        show_in_menus=True,
        lead="Uchwały, zarządzenia i regulaminy, na których opierają się konsultacje i budżet obywatelski.",
    )
    if created:
        stdout.write("  prawo")
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


def _library(home, stdout):
    _index, created = ensure_child(
        home,
        MaterialsIndexPage,
        "materialy",
        title="Materiały",
        show_in_menus=True,
        lead="Prezentacje, poradniki, raporty, nagrania i ulotki o konsultacjach i budżecie obywatelskim.",
    )
    if created:
        stdout.write("  materiały")
    for title, material_type, year, language, tags, description, filename, video_url, accessible in MATERIALS:
        if Material.objects.filter(title=title).exists():
            continue
        ascii_title = string_to_ascii(title)
        material = Material(
            title=title,
            material_type=material_type,
            year=year,
            language=language,
            description=description,
            video_url=video_url,
            document=demo_document(title, filename, [ascii_title, str(year)]) if filename else None,
            accessible_document=(
                demo_document(f"{title} – wersja dostępna", accessible, [ascii_title, "Wersja dostepna"])
                if accessible
                else None
            ),
        )
        material.tags.add(*tags)
        material.save()


MATERIALS = [
    # (title, type, year, language, tags, description, file, video URL, accessible version file)
    (
        "Budżet obywatelski w Sosnowcu: jak to działa",
        MaterialType.PRESENTATION,
        2026,
        MaterialLanguage.POLISH,
        ["budżet obywatelski"],
        "Prezentacja na spotkania w dzielnicach: etapy, terminy i kwoty.",
        "prezentacja-bo-2026.pdf",
        "",
        "",
    ),
    (
        "Poradnik: jak zgłosić projekt",
        MaterialType.GUIDE,
        2026,
        MaterialLanguage.POLISH,
        ["budżet obywatelski", "projekty"],
        "Krok po kroku od pomysłu do wysłania formularza.",
        "poradnik-zgloszenie-projektu.pdf",
        "",
        "poradnik-zgloszenie-projektu-etr.pdf",
    ),
    (
        "Konsultacje społeczne krok po kroku: poradnik dla organizacji",
        MaterialType.GUIDE,
        2014,
        MaterialLanguage.POLISH,
        ["konsultacje", "organizacje pozarządowe"],
        "Jak organizacja może zgłaszać uwagi i zapraszać mieszkańców do konsultacji.",
        "poradnik-konsultacje-ngo.pdf",
        "",
        "",
    ),
    (
        "Raport z konsultacji regulaminu konsultacji społecznych",
        MaterialType.REPORT,
        2025,
        MaterialLanguage.POLISH,
        ["konsultacje"],
        "Wszystkie opublikowane uwagi i odpowiedzi urzędu.",
        "raport-konsultacje-regulamin.pdf",
        "",
        "",
    ),
    (
        "Podsumowanie szkoleń: 120 uczestników",
        MaterialType.REPORT,
        2014,
        MaterialLanguage.POLISH,
        ["szkolenia"],
        "Kto wziął udział w szkoleniach i czego się nauczył.",
        "podsumowanie-szkolen-2014.pdf",
        "",
        "",
    ),
    (
        "Wyniki głosowania w budżecie obywatelskim 2026",
        MaterialType.REPORT,
        2026,
        MaterialLanguage.POLISH,
        ["budżet obywatelski", "głosowanie"],
        "Liczba głosów na każdy projekt w każdej dzielnicy.",
        "wyniki-glosowania-2026.pdf",
        "",
        "",
    ),
    (
        "Nagranie spotkania o zasadach budżetu 2027",
        MaterialType.RECORDING,
        2026,
        MaterialLanguage.POLISH,
        ["budżet obywatelski", "konsultacje"],
        "Całe spotkanie konsultacyjne z pytaniami mieszkańców.",
        "",
        "https://www.youtube.com/watch?v=bo-sosnowiec-2027",
        "transkrypcja-spotkania-bo-2027.pdf",
    ),
    (
        "Jak głosować w budżecie obywatelskim: film w polskim języku migowym",
        MaterialType.RECORDING,
        2026,
        MaterialLanguage.POLISH_SIGN,
        ["głosowanie"],
        "Instrukcja głosowania przez internet i na papierze, z tłumaczeniem na PJM.",
        "",
        "https://vimeo.com/sosnowiec-bo-pjm",
        "",
    ),
    (
        "Ulotka: zgłoś projekt w swojej dzielnicy",
        MaterialType.LEAFLET,
        2026,
        MaterialLanguage.POLISH,
        ["budżet obywatelski", "dzielnice"],
        "Do wydruku i rozdania sąsiadom.",
        "ulotka-zglos-projekt.pdf",
        "",
        "",
    ),
    (
        "Leaflet: Sosnowiec participatory budget in brief",
        MaterialType.LEAFLET,
        2026,
        MaterialLanguage.ENGLISH,
        ["budżet obywatelski"],
        "Najważniejsze zasady budżetu po angielsku.",
        "leaflet-participatory-budget-en.pdf",
        "",
        "",
    ),
    (
        "Листівка: громадський бюджет Сосновця",
        MaterialType.LEAFLET,
        2026,
        MaterialLanguage.UKRAINIAN,
        ["budżet obywatelski"],
        "Najważniejsze zasady budżetu po ukraińsku.",
        "lystivka-hromadskyi-biudzhet-uk.pdf",
        "",
        "",
    ),
    (
        "Konsultacje społeczne online: prezentacja ze szkolenia",
        MaterialType.PRESENTATION,
        2014,
        MaterialLanguage.POLISH,
        ["konsultacje", "szkolenia"],
        "Slajdy ze szkolenia dla urzędników i organizacji pozarządowych.",
        "prezentacja-szkolenie-2014.pdf",
        "",
        "",
    ),
]


@demo_builder(order=35)
def feature_materials_on_home_page(stdout):
    """The editors' pick of materials on the home page, unless they have picked their own."""
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    if home.featured_materials:
        return
    titles = [row[0] for row in MATERIALS[:3]]
    picked = sorted(
        Material.objects.filter(title__in=titles), key=lambda material: titles.index(material.title)
    )
    home.featured_materials = [("material", material) for material in picked]
    home.save_revision().publish()
