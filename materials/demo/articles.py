"""Demo articles: good practices, education and what already works in Sosnowiec, with their tags."""

from datetime import timedelta

from django.utils import timezone

from home.demo import ensure_child, ensure_section, heading, paragraph, stream

from ..choices import ArticleKind
from ..models import ArticleIndexPage, ArticlePage, Tag, TaggedArticle
from .images import IMAGE_ALTS


def _tags(*names):
    return [TaggedArticle(tag=Tag.objects.get_or_create(name=name)[0]) for name in names]


def build_articles(home, images, stdout):
    index = ensure_section(
        home,
        ArticleIndexPage,
        "dobre-praktyki",
        stdout,
        "dobre praktyki",
        title="Dobre praktyki",
        lead="Sprawdzone sposoby prowadzenia konsultacji, wiedza o budżecie obywatelskim i to, co już działa w Sosnowcu.",
    )
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
