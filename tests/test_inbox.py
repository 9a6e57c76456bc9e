"""The moderators' inbox in the Wagtail admin (/admin/inbox/): listing, filters, search, decisions,
the official response, bulk decisions, history, permissions, the pending counter and exports."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission, ModelLogEntry, Page, Site

from consultation.choices import RejectionReason, ResponseOutcome, SubmissionStatus
from consultation.models import ConsultationIndexPage, ConsultationPage, Submission
from home.models import HomePage

INDEX_URL = "/admin/inbox/"


def edit_url(submission):
    return reverse("submission_inbox:edit", args=[submission.pk])


def history_url(submission):
    return reverse("submission_inbox:history", args=[submission.pk])


def bulk_url(action, *submissions, **params):
    query = "&".join([f"id={s.pk}" for s in submissions] + [f"{k}={v}" for k, v in params.items()])
    return reverse("wagtail_bulk_action", args=["consultation", "submission", action]) + "?" + query


def make_consultation(parent, title, slug):
    now = timezone.now()
    page = parent.add_child(
        instance=ConsultationPage(
            title=title, slug=slug, start_at=now - timedelta(days=1), end_at=now + timedelta(days=14)
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def consultations(db):
    Page.objects.filter(depth=2).delete()
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Start", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
    )
    index = home.add_child(instance=ConsultationIndexPage(title="Konsultacje", slug="konsultacje"))
    park = make_consultation(index, "Park Sielecki", "park-sielecki")
    school = make_consultation(index, "Boisko przy szkole", "boisko")
    return park, school


def comment(page, text, status=SubmissionStatus.PENDING, signature="Anna Nowak", email="anna@example.com"):
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    return Submission.objects.create(
        page=page,
        form_data={
            fields["Podpis"]: signature,
            fields["E-mail"]: email,
            fields["Treść uwagi"]: text,
        },
        status=status,
    )


def field_name(page, label):
    return next(field.clean_name for field in page.get_form_fields() if field.label == label)


@pytest.fixture
def editor(db, django_user_model):
    group, _ = Group.objects.get_or_create(name="Redaktorzy")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = django_user_model.objects.create_user(username="redaktor", password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def listed_numbers(response):
    return {row.pk for row in response.context["object_list"]}


# The journey


def test_moderator_journey_approve_shows_in_history(moderator_client, moderator, consultations):
    park, _ = consultations
    submission = comment(park, "Więcej ławek przy stawie, proszę.")

    response = moderator_client.get(INDEX_URL)
    assert response.status_code == 200
    assert submission.pk in listed_numbers(response)
    assert "Więcej ławek przy stawie" in response.content.decode()

    response = moderator_client.get(edit_url(submission))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anna Nowak" in page and "Treść uwagi" in page

    response = moderator_client.post(edit_url(submission), {"action": "approve"}, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(submission)
    assert "Zatwierdzono zgłoszenie nr" in response.content.decode()

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_by == moderator
    entry = ModelLogEntry.objects.get(object_id=str(submission.pk), action="consultation.approve")
    assert entry.user == moderator

    response = moderator_client.get(history_url(submission))
    assert response.status_code == 200
    history = response.content.decode()
    assert "Zatwierdzono zgłoszenie" in history
    assert "Ewa" in history


def test_reject_with_reason_is_stored_and_logged(moderator_client, moderator, consultations):
    park, _ = consultations
    submission = comment(park, "Nie na temat.")
    response = moderator_client.post(
        edit_url(submission),
        {
            "action": "reject",
            "reject-category": RejectionReason.OFF_TOPIC,
            "reject-reason": "Dotyczy innej ulicy.",
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.REJECTED
    assert submission.reason_category == RejectionReason.OFF_TOPIC
    assert submission.reason == "Dotyczy innej ulicy."
    assert ModelLogEntry.objects.filter(object_id=str(submission.pk), action="consultation.reject").exists()
    history = moderator_client.get(history_url(submission)).content.decode()
    assert "nie dotyczy przedmiotu konsultacji" in history


def test_reject_other_without_reason_shows_error_and_changes_nothing(moderator_client, consultations):
    park, _ = consultations
    submission = comment(park, "Coś.")
    response = moderator_client.post(
        edit_url(submission),
        {"action": "reject", "reject-category": RejectionReason.OTHER, "reject-reason": ""},
    )
    assert response.status_code == 400
    assert "Wpisz powód odrzucenia." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING


def test_reject_with_notification_emails_the_sender(
    moderator_client, consultations, django_capture_on_commit_callbacks
):
    park, _ = consultations
    submission = comment(park, "Reklama.", email="nadawca@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            edit_url(submission),
            {"action": "reject", "reject-category": RejectionReason.ADVERTISING, "reject-notify": "on"},
        )
    assert [message.to for message in mail.outbox] == [["nadawca@example.com"]]
    assert "reklama" in mail.outbox[0].body


def test_approve_without_notification_sends_no_email(
    moderator_client, consultations, django_capture_on_commit_callbacks
):
    park, _ = consultations
    submission = comment(park, "Dobra uwaga.")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(edit_url(submission), {"action": "approve"})
    assert mail.outbox == []


def test_mark_spam(moderator_client, consultations):
    park, _ = consultations
    submission = comment(park, "Kup tanie buty!")
    moderator_client.post(edit_url(submission), {"action": "spam"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SPAM
    assert ModelLogEntry.objects.filter(object_id=str(submission.pk), action="consultation.spam").exists()


def test_response_with_outcome_is_saved_and_logged(moderator_client, consultations):
    park, _ = consultations
    submission = comment(park, "Dodajcie stojaki na rowery.", status=SubmissionStatus.APPROVED)
    moderator_client.post(
        edit_url(submission),
        {
            "action": "respond",
            "respond-outcome": ResponseOutcome.PARTIALLY,
            "respond-response": "Stojaki stanął przy wejściu głównym.",
        },
    )
    submission.refresh_from_db()
    assert submission.response_outcome == ResponseOutcome.PARTIALLY
    assert submission.response == "Stojaki stanął przy wejściu głównym."
    assert submission.responded_at is not None
    assert ModelLogEntry.objects.filter(object_id=str(submission.pk), action="consultation.respond").exists()


def test_response_with_notification_emails_the_response_to_the_sender(
    moderator_client, consultations, django_capture_on_commit_callbacks
):
    park, _ = consultations
    submission = comment(
        park, "Dodajcie ławki.", status=SubmissionStatus.APPROVED, email="nadawca@example.com"
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            edit_url(submission),
            {
                "action": "respond",
                "respond-outcome": ResponseOutcome.ACCEPTED,
                "respond-response": "Ławki staną wiosną.",
                "respond-notify": "on",
            },
        )
    [message] = mail.outbox
    assert message.to == ["nadawca@example.com"]
    assert "Ławki staną wiosną." in message.body
    assert "uwzględniono" in message.body


def test_response_without_text_is_refused(moderator_client, consultations):
    park, _ = consultations
    submission = comment(park, "Uwaga.")
    response = moderator_client.post(
        edit_url(submission), {"action": "respond", "respond-outcome": ResponseOutcome.ACCEPTED}
    )
    assert response.status_code == 400
    submission.refresh_from_db()
    assert submission.responded_at is None


def test_undo_returns_to_pending(moderator_client, moderator, consultations):
    park, _ = consultations
    submission = comment(park, "Uwaga.")
    submission.approve(moderator)
    moderator_client.post(edit_url(submission), {"action": "undo"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING
    assert ModelLogEntry.objects.filter(object_id=str(submission.pk), action="consultation.undo").exists()


def test_undo_on_pending_item_is_refused(moderator_client, consultations):
    park, _ = consultations
    submission = comment(park, "Uwaga.")
    moderator_client.post(edit_url(submission), {"action": "undo"})
    assert not ModelLogEntry.objects.filter(object_id=str(submission.pk)).exists()


# Bulk actions


def test_bulk_approve_changes_selected_items_only(moderator_client, consultations):
    park, _ = consultations
    first, second, third = (comment(park, f"Uwaga {n}") for n in range(3))

    confirmation = moderator_client.get(bulk_url("approve", first, second, next=INDEX_URL))
    assert confirmation.status_code == 200
    assert "Tak, zatwierdź" in confirmation.content.decode()

    response = moderator_client.post(bulk_url("approve", first, second, next=INDEX_URL))
    assert response.status_code == 302
    assert response["Location"] == INDEX_URL
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: SubmissionStatus.APPROVED,
        second.pk: SubmissionStatus.APPROVED,
        third.pk: SubmissionStatus.PENDING,
    }
    assert ModelLogEntry.objects.filter(action="consultation.approve").count() == 2


def test_bulk_reject_needs_a_reason(moderator_client, consultations):
    park, _ = consultations
    first, second = comment(park, "A"), comment(park, "B")
    moderator_client.post(bulk_url("reject", first, second), {"category": RejectionReason.DUPLICATE})
    assert set(Submission.objects.values_list("status", "reason_category")) == {
        (SubmissionStatus.REJECTED, RejectionReason.DUPLICATE)
    }


def test_bulk_spam_on_all_filtered_items(moderator_client, consultations):
    park, school = consultations
    comment(park, "A"), comment(park, "B")
    other = comment(school, "C")
    moderator_client.post(bulk_url("spam", id="all", page=park.pk))
    assert Submission.objects.filter(status=SubmissionStatus.SPAM).count() == 2
    other.refresh_from_db()
    assert other.status == SubmissionStatus.PENDING


def test_bulk_action_denied_to_editor(client, editor, consultations):
    park, _ = consultations
    submission = comment(park, "A")
    client.force_login(editor)
    response = client.post(bulk_url("approve", submission))
    assert response.status_code in (302, 403)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING


# Filters, search, ordering


def test_filter_by_status(moderator_client, consultations):
    park, _ = consultations
    pending = comment(park, "A")
    approved = comment(park, "B", status=SubmissionStatus.APPROVED)
    response = moderator_client.get(INDEX_URL, {"status": "approved"})
    assert listed_numbers(response) == {approved.pk}
    assert pending.pk not in listed_numbers(moderator_client.get(INDEX_URL, {"status": "approved"}))


def test_filter_by_page(moderator_client, consultations):
    park, school = consultations
    in_park, in_school = comment(park, "A"), comment(school, "B")
    assert listed_numbers(moderator_client.get(INDEX_URL, {"page": school.pk})) == {in_school.pk}
    assert listed_numbers(moderator_client.get(INDEX_URL, {"page": park.pk})) == {in_park.pk}


def test_filter_by_date_range(moderator_client, consultations):
    park, _ = consultations
    old, new = comment(park, "A"), comment(park, "B")
    Submission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=30))
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert listed_numbers(moderator_client.get(INDEX_URL, {"submit_time_from": since})) == {new.pk}


def test_search_over_form_data(moderator_client, consultations):
    park, _ = consultations
    benches = comment(park, "Więcej ławek przy stawie")
    comment(park, "Oświetlenie alejek")
    assert listed_numbers(moderator_client.get(INDEX_URL, {"q": "ławek"})) == {benches.pk}
    assert listed_numbers(moderator_client.get(INDEX_URL, {"q": "STAWIE"})) == {benches.pk}


def test_sorting_by_page_title(moderator_client, consultations):
    park, school = consultations
    comment(park, "A"), comment(school, "B")
    response = moderator_client.get(INDEX_URL, {"ordering": "page__title"})
    assert [row.page_id for row in response.context["object_list"]] == [school.pk, park.pk]


def test_index_paginates(moderator_client, consultations):
    park, _ = consultations
    for n in range(30):
        comment(park, f"Uwaga {n}")
    response = moderator_client.get(INDEX_URL)
    assert len(response.context["object_list"]) == 25
    assert len(moderator_client.get(INDEX_URL, {"p": 2}).context["object_list"]) == 5


@pytest.mark.parametrize("count", [10, 60])
def test_index_query_count_does_not_grow(
    moderator_client, consultations, count, django_assert_max_num_queries
):
    park, school = consultations
    for n in range(count):
        comment(
            park if n % 2 else school, f"Uwaga {n}", status=SubmissionStatus.APPROVED if n % 3 else "pending"
        )
    with django_assert_max_num_queries(15):
        response = moderator_client.get(INDEX_URL)
    assert response.status_code == 200


# Permissions


def test_editor_without_permission_is_denied(client, editor, consultations):
    park, _ = consultations
    submission = comment(park, "A")
    client.force_login(editor)
    for url in (INDEX_URL, edit_url(submission), history_url(submission)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    client.post(edit_url(submission), {"action": "approve"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING


def test_editor_does_not_see_the_menu_item(client, editor, consultations):
    client.force_login(editor)
    assert "Moderacja" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_is_sent_to_login(client, consultations):
    response = client.get(INDEX_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_moderator_cannot_edit_resident_text(moderator_client, consultations):
    park, _ = consultations
    submission = comment(park, "Oryginalna treść")
    text_field = field_name(park, "Treść uwagi")
    response = moderator_client.post(
        edit_url(submission), {"action": "approve", text_field: "Zmieniona treść", "form_data": "{}"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.form_data[text_field] == "Oryginalna treść"
    assert f'name="{text_field}"' not in moderator_client.get(edit_url(submission)).content.decode()


def test_nobody_adds_and_only_superusers_delete(moderator_client, consultations, admin_user, client):
    park, _ = consultations
    submission = comment(park, "A")
    assert moderator_client.get(INDEX_URL + "new/").status_code == 404
    delete_url = reverse("submission_inbox:delete", args=[submission.pk])
    assert moderator_client.post(delete_url).status_code == 302
    assert Submission.objects.filter(pk=submission.pk).exists()
    client.force_login(admin_user)
    client.post(delete_url)
    assert not Submission.objects.filter(pk=submission.pk).exists()


# Counter and dashboard


def test_menu_shows_pending_count_and_dashboard_panel(moderator_client, consultations):
    park, _ = consultations
    comment(park, "A"), comment(park, "B"), comment(park, "C", status=SubmissionStatus.APPROVED)
    dashboard = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Moderacja (2)" in dashboard
    assert "Moderacja zgłoszeń mieszkańców" in dashboard
    assert f"{INDEX_URL}?status=pending" in dashboard


def test_menu_without_pending_has_no_counter(moderator_client, consultations):
    dashboard = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Moderacja (" not in dashboard


# Exports


def test_csv_export_of_one_page_has_one_column_per_form_field(moderator_client, moderator, consultations):
    park, school = consultations
    first = comment(park, "=SUM(A1) ławki", signature="Jan Kowalski")
    first.reject(moderator, RejectionReason.OFFENSIVE, "Wulgaryzmy.")
    comment(park, "Druga uwaga")
    comment(school, "Uwaga o boisku")

    response = moderator_client.get(INDEX_URL, {"page": park.pk, "export": "csv"})
    assert response.status_code == 200
    assert 'filename="zgloszenia-park-sielecki.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert len(rows) == 2
    labels = [field.label for field in park.get_form_fields()]
    assert set(labels) <= set(rows[0])
    for heading in (
        "Status",
        "Powód odrzucenia",
        "Rozstrzygnięcie",
        "Odpowiedź urzędu",
        "Wysłano",
        "Decyzja: kiedy",
    ):
        assert heading in rows[0]
    rejected = next(row for row in rows if row["Nr"] == str(first.pk))
    assert rejected["Podpis"] == "Jan Kowalski"
    assert rejected["Treść uwagi"] == "'=SUM(A1) ławki"
    assert rejected["Status"] == "odrzucona"
    assert rejected["Powód odrzucenia"] == "treść obraźliwa lub naruszająca prawo: Wulgaryzmy."
    assert rejected["Decyzja: kiedy"]


def test_xlsx_export_opens(moderator_client, consultations):
    park, _ = consultations
    comment(park, "Uwaga w arkuszu")
    response = moderator_client.get(INDEX_URL, {"page": park.pk, "export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert "Treść uwagi" in rows[0]
    assert "Uwaga w arkuszu" in rows[1]
    assert len(rows) == 2


def test_export_denied_to_editor(client, editor, consultations):
    client.force_login(editor)
    response = client.get(INDEX_URL, {"export": "csv"})
    assert response.status_code == 302


def test_page_editor_cannot_read_submissions_through_wagtails_form_list(client, editor, consultations):
    park, _ = consultations
    comment(park, "Prywatna uwaga.", email="prywatny@example.com")
    GroupPagePermission.objects.create(
        group=editor.groups.get(),
        page=park.get_parent().get_parent(),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[park.pk])).status_code == 200
    forms_index = client.get(reverse("wagtailforms:index"))
    assert "Park Sielecki" not in forms_index.content.decode()
    listing = client.get(reverse("wagtailforms:list_submissions", args=[park.pk]), {"export": "csv"})
    assert listing.status_code in (302, 403)
    assert b"prywatny@example.com" not in b"".join(getattr(listing, "streaming_content", [listing.content]))


def test_wagtails_form_list_sends_a_moderator_to_the_inbox(admin_client, consultations):
    park, _ = consultations
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[park.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("submission_inbox:index") + f"?page={park.pk}"


def test_inbox_search_with_control_characters_is_harmless(moderator_client, consultations):
    park, _ = consultations
    comment(park, "Ławki w parku.")
    response = moderator_client.get(reverse("submission_inbox:index"), {"q": "\x00parku\x07"})
    assert response.status_code == 200
    assert "Ławki w parku." in response.content.decode()


# Residents posing as the city


@pytest.mark.parametrize(
    "signature, text, sign",
    [
        ("Urząd Miejski w Sosnowcu", "Dziękujemy za uwagi.", "zawiera słowa „urząd miejski”"),
        ("URZAD  miejski", "Dziękujemy.", "zawiera słowa „urząd miejski”"),
        ("Jan", "✔ Oficjalna odpowiedź: projekt odrzucony.", "zaczyna się od znaku „✔”"),
        ("Jan", "Oficjalna odpowiedź: projekt odrzucony.", "zawiera słowa „oficjalna odpowiedź”"),
        ("☑ Moderator", "Usuwamy te uwagi.", "zaczyna się od znaku „☑”"),
    ],
)
def test_text_posing_as_the_city_is_marked_in_the_list_and_the_detail(
    moderator_client, consultations, signature, text, sign
):
    park, _school = consultations
    posing = comment(park, text, signature=signature)
    honest = comment(park, "Proszę o więcej ławek w parku.", signature="Anna Nowak")

    listing = moderator_client.get(reverse("submission_inbox:index"))
    rows = BeautifulSoup(listing.content, "html.parser").select("table.listing tbody tr")
    warnings = {
        int(row.select_one("input[data-object-id]")["data-object-id"]): "podszywać się pod urząd"
        in row.get_text()
        for row in rows
    }
    assert warnings == {posing.pk: True, honest.pk: False}

    detail = moderator_client.get(edit_url(posing)).content.decode()
    assert "To zgłoszenie może podszywać się pod urząd." in detail
    assert sign in detail
    assert "podszywać się pod urząd" not in moderator_client.get(edit_url(honest)).content.decode()
