"""Consultation page types in the Wagtail admin, as an editor meets them: where they may sit in the
tree, creating them (with the draft act, meetings and the comment form), the refusals, editing,
previewing, and the Polish labels of the editor."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from consultation.choices import ModerationMode
from consultation.models import (
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    DraftActUnit,
    FormField,
    ModeratedFormPage,
)
from consultation.models.consultation import DEFAULT_COMMENT_FIELDS
from home.models import HomePage, StandardPage

WARSAW = ZoneInfo("Europe/Warsaw")
CONSENT_LABEL = DEFAULT_COMMENT_FIELDS[3][0]
MEETING_ORDER_ERROR = "Spotkanie musi kończyć się po tym, jak się zacznie."
MEETING_PLACE_ERROR = "Podaj miejsce z adresem albo link do spotkania online."
PUBLIC_FIELD_ERROR = "Adresu e-mail, zgody ani pola ukrytego nie można pokazać publicznie."


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_refused(response):
    """Wagtail answers a page type that may not be created there with a redirect to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def form_errors(response):
    """Every error the admin re-shows: the page form's and each inline form's, as plain strings."""
    form = response.context["form"]
    errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
    for formset in form.formsets.values():
        errors += [
            str(error) for form_errors in formset.errors for field in form_errors.values() for error in field
        ]
        errors += [str(error) for error in formset.non_form_errors()]
    return errors


@pytest.fixture
def index(site_tree):
    page = ConsultationIndexPage(title="Konsultacje społeczne", slug="konsultacje", lead="Twój głos.")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def consultation(index):
    """An open consultation; its times are whole minutes, as the admin's date-time picker gives them."""
    now = timezone.now().replace(second=0, microsecond=0)
    page = ConsultationPage(
        title="Zasady budżetu obywatelskiego",
        slug="zasady-bo",
        start_at=now - timedelta(days=3),
        end_at=now + timedelta(days=10),
        body=[{"type": "paragraph", "value": "<p>Konsultujemy zasady budżetu.</p>"}],
    )
    page.units = [DraftActUnit(label="§ 1", text="Ustala się zasady budżetu obywatelskiego.")]
    page.meetings = [
        ConsultationMeeting(
            starts_at=now + timedelta(days=2),
            ends_at=now + timedelta(days=2, hours=2),
            place="Sala Sesyjna Urzędu Miejskiego",
        )
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- tree rules -----------------------------------------------------------------------------------


def test_consultation_index_goes_only_below_the_home_page_and_holds_only_consultations(page_assertions):
    page_assertions.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
    page_assertions.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
    page_assertions.assertCanCreateAt(HomePage, ConsultationIndexPage)
    for parent in (Page, StandardPage, ConsultationIndexPage, ConsultationPage):
        page_assertions.assertCanNotCreateAt(parent, ConsultationIndexPage)


def test_consultation_goes_only_below_a_consultation_index(page_assertions):
    page_assertions.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
    page_assertions.assertCanCreateAt(ConsultationIndexPage, ConsultationPage)
    for parent in (Page, HomePage, StandardPage, ConsultationPage):
        page_assertions.assertCanNotCreateAt(parent, ConsultationPage)


def test_nothing_goes_below_a_consultation(page_assertions):
    page_assertions.assertAllowedSubpageTypes(ConsultationPage, set())
    for child in get_page_models():
        page_assertions.assertCanNotCreateAt(ConsultationPage, child)


def test_moderated_form_page_cannot_be_created_anywhere(editor, site_tree, index, consultation):
    # It is a base for consultations and other forms: not creatable, though the tree would allow it.
    assert not ModeratedFormPage.is_creatable
    for parent in get_page_models():
        assert ModeratedFormPage not in parent.creatable_subpage_models(), parent
    for parent in (site_tree.root, site_tree.home, site_tree.about, index, consultation):
        assert_refused(editor.get(add_url(ModeratedFormPage, parent)))
        add_subpage = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[parent.pk]))
        assert add_url(ModeratedFormPage, parent) not in add_subpage.text


def test_standard_page_cannot_go_below_a_consultation_index(page_assertions):
    page_assertions.assertCanNotCreateAt(ConsultationIndexPage, StandardPage)


def test_admin_offers_an_editor_only_the_allowed_page_types(editor, site_tree, consultation):
    index = consultation.get_parent()

    below_home = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[site_tree.home.pk]))
    below_index = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[index.pk]))

    assert add_url(ConsultationIndexPage, site_tree.home) in below_home.text
    assert add_url(ConsultationPage, site_tree.home) not in below_home.text
    # The only choice below an index: straight to the consultation form.
    assert below_index.status_code == 302
    assert below_index["Location"] == add_url(ConsultationPage, index)
    assert_refused(editor.get(add_url(StandardPage, index)))
    assert_refused(editor.get(add_url(ConsultationPage, site_tree.home)))
    assert_refused(editor.get(add_url(ConsultationPage, consultation)))
    assert_refused(editor.get(add_url(StandardPage, consultation)))
    assert_refused(editor.get(add_url(ConsultationIndexPage, index)))


# --- creating pages in the admin ------------------------------------------------------------------


def index_form(title="Konsultacje społeczne", slug="konsultacje"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Tu pytamy mieszkańców o zdanie.",
            "intro": rich_text("<p>Każdy może zgłosić uwagi do projektu.</p>"),
        }
    )


DEFAULT_FORM_FIELDS = [
    {
        "label": label,
        "field_type": field_type,
        "required": "on" if required else "",
        "is_public": "on" if is_public else "",
        "help_text": help_text,
        "choices": "",
        "default_value": "",
        "file_kinds": "pdf_image",
        "max_file_size_mb": "10",
    }
    for label, field_type, required, is_public, help_text in DEFAULT_COMMENT_FIELDS
]


def meeting(**overrides):
    return {
        "starts_at": "05.12.2026 17:00",
        "ends_at": "05.12.2026 19:00",
        "place": "Sala Sesyjna Urzędu Miejskiego",
        "address": "al. Zwycięstwa 20, 41-200 Sosnowiec",
        "online_url": "",
        "description": "Wstęp wolny.",
        **overrides,
    }


def consultation_form(meetings=None, form_fields=None, **overrides):
    data = {
        "title": "Zasady budżetu obywatelskiego 2027",
        "slug": "zasady-bo-2027",
        "lead": "Zapraszamy do zgłaszania uwag do projektu uchwały.",
        "start_at": "01.12.2026 10:00",
        "end_at": "31.12.2026 23:59",
        "body": streamfield(
            [
                ("heading", {"text": "Kogo dotyczy konsultacja", "level": "h2", "anchor": ""}),
                ("paragraph", rich_text("<p>Wszystkich mieszkańców Sosnowca.</p>")),
            ]
        ),
        "subject": rich_text("<p>Projekt uchwały w sprawie budżetu obywatelskiego na 2027 r.</p>"),
        "documents": inline_formset([]),
        "units": inline_formset(
            [
                {"label": "§ 1", "text": "Ustala się zasady budżetu obywatelskiego.", "anchor": ""},
                {"label": "§ 2 ust. 1", "text": "Projekt może zgłosić każdy mieszkaniec.", "anchor": ""},
            ]
        ),
        "meetings": inline_formset([meeting()] if meetings is None else meetings),
        "contact_name": "Jan Nowak",
        "contact_role": "Wydział Komunikacji Społecznej",
        "contact_email": "konsultacje@sosnowiec.invalid",
        "contact_phone": "+48 32 296 00 00",
        "moderation_mode": ModerationMode.PRE,
        "privacy_notice": "",
        "thank_you_text": "Dziękujemy za uwagę.",
        "notify_emails": "moderacja@sosnowiec.invalid",
        "form_fields": inline_formset(DEFAULT_FORM_FIELDS if form_fields is None else form_fields),
        "closed_body": streamfield([]),
        "outcome": rich_text(""),
        "outcome_documents": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_a_consultation_index_below_home(editor, site_tree, page_assertions):
    page_assertions.assertCanCreate(site_tree.home, ConsultationIndexPage, index_form())

    page = ConsultationIndexPage.objects.get(slug="konsultacje")
    assert page.live
    assert page.get_parent().specific == site_tree.home
    assert "Każdy może zgłosić uwagi do projektu." in editor.get("/konsultacje/").text


def test_editor_creates_a_consultation_with_its_draft_act_meetings_and_form(editor, index, page_assertions):
    page_assertions.assertCanCreate(index, ConsultationPage, consultation_form())

    page = ConsultationPage.objects.get(slug="zasady-bo-2027")
    assert page.live
    assert page.get_parent().specific == index
    assert page.start_at == datetime(2026, 12, 1, 10, 0, tzinfo=WARSAW)
    assert page.end_at == datetime(2026, 12, 31, 23, 59, tzinfo=WARSAW)
    assert [(unit.label, unit.anchor) for unit in page.units.all()] == [
        ("§ 1", "par-1"),
        ("§ 2 ust. 1", "par-2-ust-1"),
    ]
    [saved_meeting] = page.meetings.all()
    assert saved_meeting.starts_at == datetime(2026, 12, 5, 17, 0, tzinfo=WARSAW)
    assert saved_meeting.place == "Sala Sesyjna Urzędu Miejskiego"
    assert not page.documents.exists()
    assert not page.outcome_documents.exists()
    assert [
        (field.label, field.field_type, field.required, field.is_public) for field in page.form_fields.all()
    ] == [
        (label, field_type, required, public)
        for label, field_type, required, public, _help in DEFAULT_COMMENT_FIELDS
    ]
    response = editor.get(page.url)
    assert response.status_code == 200
    assert "Wszystkich mieszkańców Sosnowca." in response.text
    assert "Ustala się zasady budżetu obywatelskiego." in response.text
    assert "al. Zwycięstwa 20, 41-200 Sosnowiec" in response.text


def test_admin_add_form_accepts_iso_dates_as_well(editor, index, page_assertions):
    data = consultation_form(start_at="2026-12-01 10:00", end_at="2026-12-31 23:59")

    page_assertions.assertCanCreate(index, ConsultationPage, data)

    page = ConsultationPage.objects.get(slug="zasady-bo-2027")
    assert (page.start_at, page.end_at) == (
        datetime(2026, 12, 1, 10, 0, tzinfo=WARSAW),
        datetime(2026, 12, 31, 23, 59, tzinfo=WARSAW),
    )


def test_admin_add_form_shows_the_four_default_comment_fields(editor, index):
    response = editor.get(add_url(ConsultationPage, index))

    assert response.status_code == 200
    data = querydict_from_html(response.text, form_id="page-edit-form")
    assert data["form_fields-TOTAL_FORMS"] == "4"
    for number, (label, field_type, required, is_public, help_text) in enumerate(DEFAULT_COMMENT_FIELDS):
        assert data[f"form_fields-{number}-label"] == label
        assert data[f"form_fields-{number}-field_type"] == field_type
        assert data[f"form_fields-{number}-help_text"] == help_text
        assert (f"form_fields-{number}-required" in data) is required
        assert (f"form_fields-{number}-is_public" in data) is is_public
    for label in ("Podpis", "E-mail", "Treść uwagi", CONSENT_LABEL):
        assert f'value="{escape(label)}"' in response.text


def browser_post_data(html, **fields):
    """What the browser sends from the add/edit form as shown, with the JavaScript-built widgets
    (the body StreamField, the date pickers) given and ticked checkboxes sent as "on"."""
    data = querydict_from_html(html, form_id="page-edit-form")
    for name, values in list(data.lists()):
        if values == [""] and re.search(
            rf'name="{re.escape(name)}"[^>]*type="checkbox"|type="checkbox"[^>]*name="{re.escape(name)}"',
            html,
        ):
            data[name] = "on"
    data.update(fields)
    return data


def test_editor_publishes_the_add_form_as_shown_and_keeps_the_default_fields(editor, index):
    url = add_url(ConsultationPage, index)
    data = browser_post_data(
        editor.get(url).text,
        title="Program współpracy",
        slug="program-wspolpracy",
        start_at="01.12.2026 10:00",
        end_at="31.12.2026 23:59",
        **nested_form_data(
            {
                "body": streamfield([("paragraph", rich_text("<p>Program.</p>"))]),
                "closed_body": streamfield([]),
            }
        ),
    )
    data["action-publish"] = "action-publish"

    response = editor.post(url, data)

    assert response.status_code == 302, form_errors(response)
    page = ConsultationPage.objects.get(slug="program-wspolpracy")
    assert page.live
    assert [
        (field.label, field.field_type, field.required, field.is_public, field.help_text)
        for field in page.form_fields.all()
    ] == list(DEFAULT_COMMENT_FIELDS)


# --- refusals -------------------------------------------------------------------------------------


def post_refused(client, index, data):
    data["action-publish"] = "action-publish"
    response = client.post(add_url(ConsultationPage, index), data)
    assert response.status_code == 200
    assert not ConsultationPage.objects.exists()
    return response


def test_meeting_ending_before_it_starts_is_refused(editor, index):
    data = consultation_form(meetings=[meeting(starts_at="05.12.2026 19:00", ends_at="05.12.2026 17:00")])

    response = post_refused(editor, index, data)

    assert form_errors(response) == [MEETING_ORDER_ERROR]
    assert MEETING_ORDER_ERROR in response.text


def test_consultation_ending_before_it_starts_is_refused(editor, index):
    data = consultation_form(start_at="31.12.2026 10:00", end_at="01.12.2026 23:59")

    response = post_refused(editor, index, data)

    assert "Konsultacja musi kończyć się po tym, jak się zacznie." in response.text


def test_meeting_ending_when_it_starts_is_refused(editor, index):
    data = consultation_form(meetings=[meeting(starts_at="05.12.2026 17:00", ends_at="05.12.2026 17:00")])

    response = post_refused(editor, index, data)

    assert MEETING_ORDER_ERROR in response.text


def test_meeting_without_place_address_or_link_is_refused(editor, index):
    data = consultation_form(meetings=[meeting(place="", address="", online_url="")])

    response = post_refused(editor, index, data)

    assert form_errors(response) == [MEETING_PLACE_ERROR]
    assert MEETING_PLACE_ERROR in response.text


@pytest.mark.parametrize(
    "where",
    [
        {"place": "Dom Kultury", "address": ""},
        {"place": "", "address": "ul. Mościckiego 1"},
        {"place": "", "address": "", "online_url": "https://meet.sosnowiec.invalid/bo"},
    ],
)
def test_meeting_with_a_place_an_address_or_a_link_is_accepted(editor, index, page_assertions, where):
    page_assertions.assertCanCreate(index, ConsultationPage, consultation_form(meetings=[meeting(**where)]))

    assert ConsultationPage.objects.get().meetings.count() == 1


@pytest.mark.parametrize("number", [1, 3], ids=["email", "consent"])
def test_private_form_field_marked_public_is_refused(editor, index, number):
    fields = [dict(field) for field in DEFAULT_FORM_FIELDS]
    fields[number]["is_public"] = "on"

    response = post_refused(editor, index, consultation_form(form_fields=fields))

    assert form_errors(response) == [PUBLIC_FIELD_ERROR]
    assert PUBLIC_FIELD_ERROR in response.text


def test_email_field_added_by_the_editor_as_public_is_refused(editor, index):
    fields = [
        *DEFAULT_FORM_FIELDS,
        {
            "label": "Drugi e-mail",
            "field_type": "email",
            "required": "",
            "is_public": "on",
            "help_text": "",
            "file_kinds": "pdf_image",
            "max_file_size_mb": "10",
        },
    ]

    response = post_refused(editor, index, consultation_form(form_fields=fields))

    assert PUBLIC_FIELD_ERROR in response.text
    assert not FormField.objects.filter(label="Drugi e-mail").exists()


# --- editing and previewing -----------------------------------------------------------------------


def index_edit_data(page):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": "Poprawiony wstęp.",
            "intro": rich_text("<p>Poprawione wprowadzenie.</p>"),
        }
    )


def consultation_edit_data(client, page):
    """The edit form as the editor gets it (existing units, meetings and form fields with their ids),
    with the JavaScript-built body given."""
    body = streamfield([("paragraph", rich_text("<p>Poprawiony opis.</p>"))])
    return browser_post_data(
        client.get(edit_url(page)).text, **nested_form_data({"body": body, "closed_body": streamfield([])})
    )


def test_consultation_index_is_editable_and_previewable(index, page_assertions):
    page_assertions.assertPageIsEditable(index, post_data=index_edit_data(index))
    page_assertions.assertPageIsPreviewable(index, post_data=index_edit_data(index))


def test_consultation_is_editable_and_previewable(editor, consultation, page_assertions):
    data = consultation_edit_data(editor, consultation)

    page_assertions.assertPageIsEditable(consultation, post_data=data)
    for mode in ("", consultation.default_preview_mode):
        page_assertions.assertPageIsPreviewable(consultation, mode=mode, post_data=data)


def test_consultation_preview_shows_the_form_and_has_no_landing_mode(consultation):
    assert [mode for mode, _label in consultation.preview_modes] == ["form"]
    assert consultation.default_preview_mode == "form"


def test_preview_of_a_consultation_shows_the_unsaved_changes_and_the_comment_form(editor, consultation):
    data = consultation_edit_data(editor, consultation)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[consultation.pk])

    check = editor.post(preview_url, data)
    response = editor.get(preview_url, {"mode": consultation.default_preview_mode})

    assert check.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    assert "consultation/consultation_page.html" in [template.name for template in response.templates]
    assert "Poprawiony opis." in response.text
    assert "Konsultujemy zasady budżetu." not in response.text
    for label in ("Podpis", "Treść uwagi"):
        assert label in response.text


def test_editor_saves_an_edited_consultation_without_losing_its_inline_items(editor, consultation):
    data = consultation_edit_data(editor, consultation)
    data["title"] = "Zasady budżetu obywatelskiego – poprawione"
    data["action-publish"] = "action-publish"
    fields_before = list(consultation.form_fields.values_list("pk", "label"))

    response = editor.post(edit_url(consultation), data)

    assert response.status_code == 302, form_errors(response)
    page = ConsultationPage.objects.get(pk=consultation.pk)
    assert page.title == "Zasady budżetu obywatelskiego – poprawione"
    assert "Poprawiony opis." in str(page.body)
    assert page.start_at == consultation.start_at
    assert page.end_at == consultation.end_at
    assert [unit.label for unit in page.units.all()] == ["§ 1"]
    assert [meeting.place for meeting in page.meetings.all()] == ["Sala Sesyjna Urzędu Miejskiego"]
    assert list(page.form_fields.values_list("pk", "label")) == fields_before


# --- Polish labels in the editor ------------------------------------------------------------------


def test_consultation_editor_shows_polish_labels(editor, consultation):
    response = editor.get(edit_url(consultation))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    labels = {
        label.find(string=True, recursive=False).strip() for label in soup.select("label.w-field__label")
    }
    headings = {heading.get_text(" ", strip=True) for heading in soup.select(".w-panel__heading")}
    assert {
        "Początek konsultacji",
        "Koniec konsultacji",
        "Przedmiot konsultacji",
        "Osoba do kontaktu",
        "Moderacja",
        "Klauzula informacyjna RODO",
        "Powiadomienia dla moderatorów",
        "Podziękowanie po wysłaniu",
        "Wynik konsultacji",
        "Oznaczenie",
        "Początek spotkania",
        "Koniec spotkania",
        "Link do spotkania online",
        "Rodzaj pola",
        "Pokaż publicznie po zatwierdzeniu",
    } <= labels
    assert {
        "Opis konsultacji",
        "Termin",
        "Przedmiot konsultacji",
        "Spotkania konsultacyjne",
        "Kontakt",
        "Formularz uwag",
        "Po zakończeniu",
    } <= headings


def test_every_consultation_field_in_the_editor_has_a_label_of_its_own(editor, consultation):
    """No field falls back to the label Django makes from its name ("Start at", "Online url")."""
    form = editor.get(edit_url(consultation)).context["form"]
    # Wagtail's own fields (title, slug, the promote tab, comments) come translated by Wagtail.
    own_fields = {field.name for field in ConsultationPage._meta.concrete_fields} - {
        field.name for field in Page._meta.concrete_fields
    }
    shown = [("page", name, form.fields[name]) for name in sorted(own_fields) if name in form.fields]
    for formset_name, formset in form.formsets.items():
        if formset_name != "comments":
            shown += [
                (formset_name, name, field)
                for name, field in formset.empty_form.fields.items()
                if name not in ("id", "ORDER", "DELETE")
            ]

    unlabelled = [
        f"{where}.{name}: {field.label!r}"
        for where, name, field in shown
        if not field.label or str(field.label).lower() == name.replace("_", " ")
    ]

    assert {name for where, name, _field in shown if where == "page"} >= {
        "start_at",
        "end_at",
        "subject",
        "moderation_mode",
        "privacy_notice",
        "outcome",
    }
    assert set(form.formsets) >= {"units", "meetings", "documents", "outcome_documents", "form_fields"}
    assert unlabelled == []


# --- dates typed by hand --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "31.12.2026 23:59",
        "31.12.2026, 23:59",
        "31.12.2026 23.59",
        "31.12.2026 godz. 23:59",
        "31-12-2026 23:59",
        "31/12/2026 23:59",
        "2026-12-31 23:59",
        "2026-12-31T23:59",
        " 31.12.2026 23:59:00 ",
    ],
)
def test_end_date_typed_in_any_common_form_is_understood_exactly(editor, index, page_assertions, typed):
    page_assertions.assertCanCreate(index, ConsultationPage, consultation_form(end_at=typed))

    assert ConsultationPage.objects.get().end_at == datetime(2026, 12, 31, 23, 59, tzinfo=WARSAW)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("31.12.2026", "Podaj także godzinę, np. 31.12.2026 23:59."),
        ("2026-12-31", "Podaj także godzinę, np. 31.12.2026 23:59."),
        ("31 grudnia", "Nie rozpoznaliśmy tej daty i godziny."),
        ("32.12.2026 10:00", "Nie rozpoznaliśmy tej daty i godziny."),
        ("31.12.2026 24:30", "Nie rozpoznaliśmy tej daty i godziny."),
        ("jutro", "Nie rozpoznaliśmy tej daty i godziny."),
    ],
)
def test_end_date_that_is_not_understood_is_refused_and_kept_as_typed(editor, index, typed, message):
    response = post_refused(editor, index, consultation_form(end_at=typed))

    assert any(error.startswith(message) for error in form_errors(response)), form_errors(response)
    assert f'value="{escape(typed)}"' in response.text


def test_date_pickers_keep_what_the_editor_typed(editor, index):
    """Wagtail's picker puts the current time in place of a date it cannot read; our admin script
    turns that off before any picker starts."""
    html = editor.get(add_url(ConsultationPage, index)).text

    script = html.index("js/admin-dates.js")
    assert script < html.index("initDateTimeChooser(")
    assert html.index("jquery.datetimepicker.js") < script


# --- draft act units ------------------------------------------------------------------------------


def units(*items):
    return inline_formset(
        [{"label": label, "text": "Treść jednostki.", "anchor": anchor} for label, anchor in items]
    )


@pytest.mark.parametrize(
    "items, message",
    [
        ([("§ 1", ""), ("§ 1", "")], "Oznaczenie „§ 1” ma już inna jednostka."),
        ([("§ 1", ""), ("§  1 ", "")], "Oznaczenie „§  1” ma już inna jednostka."),
        ([("§ 1", ""), ("§ 1.", "")], "Ta jednostka dostałaby ten sam adres (#par-1) co „§ 1”."),
        ([("§ 1", ""), ("§ 2", "par-1")], "Ta jednostka dostałaby ten sam adres (#par-1) co „§ 1”."),
    ],
    ids=["same label", "same label, other spacing", "same address", "same address typed"],
)
def test_two_units_alike_are_refused_with_a_message(editor, index, items, message):
    response = post_refused(editor, index, consultation_form(units=units(*items)))

    assert any(error.startswith(message) for error in form_errors(response)), form_errors(response)
    assert message.split("„")[0] in response.text


def test_a_deleted_duplicate_unit_is_no_obstacle(editor, index):
    data = consultation_form(units=units(("§ 1", ""), ("§ 1", "")))
    data["units-1-DELETE"] = "on"
    data["action-publish"] = "action-publish"

    response = editor.post(add_url(ConsultationPage, index), data)

    assert response.status_code == 302, form_errors(response)
    assert [unit.label for unit in ConsultationPage.objects.get().units.all()] == ["§ 1"]


# --- the main button ------------------------------------------------------------------------------


def main_button(html):
    """The action menu's default button: the first button of the footer's dropdown."""
    soup = BeautifulSoup(html, "html.parser")
    footer = soup.select_one("footer") or soup
    button = footer.select_one("button[type='submit'], button[name]")
    return button.get("name", ""), button.get_text(" ", strip=True)


def test_publish_is_the_main_button_for_those_who_may_publish(editor, index, consultation):
    for url in (add_url(ConsultationPage, index), edit_url(consultation)):
        name, text = main_button(editor.get(url).text)
        assert name == "action-publish", url
        assert "Opublikuj" in text


def test_save_draft_stays_the_main_button_for_those_who_may_not_publish(client, index, consultation):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Autorzy")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=index,
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    author = get_user_model().objects.create_user("autor", password="x")
    author.groups.add(group)
    client.force_login(author)

    name, text = main_button(client.get(edit_url(consultation)).text)

    assert name != "action-publish"
    assert "Opublikuj" not in text
