"""Demo news: six items from the last two months, some with an illustration."""

from datetime import timedelta

from django.utils import timezone

from home.demo import ensure_child, ensure_section, paragraph, stream

from ..models import NewsIndexPage, NewsPage
from .images import IMAGE_ALTS


def build_news(home, images, stdout):
    index = ensure_section(
        home,
        NewsIndexPage,
        "aktualnosci",
        stdout,
        "aktualności",
        title="Aktualności",
        lead="Co nowego w budżecie obywatelskim i konsultacjach społecznych w Sosnowcu.",
    )
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
