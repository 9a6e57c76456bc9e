"""The voting page as a page type: where it may stand, the editor's path, and who sees the admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from consultation.models import BudgetEditionPage, BudgetIndexPage, VotingPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_voting_page_stands_only_under_an_edition_once(page_assertions, voting):
    page_assertions.assertAllowedParentPageTypes(VotingPage, {BudgetEditionPage})
    page_assertions.assertCanNotCreateAt(HomePage, VotingPage)
    page_assertions.assertCanNotCreateAt(BudgetIndexPage, VotingPage)
    assert not VotingPage.can_create_at(voting.edition), "one voting page per edition"


def test_editor_creates_a_voting_page_with_its_rules(client, admin_user, budget, page_assertions):
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Głosowanie",
            "slug": "glosowanie-2027",
            "lead": "",
            "body": streamfield([]),
            "citywide_choices": "2",
            "area_choices": "1",
            "area_rule": "own",
            "identity_method": "pesel",
            "email_codes_allowed": "on",
            "ballots_per_phone": "3",
            "duplicate_rule": "void_all",
            "retention_days": "60",
            "privacy_notice": "",
        }
    )
    page_assertions.assertCanCreate(budget.edition, VotingPage, data)
    page = VotingPage.objects.get(slug="glosowanie-2027")
    assert (page.citywide_choices, page.identity_method, page.duplicate_rule) == (2, "pesel", "void_all")


def test_ballot_admin_is_for_moderators(client, voting, moderator, django_user_model):
    editor = django_user_model.objects.create_user("redaktor", password="x", is_staff=True)
    client.force_login(editor)
    assert client.get(reverse("ballots:index")).status_code in (302, 403)
    assert client.get(reverse("ballots:paper", args=[voting.page.pk])).status_code in (302, 403)
    client.force_login(moderator)
    assert client.get(reverse("ballots:index")).status_code == 200
    assert client.get(reverse("ballots:paper", args=[voting.page.pk])).status_code == 200
