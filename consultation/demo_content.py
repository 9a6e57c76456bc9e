"""Demo consultations: one open, one upcoming and one closed, with documents, meetings, a draft act
split into units, comments in every status, official responses and a report."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.demo import demo_builder, demo_document, ensure_child, heading, paragraph, stream
from home.demo_privacy import DPO_EMAIL, RETENTION_DAYS
from home.models import HomePage

from . import (
    demo_budget,  # noqa: F401  (registers the budget's demo builder)
    demo_voting,  # noqa: F401  (registers the voting demo, run after the budget's)
)
from .choices import ModerationMode, RejectionReason, ResponseOutcome, SubmissionStatus
from .models import ConsultationIndexPage, ConsultationPage, PrivacyNotice, Submission

PRIVACY_NOTICE_TEXT = (
    "<p><b>Administrator danych:</b> Prezydent Miasta Sosnowca, Urząd Miejski w Sosnowcu, "
    "Al. Zwycięstwa 20, 41-200 Sosnowiec.</p>"
    f'<p><b>Inspektor ochrony danych:</b> <a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a> albo listownie '
    "na adres urzędu z dopiskiem „Inspektor ochrony danych”.</p>"
    "<p><b>Cel i podstawa prawna:</b> rozpatrzenie Twojej uwagi, publiczna odpowiedź urzędu i raport "
    "z konsultacji – zadanie w interesie publicznym (art. 6 ust. 1 lit. e RODO) w związku z art. 5a "
    "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym; w budżecie obywatelskim także obowiązek "
    "prawny miasta (art. 6 ust. 1 lit. c RODO, art. 5a ust. 3–7 tej ustawy).</p>"
    "<p><b>Odbiorcy:</b> upoważnieni pracownicy urzędu i moderatorzy konsultacji, firma utrzymująca "
    "serwer i pocztę serwisu na podstawie umowy powierzenia, organy uprawnione z mocy prawa. Podpis "
    "i treść uwagi publikujemy po moderacji; adresu e-mail nie publikujemy.</p>"
    f"<p><b>Okres przechowywania:</b> podpis, adres e-mail i skrót adresu IP usuwamy {RETENTION_DAYS} dni "
    "po zakończeniu konsultacji; treść uwag i odpowiedzi zostaje bez danych osobowych w raporcie.</p>"
    "<p><b>Twoje prawa:</b> dostęp do danych, ich sprostowanie, usunięcie, ograniczenie przetwarzania, "
    "sprzeciw wobec przetwarzania oraz skarga do Prezesa Urzędu Ochrony Danych Osobowych "
    "(ul. Stawki 2, 00-193 Warszawa). Podanie danych jest dobrowolne, ale bez podpisu nie przyjmiemy "
    "uwagi.</p>"
)

UNITS = [
    ("§ 1", "Ustala się zasady przeprowadzania budżetu obywatelskiego w Sosnowcu na rok 2027."),
    ("§ 2 ust. 1", "Projekt może zgłosić każdy mieszkaniec Sosnowca, który ukończył 16 lat."),
    ("§ 2 ust. 2", "Zgłoszenie wymaga poparcia co najmniej 15 mieszkańców."),
    ("§ 3", "Na budżet obywatelski przeznacza się kwotę 8 000 000 zł, podzieloną między dzielnice."),
]

COMMENTS = [
    # (signature, text, unit index or None, status, response outcome, response)
    (
        "Anna Kowalska",
        "Proponuję obniżyć wiek uprawniający do zgłaszania projektów do 13 lat, jak w innych miastach.",
        1,
        SubmissionStatus.APPROVED,
        ResponseOutcome.PARTIALLY,
        "Obniżamy próg do 15 lat; młodsze osoby mogą zgłaszać projekty z opiekunem.",
    ),
    (
        "Stowarzyszenie Zielony Sosnowiec",
        "Wymóg 15 podpisów poparcia jest za wysoki dla małych dzielnic. Wystarczy 10.",
        2,
        SubmissionStatus.APPROVED,
        ResponseOutcome.ACCEPTED,
        "Uwzględniono: w projekcie wpisujemy 10 podpisów.",
    ),
    (
        "Jan Nowak",
        "Część kwoty powinna trafić na projekty ogólnomiejskie, nie tylko dzielnicowe.",
        3,
        SubmissionStatus.APPROVED,
        ResponseOutcome.NOT_ACCEPTED,
        "W tej edycji zostajemy przy podziale na dzielnice, aby każda z nich miała swoją pulę.",
    ),
    (
        "Maria Wiśniewska",
        "Prosimy o spotkanie konsultacyjne także w Zagórzu.",
        None,
        SubmissionStatus.APPROVED,
        "",
        "",
    ),
    (
        "Piotr Zieliński",
        "Czy głosowanie będzie możliwe także na papierze?",
        None,
        SubmissionStatus.PENDING,
        "",
        "",
    ),
    ("Kup tanio", "Najlepsze kredyty!!! www.example.com", None, SubmissionStatus.SPAM, "", ""),
    (
        "Anonim",
        "Uwaga niezwiązana z budżetem, o remoncie mojego mieszkania.",
        None,
        SubmissionStatus.REJECTED,
        "",
        "",
    ),
]


@demo_builder(order=20)
def build_consultations(stdout):
    notice = PrivacyNotice.objects.first()
    if notice is None:
        notice = PrivacyNotice.objects.create(
            title="Klauzula informacyjna – konsultacje społeczne", text=PRIVACY_NOTICE_TEXT
        )
        notice.save_revision()
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    index, created = ensure_child(
        home,
        ConsultationIndexPage,
        "konsultacje",
        title="Konsultacje społeczne",
        show_in_menus=True,
        lead="Opiniuj projekty uchwał i zasad, zanim zdecyduje o nich Rada Miejska.",
    )
    if not created:
        return
    stdout.write("  konsultacje")
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)

    def day(offset, hour=8, minute=0):
        return today + timedelta(days=offset, hours=hour, minutes=minute)

    draft = demo_document(
        "Projekt uchwały w sprawie budżetu obywatelskiego na 2027 r.",
        "projekt-uchwaly-bo-2027.pdf",
        ["Projekt uchwaly Rady Miejskiej w Sosnowcu", "w sprawie budzetu obywatelskiego na rok 2027"],
    )
    justification = demo_document(
        "Uzasadnienie projektu uchwały", "uzasadnienie-bo-2027.pdf", ["Uzasadnienie projektu uchwaly"]
    )
    open_consultation = _consultation(
        index,
        notice,
        slug="zasady-budzetu-obywatelskiego-2027",
        title="Zasady budżetu obywatelskiego na 2027 rok",
        lead="Kto może zgłosić projekt, ile podpisów potrzeba i jak podzielimy pieniądze: przeczytaj projekt i zgłoś uwagi.",
        start_at=day(-10),
        end_at=day(20, 23, 59),
        documents=[draft, justification],
        units=True,
        meetings=[
            (
                day(5, 18),
                "Sala Sesyjna Urzędu Miejskiego",
                "Al. Zwycięstwa 20, 41-200 Sosnowiec",
                "",
            ),
            (
                day(8, 17),
                "",
                "",
                "https://spotkanie.sosnowiec.invalid/bo-2027",
            ),
        ],
    )
    _comments(open_consultation, COMMENTS)
    _consultation(
        index,
        notice,
        slug="program-wspolpracy-z-organizacjami-2027",
        title="Program współpracy z organizacjami pozarządowymi na 2027 rok",
        lead="Jak miasto będzie współpracować z fundacjami i stowarzyszeniami. Konsultacja rusza wkrótce.",
        start_at=day(14),
        end_at=day(44, 23, 59),
        documents=[],
        units=False,
        meetings=[
            (
                day(20, 17),
                "Centrum Organizacji Pozarządowych",
                "ul. Kilińskiego 23, 41-200 Sosnowiec",
                "",
            )
        ],
    )
    closed = _consultation(
        index,
        notice,
        slug="regulamin-konsultacji-spolecznych",
        title="Regulamin konsultacji społecznych",
        lead="Jak miasto prowadzi konsultacje społeczne: zasady, terminy i formy udziału.",
        start_at=day(-120),
        end_at=day(-90, 23, 59),
        documents=[
            demo_document(
                "Projekt regulaminu konsultacji społecznych",
                "projekt-regulaminu.pdf",
                ["Projekt regulaminu konsultacji spolecznych"],
            )
        ],
        units=False,
        meetings=[
            (
                day(-100, 17),
                "Sala Sesyjna Urzędu Miejskiego",
                "Al. Zwycięstwa 20, 41-200 Sosnowiec",
                "",
            )
        ],
        moderation_mode=ModerationMode.POST,
        closed_body=stream(
            paragraph(
                "Konsultacja regulaminu zakończyła się. Dziękujemy mieszkańcom, radom osiedli i "
                "organizacjom za uwagi: poniżej jest jej wynik, odpowiedzi urzędu i raport."
            )
        ),
        outcome=(
            "<p>Wpłynęło 6 uwag, z czego 4 opublikowaliśmy. Na ich podstawie wydłużyliśmy minimalny czas "
            "konsultacji do 21 dni i dodaliśmy obowiązek publikacji raportu.</p>"
        ),
        outcome_documents=[
            demo_document("Raport z konsultacji regulaminu", "raport-regulamin.pdf", ["Raport z konsultacji"])
        ],
    )
    _comments(
        closed,
        [
            (
                "Rada Osiedla Środula",
                "Konsultacje powinny trwać co najmniej trzy tygodnie.",
                None,
                SubmissionStatus.APPROVED,
                ResponseOutcome.ACCEPTED,
                "Uwzględniono: minimalny czas to 21 dni.",
            ),
            (
                "Tomasz Lis",
                "Raport z konsultacji powinien być publikowany zawsze.",
                None,
                SubmissionStatus.APPROVED,
                ResponseOutcome.ACCEPTED,
                "Uwzględniono: raport jest obowiązkowy.",
            ),
            (
                "Ewa Mazur",
                "Proszę o możliwość składania uwag listownie.",
                None,
                SubmissionStatus.APPROVED,
                ResponseOutcome.PARTIALLY,
                "Uwagi można składać także w Biurze Obsługi Mieszkańców.",
            ),
            (
                "Karol Wójcik",
                "Konsultacje to strata pieniędzy.",
                None,
                SubmissionStatus.APPROVED,
                ResponseOutcome.OUT_OF_SCOPE,
                "Uwaga nie dotyczy treści regulaminu.",
            ),
            ("X", "Treść obraźliwa usunięta przez moderatora.", None, SubmissionStatus.REJECTED, "", ""),
            ("Spam", "Reklama.", None, SubmissionStatus.SPAM, "", ""),
        ],
    )


def _consultation(
    index,
    notice,
    *,
    slug,
    title,
    lead,
    start_at,
    end_at,
    documents,
    units,
    meetings,
    moderation_mode=ModerationMode.PRE,
    closed_body="",
    outcome="",
    outcome_documents=(),
):
    from .models import ConsultationDocument, ConsultationMeeting, DraftActUnit, OutcomeDocument

    page = ConsultationPage(
        title=title,
        slug=slug,
        lead=lead,
        locale=index.locale,
        start_at=start_at,
        end_at=end_at,
        moderation_mode=moderation_mode,
        privacy_notice=notice,
        notify_emails="moderacja@sosnowiec.invalid",
        thank_you_text="Dziękujemy! Twoja uwaga trafiła do moderacji. Po zatwierdzeniu pojawi się na tej stronie.",
        subject="<p>Projekt aktu prawa miejscowego przygotowany przez Wydział Komunikacji Społecznej.</p>",
        contact_name="Katarzyna Nowicka",
        contact_role="Wydział Komunikacji Społecznej",
        contact_email="konsultacje@sosnowiec.invalid",
        contact_phone="+48 32 296 00 00",
        outcome=outcome,
        closed_body=closed_body or "[]",
        body=stream(
            heading("O konsultacji"),
            paragraph(
                "Zapraszamy mieszkańców, organizacje pozarządowe i rady osiedli do zgłaszania uwag. "
                "Każda uwaga trafi do zespołu, który przygotuje odpowiedź urzędu."
            ),
        ),
    )
    page.documents = [ConsultationDocument(document=document) for document in documents]
    page.outcome_documents = [OutcomeDocument(document=document) for document in outcome_documents]
    page.units = [DraftActUnit(label=label, text=text) for label, text in UNITS] if units else []
    page.meetings = [
        ConsultationMeeting(
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            place=place,
            address=address,
            online_url=url,
        )
        for starts, place, address, url in meetings
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _comments(page, comments):
    moderator = get_user_model().objects.filter(username="moderator").first()
    units = list(page.units.all())
    fields = {field.field_type: field.clean_name for field in page.get_form_fields()}
    for number, (signature, text, unit_index, status, outcome, response) in enumerate(comments, start=1):
        # Sent during the consultation: a day and a few hours apart from its start.
        sent_at = page.start_at + timedelta(days=number, hours=3 * number)
        submission = Submission.objects.create(
            page=page,
            form_data={fields["singleline"]: signature, fields["multiline"]: text, fields["consent"]: True},
            unit_anchor=units[unit_index].anchor if unit_index is not None else "",
            status=SubmissionStatus.PENDING,
            consent_at=sent_at,
            privacy_notice_revision=page.privacy_notice.latest_revision,
        )
        submission.submit_time = sent_at
        submission.save(update_fields=["submit_time"])
        if status == SubmissionStatus.APPROVED:
            submission.approve(moderator)
        elif status == SubmissionStatus.REJECTED:
            submission.reject(
                moderator, RejectionReason.OFF_TOPIC if "remont" in text else RejectionReason.OFFENSIVE
            )
        elif status == SubmissionStatus.SPAM:
            submission.mark_spam(moderator)
        if response:
            submission.set_response(moderator, outcome, response)


@demo_builder(order=25)
def invite_from_home_page(stdout):
    """The home page's hero invites residents to the consultations, unless editors set it otherwise."""
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None or home.hero_link_page_id or home.hero_link_url:
        return
    home.hero_link_page = index
    home.hero_link_label = "Zgłoś uwagę w konsultacjach"
    home.save_revision().publish()
