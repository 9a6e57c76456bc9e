"""Consultations through the doors residents and moderators use: the comment form (with its
protections), moderation in the inbox, the public comments, e-mail, .ics, the index and the report."""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from wagtail.test.utils.form_data import rich_text

from consultation.builder import FORM_TOKEN_SALT
from consultation.choices import ModerationMode, RejectionReason, ResponseOutcome, SubmissionStatus
from consultation.dates import when_in_words
from consultation.models import (
    ConsultationMeeting,
    FormField,
    Submission,
)
from consultation.models.saving import hash_ip
from tests.consultation_fixtures import (
    TOKEN_RE,
    add_submissions,
    comment_data,
    field_names,
    make_consultation,
    post_comment,
    read_token,
)
from tests.translations import sync_trees

pytestmark = pytest.mark.usefixtures("instant_forms")


# The whole journey


def test_resident_comment_goes_through_moderation_to_an_official_response(
    client, admin_client, consultations
):
    page = consultations.open
    unit_anchor = page.units.get(label="§ 2 ust. 1").anchor
    with translation.override("pl"):
        text = "Proponuję obniżyć wiek uprawniający do zgłaszania projektów."
        response = post_comment(client, page, text=text, unit=unit_anchor)

    assert response.status_code == 302
    assert response["Location"] == page.url + "#potwierdzenie"
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.PENDING
    assert submission.unit_anchor == unit_anchor
    assert submission.consent_at is not None
    assert submission.privacy_notice_revision == consultations.notice.latest_revision
    assert submission.ip_hash == hash_ip("127.0.0.1")
    assert "website" not in submission.form_data and "form_token" not in submission.form_data
    assert submission.form_data[field_names(page)["text"]] == text

    public = client.get(page.url).content.decode()
    assert 'id="potwierdzenie"' in public
    assert "Dziękujemy! Otrzymaliśmy Twoje zgłoszenie." in public
    assert text not in public
    assert "Na moderację czeka 1 uwaga." in public
    assert "1 uwaga, 0 opublikowanych" in public

    edit_url = reverse("submission_inbox:edit", args=[submission.pk])
    assert admin_client.post(edit_url, {"action": "approve"}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED

    public = client.get(page.url).content.decode()
    assert text in public
    assert f'dotyczy: <a href="#{unit_anchor}">§ 2 ust. 1</a>' in public
    assert "1 uwaga, 1 opublikowana" in public
    assert "1 opublikowana uwaga" in public  # the unit's count

    answer = "Obniżamy próg do 15 lat."
    response = admin_client.post(
        edit_url,
        {"action": "respond", "respond-outcome": ResponseOutcome.PARTIALLY, "respond-response": answer},
    )
    assert response.status_code == 302
    public = client.get(page.url).content.decode()
    assert "Oficjalna odpowiedź Urzędu Miejskiego" in public
    assert answer in public
    assert "<strong>uwzględniono częściowo</strong>" in public
    assert public.index(text) < public.index(answer)


def test_post_moderated_comment_is_public_at_once(client, consultations):
    page = consultations.open
    page.moderation_mode = ModerationMode.POST
    page.save_revision().publish()
    response = post_comment(client, page, text="Uwaga widoczna od razu.")
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.APPROVED
    public = client.get(page.url).content.decode()
    assert "Uwaga widoczna od razu." in public
    assert "1 uwaga, 1 opublikowana" in public


# Bad input: a clear Polish message, nothing saved, the typed text kept


KEPT_TEXT = "Moja starannie napisana uwaga o progu wieku."


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": None}, "Bez tej zgody nie możemy przyjąć zgłoszenia."),
        ({"website": "http://spam.example"}, "<li>Pole „Strona internetowa” musi zostać puste.</li>"),
        ({"email": "to-nie-adres"}, "To nie wygląda na adres e-mail. Wpisz go w całości"),
        ({"name": "A" * 256}, "Tekst jest za długi (liczba znaków: 256, dopuszczalna: 255)."),
        ({"form_token": None}, "Formularz wygasł lub jest niepełny."),
        ({"form_token": "abc:def:ghi"}, "Formularz wygasł lub jest niepełny."),
    ],
    ids=["no-consent", "honeypot", "invalid-email", "long-signature", "missing-token", "garbage-token"],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, consultations, overrides, message):
    page = consultations.open
    response = post_comment(client, page, text=KEPT_TEXT, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Nie przyjęliśmy zgłoszenia" not in html
    assert KEPT_TEXT in html
    assert Submission.objects.count() == 0


def test_too_long_pasted_comment_is_refused_and_kept_whole_in_the_field(client, consultations):
    text = ("Bardzo długa uwaga. " * 251).strip()  # 5019 characters, as if pasted
    response = post_comment(client, consultations.open, text=text)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tekst jest za długi (liczba znaków: 5019, dopuszczalna: 5000)." in html
    assert f">\n{text}</textarea>" in html
    assert Submission.objects.count() == 0


def test_length_limits_are_stated_and_no_field_cuts_a_pasted_text(client, consultations):
    page = client.get(consultations.open.url).content.decode()
    html = page[
        page.index('<form class="resident-form"') : page.index("</form>", page.index("resident-form"))
    ]

    assert " maxlength=" not in html
    assert html.count('data-maxlength="255"') == 2  # the signature and the e-mail
    assert html.count('data-maxlength="5000"') == 1
    assert "Limit znaków: 5000." in html
    assert "Limit znaków: 255." in html
    assert 'data-count-text="Znaki: %(count)s z %(limit)s."' in html
    assert "js/character-count.js" in page


def test_form_sent_too_fast_is_refused(client, consultations, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    response = post_comment(client, consultations.open, text=KEPT_TEXT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Formularz wysłano zbyt szybko." in html
    assert KEPT_TEXT in html
    assert Submission.objects.count() == 0


def test_expired_token_is_refused_and_renewed(client, consultations, monkeypatch):
    """A form left open in a tab for longer than FORM_TOKEN_MAX_AGE: refused, re-shown with a fresh token."""
    page = consultations.open
    day_ago = time.time() - settings.FORM_TOKEN_MAX_AGE - 60
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: day_ago)
        stale = signing.TimestampSigner(salt=FORM_TOKEN_SALT).sign(str(page.pk))
    response = client.post(page.url, comment_data(page, stale, text=KEPT_TEXT))
    html = response.content.decode()
    assert "Formularz wygasł lub jest niepełny." in html
    assert KEPT_TEXT in html
    assert Submission.objects.count() == 0
    renewed = TOKEN_RE.search(html).group(1)
    assert renewed != stale
    assert client.post(page.url, comment_data(page, renewed)).status_code == 302


def test_token_of_another_page_is_refused(client, consultations):
    other = make_consultation(
        consultations.index,
        "inna",
        consultations.now - timedelta(days=1),
        consultations.now + timedelta(days=1),
    )
    token = read_token(client, other)
    response = client.post(consultations.open.url, comment_data(consultations.open, token, text=KEPT_TEXT))
    assert response.status_code == 200
    assert "Formularz należy do innej strony." in response.content.decode()
    assert Submission.objects.count() == 0


def test_empty_post_is_refused(client, consultations):
    response = client.post(consultations.open.url, {})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nie wysłaliśmy formularza:" in html
    assert "Formularz wygasł lub jest niepełny." in html
    assert Submission.objects.count() == 0


def test_rate_limit_refuses_further_submissions_from_one_browser(client, consultations, settings):
    settings.FORM_RATE_LIMIT_COUNT = 2
    page = consultations.open
    assert post_comment(client, page, text="Pierwsza").status_code == 302
    assert post_comment(client, page, text="Druga").status_code == 302
    response = post_comment(client, page, text=KEPT_TEXT)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Z tej przeglądarki lub z tego adresu e-mail wysłano w krótkim czasie zbyt wiele zgłoszeń." in html
    assert KEPT_TEXT in html
    assert Submission.objects.count() == 2


def test_a_room_of_residents_on_one_network_can_all_comment(consultations, settings):
    """Thirty people at a consultation meeting share the hall's Wi-Fi: one address, thirty browsers."""
    settings.FORM_RATE_LIMIT_COUNT = 2
    page = consultations.open
    for number in range(30):
        resident = Client(REMOTE_ADDR="10.0.0.7")
        response = post_comment(resident, page, text=f"Uwaga z sali nr {number}")
        assert response.status_code == 302, number
    assert Submission.objects.count() == 30


def test_the_same_email_from_several_browsers_is_one_sender(consultations, settings):
    settings.FORM_RATE_LIMIT_COUNT = 2
    page = consultations.open
    statuses = [
        post_comment(Client(REMOTE_ADDR=f"10.0.0.{n}"), page, email="Jan@Example.com ").status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_a_client_without_cookies_is_one_sender_per_address(consultations, settings):
    settings.FORM_RATE_LIMIT_COUNT = 2
    page = consultations.open
    script = Client(REMOTE_ADDR="10.0.0.9")
    statuses = []
    for _number in range(3):
        token = read_token(script, page)
        script.cookies.clear()  # a script that drops the browser cookie it was given
        statuses.append(script.post(page.url, comment_data(page, token)).status_code)
    assert statuses == [302, 302, 429]


def test_a_flood_from_one_address_is_stopped_whatever_browser_and_email_it_claims(consultations, settings):
    settings.FORM_RATE_LIMIT_COUNT = 2
    settings.FORM_RATE_LIMIT_ADDRESS_COUNT = 5
    page = consultations.open
    statuses = [
        post_comment(Client(REMOTE_ADDR="10.0.0.66"), page, email=f"bot{n}@example.com").status_code
        for n in range(7)
    ]
    assert statuses == [302] * 5 + [429, 429]
    response = post_comment(Client(REMOTE_ADDR="10.0.0.66"), page)
    assert "Z tej sieci wysłano w krótkim czasie bardzo wiele zgłoszeń." in response.content.decode()
    # Another network is not affected.
    assert post_comment(Client(REMOTE_ADDR="10.0.0.67"), page).status_code == 302


def test_the_browser_cookie_is_signed_and_http_only(client, consultations):
    response = client.get(consultations.open.url)
    cookie = response.cookies["bo_form"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    client.cookies["bo_form"] = "made-up-id"
    assert "bo_form" in client.get(consultations.open.url).cookies  # a forged id is replaced


def test_closed_consultation_refuses_comments(client, consultations):
    page = consultations.closed
    response = client.post(page.url, comment_data(page, "x"))
    assert response.status_code == 403
    assert "Konsultacja zakończyła się" in response.content.decode()
    assert "Nie przyjmujemy już uwag." in response.content.decode()
    assert Submission.objects.count() == 0


def test_upcoming_consultation_refuses_comments_and_says_when_it_opens(client, consultations):
    page = consultations.upcoming
    response = client.post(page.url, comment_data(page, "x"))
    assert response.status_code == 403
    with translation.override("pl"):
        opens = when_in_words(page.start_at)
    assert (
        f"Konsultacja jeszcze się nie rozpoczęła: uwagi przyjmujemy od {opens}." in response.content.decode()
    )
    assert Submission.objects.count() == 0


def test_comments_paginate_and_filter_by_unit(client, consultations):
    page = consultations.open
    first, second = page.units.all()
    names = field_names(page)
    Submission.objects.bulk_create(
        Submission(
            page=page,
            form_data={names["name"]: "Mieszkaniec", names["text"]: f"Uwaga numer {n:02d}."},
            status=SubmissionStatus.APPROVED,
            unit_anchor=second.anchor if n == 24 else "",
        )
        for n in range(25)
    )
    first_page = client.get(page.url).content.decode()
    second_page = client.get(page.url, {"uwagi": 2}).content.decode()
    assert "Uwaga numer 00." in first_page and "Uwaga numer 19." in first_page
    assert "Uwaga numer 20." not in first_page
    assert "Uwaga numer 20." in second_page and "Uwaga numer 24." in second_page
    assert "Uwaga numer 00." not in second_page
    filtered = client.get(page.url, {"fragment": second.anchor}).content.decode()
    assert filtered.count('class="comment"') == 1
    assert "Uwaga numer 24." in filtered
    assert "Pokazujemy uwagi do: § 2 ust. 1." in filtered
    unknown = client.get(page.url, {"fragment": "nie-ma-takiego"}).content.decode()
    assert unknown.count('class="comment"') == 20
    assert first.anchor not in re.findall(r'href="\?fragment=([^"#]+)', first_page)


def test_unit_comments_open_at_the_unit_without_javascript(client, consultations):
    page = consultations.open
    first, second = page.units.all()
    names = field_names(page)
    Submission.objects.create(
        page=page,
        form_data={names["name"]: "Mieszkaniec", names["text"]: "Uwaga do ustępu drugiego."},
        status=SubmissionStatus.APPROVED,
        unit_anchor=second.anchor,
        response="Odpowiedź do ustępu.",
        response_outcome="accepted",
    )
    html = client.get(page.url).content.decode()
    unit_html = html[
        html.index(f'id="{second.anchor}"') : html.index('id="kontakt"') if 'id="kontakt"' in html else None
    ]
    details = re.search(r'<details class="draft-act__comments">(.*?)</details>', unit_html, re.S)
    assert details is not None
    assert "1 opublikowana uwaga" in details.group(1)
    assert "Uwaga do ustępu drugiego." in details.group(1)
    assert "Odpowiedź do ustępu." in details.group(1)
    first_html = html[html.index(f'id="{first.anchor}"') : html.index(f'id="{second.anchor}"')]
    assert "<details" not in first_html
    assert "Brak opublikowanych uwag do tego fragmentu." in first_html
    assert html.count('id="uwaga-') == 1


def test_a_long_comment_is_cut_under_its_unit_and_links_to_the_whole_of_it(client, consultations):
    page = consultations.open
    unit = page.units.first()
    names = field_names(page)
    text = " ".join(f"słowo{number}" for number in range(200))
    comment = Submission.objects.create(
        page=page,
        form_data={names["name"]: "Mieszkaniec", names["text"]: text},
        status=SubmissionStatus.APPROVED,
        unit_anchor=unit.anchor,
        response="Odpowiedź " * 100,
        response_outcome="accepted",
    )
    html = client.get(page.url).content.decode()
    details = re.search(r'<details class="draft-act__comments">(.*?)</details>', html, re.S).group(1)

    assert "słowo39…" in details and "słowo40" not in details
    assert details.count("Odpowiedź") == 40
    link = f'href="?fragment={unit.anchor}#uwaga-{comment.pk}">Przeczytaj całą uwagę nr {comment.pk}</a>'
    assert link in details
    whole = client.get(page.url, {"fragment": unit.anchor}).content.decode()
    assert f'id="uwaga-{comment.pk}"' in whole
    assert text in whole


# Public comments: escaped, without e-mail


def test_resident_text_is_escaped(client, consultations, admin_user):
    page = consultations.open
    post_comment(client, page, name="<script>alert(1)</script>", text="<b>pogrubienie</b>")
    Submission.objects.get().approve(admin_user)
    html = client.get(page.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "&lt;b&gt;pogrubienie&lt;/b&gt;" in html


def test_email_is_never_shown_publicly(client, consultations, admin_user):
    page = consultations.open
    post_comment(client, page, email="jan.nowak@example.com", text="Uwaga z adresem.")
    Submission.objects.get().approve(admin_user)
    html = client.get(page.url).content.decode()
    assert "Uwaga z adresem." in html
    assert "jan.nowak@example.com" not in html


def test_email_form_field_cannot_be_public(consultations):
    field = FormField(page=consultations.open, label="Drugi e-mail", field_type="email", is_public=True)
    with pytest.raises(ValidationError) as error:
        field.full_clean()
    assert "is_public" in error.value.message_dict
    field.is_public = False
    field.full_clean()


# E-mail


def test_emails_are_sent_after_commit(client, consultations, django_capture_on_commit_callbacks):
    page = consultations.open
    token = read_token(client, page)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(page.url, comment_data(page, token, email="anna@example.com"))
        assert response.status_code == 302
        assert mail.outbox == []
    assert len(callbacks) >= 1
    recipients = sorted(tuple(message.to) for message in mail.outbox)
    assert recipients == [("anna@example.com",), ("moderacja@sosnowiec.invalid",)]
    confirmation = next(message for message in mail.outbox if message.to == ["anna@example.com"])
    assert "Potwierdzenie" in confirmation.subject
    notice = next(message for message in mail.outbox if message.to == ["moderacja@sosnowiec.invalid"])
    assert page.title in notice.subject


def test_without_notify_addresses_the_moderators_are_emailed(
    client, consultations, django_capture_on_commit_callbacks, django_user_model
):
    page = consultations.open
    page.notify_emails = ""
    page.save_revision().publish()
    moderators = Group.objects.create(name="Moderatorzy")
    moderators.permissions.add(Permission.objects.get(codename="moderate_submission"))
    django_user_model.objects.create_user("mod", "mod@sosnowiec.invalid", "x").groups.add(moderators)
    django_user_model.objects.create_user("edytor", "edytor@sosnowiec.invalid", "x")
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, page)
    assert [message.to for message in mail.outbox] == [["mod@sosnowiec.invalid"]]


def test_no_email_for_refused_submission(client, consultations, django_capture_on_commit_callbacks):
    page = consultations.open
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post_comment(client, page, email="anna@example.com", consent=None)
    assert callbacks == []
    assert mail.outbox == []


# Meetings as .ics


def test_all_meetings_as_ics(client, consultations):
    page = consultations.open
    response = client.get(page.url + "kalendarz/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 2
    starts = sorted(meeting.starts_at for meeting in page.meetings.all())
    assert sorted(event.decoded("DTSTART") for event in events) == starts


def test_one_meeting_as_ics(client, consultations):
    page = consultations.open
    meeting = page.meetings.get(place="Dom Kultury")
    response = client.get(f"{page.url}kalendarz/{meeting.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == meeting.starts_at
    assert "Dom Kultury" in str(events[0]["LOCATION"])


def test_unknown_meeting_ics_is_404(client, consultations):
    other_meeting = ConsultationMeeting.objects.create(
        page=consultations.closed,
        starts_at=consultations.now,
        ends_at=consultations.now + timedelta(hours=1),
        place="Gdzie indziej",
    )
    page = consultations.open
    assert client.get(f"{page.url}kalendarz/999999/").status_code == 404
    assert client.get(f"{page.url}kalendarz/{other_meeting.pk}/").status_code == 404


# Index page


def test_index_groups_consultations_by_phase(client, consultations):
    html = client.get(consultations.index.url).content.decode()
    assert '<h2 id="grupa-open">Trwa</h2>' in html
    assert '<h2 id="grupa-upcoming">Planowana</h2>' in html
    assert '<h2 id="grupa-closed">Zakończona</h2>' in html
    positions = [
        html.index(title) for title in ("Zasady budżetu", "Program współpracy", "Regulamin konsultacji")
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("status", "shown", "hidden"),
    [
        ("open", "Zasady budżetu", ("Program współpracy", "Regulamin konsultacji")),
        ("upcoming", "Program współpracy", ("Zasady budżetu", "Regulamin konsultacji")),
        ("closed", "Regulamin konsultacji", ("Zasady budżetu", "Program współpracy")),
    ],
)
def test_index_filters_by_status(client, consultations, status, shown, hidden):
    html = client.get(consultations.index.url, {"status": status}).content.decode()
    assert shown in html
    for title in hidden:
        assert title not in html


def test_index_filters_by_year(client, consultations):
    old_start = consultations.now.replace(year=consultations.now.year - 3)
    make_consultation(
        consultations.index, "dawna", old_start, old_start + timedelta(days=20), title="Dawna konsultacja"
    )
    html = client.get(consultations.index.url, {"rok": old_start.year}).content.decode()
    assert "Dawna konsultacja" in html
    assert "Zasady budżetu" not in html
    assert "Regulamin konsultacji" not in html
    html = client.get(consultations.index.url).content.decode()
    assert "Dawna konsultacja" in html and "Zasady budżetu" in html


def test_index_paginates(client, consultations):
    for n in range(10):
        make_consultation(
            consultations.index,
            f"stara-{n}",
            consultations.now - timedelta(days=400 + n),
            consultations.now - timedelta(days=380 + n),
            title=f"Stara konsultacja {n:02d}",
        )
    first = client.get(consultations.index.url).content.decode()
    second = client.get(consultations.index.url, {"strona": 2}).content.decode()
    shown_first = set(re.findall(r"Stara konsultacja \d\d", first))
    shown_second = set(re.findall(r"Stara konsultacja \d\d", second))
    # 13 consultations, 10 a page: the three current ones and 7 old on page 1, the 3 oldest on page 2.
    assert len(shown_first) == 7
    assert shown_second == {"Stara konsultacja 07", "Stara konsultacja 08", "Stara konsultacja 09"}
    assert "Zasady budżetu" in first and "Zasady budżetu" not in second


# Report


def test_report_is_404_before_closing(client, consultations):
    assert client.get(consultations.open.url + "raport/").status_code == 404
    assert client.get(consultations.upcoming.url + "raport/").status_code == 404


def test_report_lists_counts_responses_and_hides_rejected_content(client, consultations, admin_user):
    page = consultations.closed
    names = field_names(page)

    def submission(text, status):
        return Submission.objects.create(
            page=page, form_data={names["name"]: "Mieszkaniec", names["text"]: text}, status=status
        )

    approved = submission("Konsultacje powinny trwać trzy tygodnie.", SubmissionStatus.APPROVED)
    approved.set_response(admin_user, ResponseOutcome.ACCEPTED, "Uwzględniono: 21 dni.")
    submission("Druga opublikowana uwaga.", SubmissionStatus.APPROVED)
    submission("Treść obraźliwa do ukrycia.", SubmissionStatus.PENDING).reject(
        admin_user, RejectionReason.OFFENSIVE
    )
    submission("Nie na temat, o remoncie.", SubmissionStatus.PENDING).reject(
        admin_user, RejectionReason.OFF_TOPIC
    )
    submission("Inna obraźliwa.", SubmissionStatus.PENDING).reject(admin_user, RejectionReason.OFFENSIVE)
    submission("Kup kredyt!", SubmissionStatus.SPAM)
    submission("Czeka.", SubmissionStatus.PENDING)

    response = client.get(page.url + "raport/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="row">zatwierdzona</th><td>2</td>' in html
    assert '<th scope="row">odrzucona</th><td>3</td>' in html
    assert '<th scope="row">spam</th><td>1</td>' in html
    assert '<th scope="row">oczekuje</th><td>1</td>' in html
    assert "Razem 6 uwag, nie licząc spamu." in html
    assert "<li>treść obraźliwa lub naruszająca prawo: 2</li>" in html
    assert "<li>nie dotyczy przedmiotu konsultacji: 1</li>" in html
    assert "Konsultacje powinny trwać trzy tygodnie." in html
    assert "Druga opublikowana uwaga." in html
    assert "Uwzględniono: 21 dni." in html
    for hidden in (
        "Treść obraźliwa do ukrycia.",
        "Nie na temat, o remoncie.",
        "Inna obraźliwa.",
        "Kup kredyt!",
        "Czeka.",
    ):
        assert hidden not in html


# Query bounds


@pytest.mark.parametrize("approved", [5, 500])
def test_consultation_page_queries_do_not_grow_with_comments(
    client, consultations, django_assert_max_num_queries, approved
):
    page = consultations.open
    anchor = page.units.first().anchor
    add_submissions(page, approved, unit_anchor=anchor)
    add_submissions(page, 3, status=SubmissionStatus.PENDING)
    client.get(page.url)  # warm the site root and settings caches
    with django_assert_max_num_queries(32):
        response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert {5: "8 uwag, 5 opublikowanych", 500: "503 uwagi, 500 opublikowanych"}[approved] in html
    assert html.count('class="comment"') == min(approved, 20)
    assert html.count('class="comment comment--inline"') == 3


@pytest.mark.parametrize("extra", [0, 12])
def test_index_page_queries_do_not_grow_with_consultations(
    client, consultations, django_assert_max_num_queries, extra
):
    for n in range(extra):
        make_consultation(
            consultations.index,
            f"kolejna-{n}",
            consultations.now - timedelta(days=n + 1),
            consultations.now + timedelta(days=n + 1),
        )
    client.get(consultations.index.url)
    with django_assert_max_num_queries(21):
        response = client.get(consultations.index.url)
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == min(3 + extra, 10)


def test_counts_use_polish_plural_forms(client, consultations):
    page = consultations.open
    add_submissions(page, 3)
    add_submissions(page, 2, status=SubmissionStatus.PENDING)
    html = client.get(page.url).content.decode()
    assert "5 uwag, 3 opublikowane" in html
    assert "Na moderację czekają 2 uwagi." in html


@pytest.mark.parametrize(
    "query", ["rok=0", "rok=99999999999999999999", "rok=1999", "rok=%C2%B2", "status=%3Cx%3E&strona=abc"]
)
def test_index_ignores_hostile_filters(client, consultations, query):
    response = client.get(f"{consultations.index.url}?{query}")
    assert response.status_code == 200
    assert "Zasady budżetu obywatelskiego" in response.content.decode()


def test_field_errors_are_tied_to_their_fields(client, consultations):
    page = consultations.open
    html = post_comment(client, page, consent=None, text="").content.decode()
    for name in (field_names(page)["consent"], field_names(page)["text"]):
        field = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in field
        described_by = re.search(r'aria-describedby="([^"]+)"', field).group(1).split()
        assert f"id_{name}_error" in described_by
        assert f'id="id_{name}_error"' in html


def test_editing_the_privacy_notice_versions_it_and_each_submission_keeps_its_version(
    client, admin_client, consultations
):
    notice = consultations.notice
    post_comment(client, consultations.open)
    first = Submission.objects.get()
    edit_url = reverse("wagtailsnippets_consultation_privacynotice:edit", args=[notice.pk])
    assert admin_client.get(edit_url).status_code == 200
    response = admin_client.post(
        edit_url, {"title": notice.title, "text": rich_text("<p>Nowy okres przechowywania: 2 lata.</p>")}
    )
    assert response.status_code == 302

    public = client.get(consultations.open.url).content.decode()
    assert "Nowy okres przechowywania: 2 lata." in public
    post_comment(client, consultations.open, name="Jan Nowak")
    second = Submission.objects.exclude(pk=first.pk).get()
    notice.refresh_from_db()
    first.refresh_from_db()
    assert second.privacy_notice_revision == notice.latest_revision
    assert first.privacy_notice_revision != second.privacy_notice_revision
    assert "Administratorem danych" in str(first.privacy_notice_revision.content["text"])


# After the consultation closes


def test_closed_consultation_folds_the_text_written_for_the_open_phase(client, consultations):
    page = consultations.closed
    page.body = [{"type": "paragraph", "value": "<p>Zgłoś uwagę do 30 listopada!</p>"}]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    archive = html.index('<details class="consultation__archive">')
    assert archive < html.index("Zgłoś uwagę do 30 listopada!") < html.index("</details>", archive)
    assert html.index('id="wynik"') < archive


def test_closed_consultation_shows_the_text_for_after_closing_instead(client, consultations):
    page = consultations.closed
    page.body = [{"type": "paragraph", "value": "<p>Zgłoś uwagę do 30 listopada!</p>"}]
    page.closed_body = [{"type": "paragraph", "value": "<p>Dziękujemy za 40 uwag.</p>"}]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "Dziękujemy za 40 uwag." in html
    assert "Zgłoś uwagę do 30 listopada!" not in html


def test_open_consultation_shows_its_description_and_not_the_closing_text(client, consultations):
    page = consultations.open
    page.body = [{"type": "paragraph", "value": "<p>Zgłoś uwagę do 30 listopada!</p>"}]
    page.closed_body = [{"type": "paragraph", "value": "<p>Dziękujemy za 40 uwag.</p>"}]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "Zgłoś uwagę do 30 listopada!" in html
    assert "Dziękujemy za 40 uwag." not in html
    assert "consultation__archive" not in html


def test_past_meetings_offer_no_calendar_file(client, consultations):
    page = consultations.open
    past = ConsultationMeeting.objects.create(
        page=page,
        starts_at=consultations.now - timedelta(days=2),
        ends_at=consultations.now - timedelta(days=2, hours=-2),
        place="Klub Seniora",
        online_url="https://spotkanie.example/stare",
    )
    upcoming = list(page.meetings.exclude(pk=past.pk))

    html = client.get(page.url).content.decode()

    assert f"kalendarz/{past.pk}/" not in html
    assert "https://spotkanie.example/stare" not in html
    assert "Spotkanie już się odbyło." in html
    assert all(f"kalendarz/{meeting.pk}/" in html for meeting in upcoming)
    assert client.get(f"{page.url}kalendarz/{past.pk}/").status_code == 404
    events = Calendar.from_ical(client.get(page.url + "kalendarz/").content).walk("VEVENT")
    assert len(events) == len(upcoming) == 2


def test_consultation_with_only_past_meetings_offers_no_calendar(client, consultations):
    page = consultations.closed
    ConsultationMeeting.objects.create(
        page=page,
        starts_at=consultations.now - timedelta(days=40),
        ends_at=consultations.now - timedelta(days=40, hours=-2),
        place="Sala Sesyjna",
    )

    html = client.get(page.url).content.decode()

    assert "Sala Sesyjna" in html
    assert "kalendarz/" not in html
    assert client.get(page.url + "kalendarz/").status_code == 404


def test_meeting_ics_linked_from_an_untranslated_english_page_downloads(client, consultations):
    """The English tree shows the Polish consultation as an alias with copies of its meetings; its
    calendar link is sent on to the Polish page, which must know the meeting by the alias's number."""
    sync_trees()
    alias = consultations.open.aliases.get(locale__language_code="en")
    html = client.get(alias.url).text
    links = re.findall(r'href="([^"]*/kalendarz/\d+/)"', html)
    assert len(links) == 2

    for link in links:
        response = client.get(link, follow=True)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1
