"""The demo materials library: presentations, guides, reports, recordings and leaflets, some with an
accessible version; three of them are picked for the home page."""

from wagtail.coreutils import string_to_ascii

from home.demo import demo_builder, demo_document, ensure_section
from home.models import HomePage

from ..choices import MaterialLanguage, MaterialType
from ..models import Material, MaterialsIndexPage


def build_library(home, stdout):
    ensure_section(
        home,
        MaterialsIndexPage,
        "materialy",
        stdout,
        "materiały",
        title="Materiały",
        lead="Prezentacje, poradniki, raporty, nagrania i ulotki o konsultacjach i budżecie obywatelskim.",
    )
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
