"""One ballot per person and the phone limit when attempts meet: a simulated race, and real threads,
each with its own database connection, on PostgreSQL and SQLite alike (on SQLite a file copy of the
test database, see tests/live_threads.py)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.db import connection
from django.db.models import QuerySet

from consultation.choices import BallotChannel
from consultation.models import Ballot, VoteCode
from consultation.voting import codes, identity
from consultation.voting.ballots import AlreadyVoted, PhoneLimitReached, cast_online


def waiting(page, projects, person, phone="+48600000001"):
    vote_code = VoteCode(
        page=page,
        project_ids=[projects["park"].pk],
        identity_key=identity.keyed_hash("test", page.pk, person),
        phone_key=identity.phone_key(page.pk, phone),
        personal_data={"telefon": phone},
    )
    code = codes.new_secret(vote_code)
    vote_code.save()
    return vote_code, code


def competitor_first(competing):
    """Lets a competing ballot in right after the phone's places are counted, as if another request
    had saved it between our check and our insert."""
    real_count = QuerySet.count
    calls = []

    def count(queryset):
        result = real_count(queryset)
        if queryset.model is Ballot and not calls:
            calls.append(1)
            Ballot.objects.create(**competing())
        return result

    return mock.patch.object(QuerySet, "count", autospec=True, side_effect=count)


@pytest.mark.django_db
def test_simulated_race_of_one_person_saves_one_ballot(voting):
    vote_code, _code = waiting(voting.page, voting.projects, 1)
    competing = {
        "page": voting.page,
        "identity_key": vote_code.identity_key,
        "phone_key": "other",
        "phone_slot": 1,
    }
    with competitor_first(lambda: competing):
        with pytest.raises(AlreadyVoted):
            cast_online(voting.page, vote_code)
    # The competitor's transaction is ours here, so it rolls back with it; ours was never saved.
    assert not Ballot.objects.filter(phone_key=vote_code.phone_key).exists()


@pytest.mark.django_db
def test_simulated_race_for_the_last_place_of_a_phone(voting):
    voting.page.ballots_per_phone = 2
    voting.page.save()
    first, _ = waiting(voting.page, voting.projects, 1)
    cast_online(voting.page, first)
    second, _ = waiting(voting.page, voting.projects, 2)
    # Another family member takes place 2 of the same phone between our count and our insert.
    competing = {
        "page": voting.page,
        "identity_key": "someone-else",
        "phone_key": first.phone_key,
        "phone_slot": 2,
    }
    with competitor_first(lambda: competing):
        with pytest.raises(PhoneLimitReached):
            cast_online(voting.page, second)
    assert list(Ballot.objects.values_list("identity_key", flat=True)) == [first.identity_key]


def confirm(page, vote_code, code):
    try:
        result, _left = codes.check(vote_code, code)
        assert result == codes.CodeCheck.OK
        cast_online(page, vote_code)
        return "saved"
    except (AlreadyVoted, PhoneLimitReached):
        return "refused"
    finally:
        connection.close()


def simultaneously(page, started):
    barrier = threading.Barrier(len(started))

    def run(item):
        barrier.wait()
        return confirm(page, *item)

    with ThreadPoolExecutor(max_workers=len(started)) as pool:
        return list(pool.map(run, started))


# One test: a transactional test empties the database when it ends (Wagtail's root page included).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_attempts_one_ballot_per_person_and_the_phone_limit(own_connections, voting):
    people, attempts = 5, 40
    voting.page.ballots_per_phone = 3
    voting.page.save()
    started = [waiting(voting.page, voting.projects, n % people, f"+4860000{n:04d}") for n in range(attempts)]
    results = simultaneously(voting.page, started)
    assert results.count("saved") == people == Ballot.objects.filter(channel=BallotChannel.ONLINE).count()
    assert len(set(Ballot.objects.values_list("identity_key", flat=True))) == people

    family = [waiting(voting.page, voting.projects, 100 + n, "+48600999999") for n in range(12)]
    results = simultaneously(voting.page, family)
    assert results.count("saved") == 3 == Ballot.objects.filter(phone_key=family[0][0].phone_key).count()
