"""The relevance set: Polish queries as residents type them (inflected, without diacritics, ł
included) and the demo page each should find (`manage.py load_demo_content`). Used by
test_search_polish.py (at least 90 % found among the first five) and by `manage.py bench_search`
(precision at 5, mean reciprocal rank, latency)."""

from wagtail.models import Page

from search import results

TOP = 5

# (query, slug of the page it should find)
QUERIES = [
    ("spacer badawczy", "spacer-badawczy"),
    ("spacerem badawczym", "spacer-badawczy"),
    ("spacery z mieszkancami", "spacer-badawczy"),
    ("punkt konsultacyjny", "punkt-konsultacyjny-w-bibliotece"),
    ("biblioteka dzielnicowa", "punkt-konsultacyjny-w-bibliotece"),
    ("dyzur w bibliotece", "punkt-konsultacyjny-w-bibliotece"),
    ("glosowanie papierowe", "glosowanie-papierowe-i-internetowe"),
    ("głosowania w internecie", "glosowanie-papierowe-i-internetowe"),
    ("pięć kroków", "budzet-obywatelski-w-pieciu-krokach"),
    ("piec krokow budzetu", "budzet-obywatelski-w-pieciu-krokach"),
    ("dobry projekt", "jak-napisac-dobry-projekt"),
    ("jak napisac projekt", "jak-napisac-dobry-projekt"),
    ("prawa mieszkańców", "konsultacje-spoleczne-prawa-mieszkanca"),
    ("platforma online", "platforma-konsultacji-online"),
    ("platformy konsultacji", "platforma-konsultacji-online"),
    ("fundacja praw podstawowych", "platforma-konsultacji-online"),
    ("szkolenia urzędników", "120-osob-po-szkoleniach"),
    ("szkoleniami urzednikow", "120-osob-po-szkoleniach"),
    ("ustawa o samorzadzie", "ustawa-o-samorzadzie-gminnym"),
    ("samorząd gminny", "ustawa-o-samorzadzie-gminnym"),
    ("uchwała konsultacje społeczne", "uchwala-o-konsultacjach-spolecznych"),
    ("tryb przeprowadzania konsultacji", "uchwala-o-konsultacjach-spolecznych"),
    ("projekt uchwaly budzet 2027", "projekt-uchwaly-budzet-obywatelski-2027"),
    ("uchwała budżet 2026", "budzet-obywatelski-2026"),
    ("zarzadzenie zespol", "zarzadzenie-zespol-ds-budzetu"),
    ("powołanie zespołu", "zarzadzenie-zespol-ds-budzetu"),
    ("moderacja uwag", "regulamin-moderacji-uwag"),
    ("moderatorzy", "regulamin-moderacji-uwag"),
    ("konsultacje 2014", "uchwala-konsultacje-2014"),
    ("zasady budzetu obywatelskiego 2027", "zasady-budzetu-obywatelskiego-2027"),
    ("program współpracy", "program-wspolpracy-z-organizacjami-2027"),
    ("organizacje pozarzadowe", "program-wspolpracy-z-organizacjami-2027"),
    ("regulamin konsultacji", "regulamin-konsultacji-spolecznych"),
    ("organizacji zaproszonych", "organizacje-zaproszone-do-konsultacji-programu-wspolpracy"),
    ("sala sesyjna", "spotkanie-o-zasadach-budzetu-w-sali-sesyjnej"),
    ("spotkanie w sali sesyjnej", "spotkanie-o-zasadach-budzetu-w-sali-sesyjnej"),
    ("poradnik zgłaszania projektu", "nowy-poradnik-jak-zglosic-projekt"),
    ("wersja latwa do czytania", "nowy-poradnik-jak-zglosic-projekt"),
    ("ruszyly konsultacje", "ruszyly-konsultacje-zasad-budzetu-2027"),
    ("materiały ze szkoleń", "materialy-ze-szkolen-do-pobrania"),
    ("raport z konsultacji regulaminu", "raport-z-konsultacji-regulaminu"),
    ("deklaracja dostepnosci", "deklaracja-dostepnosci"),
    ("dostępność cyfrowa", "deklaracja-dostepnosci"),
    ("polityka prywatnosci", "polityka-prywatnosci"),
    ("dane osobowe", "polityka-prywatnosci"),
    ("przyjety model", "przyjety-model"),
    ("kampania informacyjna", "przyjety-model"),
]


def rank(query, slug):
    """1-based position of the page among the results, None if not in the first TOP."""
    hits = results.search(query)[:TOP]
    slug_of = dict(Page.objects.filter(pk__in=[pk for _score, _source, pk in hits]).values_list("pk", "slug"))
    slugs = [slug_of[pk] if source == "page" else None for _score, source, pk in hits]
    return slugs.index(slug) + 1 if slug in slugs else None


def evaluate(queries=QUERIES):
    """(share found in the first TOP, precision at TOP, mean reciprocal rank, misses)."""
    ranks = [(query, slug, rank(query, slug)) for query, slug in queries]
    found = [position for _query, _slug, position in ranks if position]
    return {
        "found": len(found) / len(ranks),
        # One relevant page per query: precision@5 is found/5 averaged over the queries.
        "precision_at_5": len(found) / (TOP * len(ranks)),
        "mrr": sum(1 / position for position in found) / len(ranks),
        "misses": [(query, slug) for query, slug, position in ranks if not position],
    }
