"""The voting benchmark (issue "Measured"): 1 000 ballots confirmed at concurrency 8, then the
count, every ballot saved exactly once; then 500 simultaneous confirmations by 50 people, which
must give exactly 50 ballots. Each confirmation is what the code step does after the form: the code
checked (one counted attempt) and the ballot saved under its unique constraints. Run it on
PostgreSQL (DATABASE_URL); it builds its own edition under the root page and removes it after."""

import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import timedelta
from multiprocessing import get_context

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import Page

from consultation.choices import ProposalStatus
from consultation.models import (
    Ballot,
    BallotChoice,
    BudgetArea,
    BudgetEditionPage,
    BudgetProjectPage,
    VoteCode,
    VotingPage,
)
from consultation.voting import codes, identity
from consultation.voting.ballots import AlreadyVoted, PhoneLimitReached, cast_online
from consultation.voting.tally import counts, write_counts

DAY = timedelta(days=1)


def edition_in_voting(districts, **fields):
    """An unsaved budget edition on its fifth day of voting, with a district per name in `districts`
    (also the whole-site benchmark's, sosnowiec_bo/bench)."""
    start = timezone.localdate() - 95 * DAY
    edition = BudgetEditionPage(
        citywide_pool=2_500_000,
        citywide_cost_limit=1_000_000,
        submission_start=start,
        submission_end=start + 30 * DAY,
        verification_end=start + 60 * DAY,
        appeals_end=start + 75 * DAY,
        voting_start=start + 90 * DAY,
        voting_end=start + 104 * DAY,
        results_date=start + 110 * DAY,
        realisation_start=start + 150 * DAY,
        **fields,
    )
    edition.areas = [
        BudgetArea(name=f"Dzielnica {name}", pool_amount=500_000, cost_limit=150_000) for name in districts
    ]
    return edition


def build_edition(year):
    edition = edition_in_voting(
        range(4),
        title=f"Benchmark głosowania {year}",
        slug=f"bench-voting-{year}-{int(time.time())}",
        year=year,
    )
    Page.get_first_root_node().add_child(instance=edition)
    projects = []
    for number in range(1, 41):
        area = edition.areas.all()[number % 5 - 1] if number % 5 else None
        project = BudgetProjectPage(
            title=f"Projekt {number}",
            slug=f"p{number}",
            number=number,
            cost=50_000,
            area=area,
            status=ProposalStatus.ON_BALLOT,
        )
        edition.add_child(instance=project)
        projects.append(project)
    page = VotingPage(title="Głosowanie", slug="glosowanie", ballots_per_phone=50)
    edition.add_child(instance=page)
    return edition, page, projects


def waiting_ballot(page, projects, person, phone):
    citywide = [p for p in projects if p.area_id is None]
    local = [p for p in projects if p.area_id is not None]
    chosen = [citywide[person % len(citywide)].pk, local[person % len(local)].pk]
    vote_code = VoteCode(
        page=page,
        project_ids=chosen,
        area_id=local[person % len(local)].area_id,
        identity_key=identity.keyed_hash("bench", page.pk, person),
        phone_key=identity.phone_key(page.pk, phone),
        personal_data={"telefon": phone},
    )
    code = codes.new_secret(vote_code)
    vote_code.save()
    return vote_code, code


def confirm_by_keys(keys):
    """`confirm` in a worker process, which reads its page and waiting ballot itself."""
    page_pk, code_pk, code = keys
    return confirm(VotingPage.objects.get(pk=page_pk), VoteCode.objects.get(pk=code_pk), code)


def confirm(page, vote_code, code):
    """The code step after its form: one counted attempt, then the ballot saved once."""
    try:
        result, _left = codes.check(vote_code, code)
        if result != codes.CodeCheck.OK:
            return "wrong"
        cast_online(page, vote_code)
        return "saved"
    except (AlreadyVoted, PhoneLimitReached):
        return "refused"


class Command(BaseCommand):
    help = "Benchmark of online voting on the configured database: ballots per second and the duplicate race."

    def add_arguments(self, parser):
        parser.add_argument("--ballots", type=int, default=1000)
        parser.add_argument("--concurrency", type=int, default=8)
        parser.add_argument("--attempts", type=int, default=500)
        parser.add_argument("--people", type=int, default=50)
        parser.add_argument("--keep", action="store_true", help="Keep the benchmark edition afterwards.")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stderr.write("Uwaga: to nie PostgreSQL – wynik nie mówi nic o produkcji.")
        edition, page, projects = build_edition(2099)
        try:
            self.throughput(page, projects, options)
            self.race(page, projects, options)
        finally:
            if not options["keep"]:
                Ballot.objects.filter(page=page).delete()
                # Projects first: a district's projects protect the district from deletion.
                for project in BudgetProjectPage.objects.child_of(edition):
                    project.delete()
                edition.delete()

    def throughput(self, page, projects, options):
        total = options["ballots"]
        waiting = [
            waiting_ballot(page, projects, person, f"+48{500000000 + person // 3}") for person in range(total)
        ]
        keys = [(page.pk, vote_code.pk, code) for vote_code, code in waiting]
        # Worker processes, as the site's gunicorn workers are: threads of one process would measure
        # Python's global interpreter lock rather than the database. Each opens its own connection.
        connections.close_all()
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=options["concurrency"], mp_context=get_context("fork")) as pool:
            results = list(pool.map(confirm_by_keys, keys, chunksize=10))
        elapsed = time.perf_counter() - started
        saved = Ballot.objects.filter(page=page).count()
        counted = sum(online + paper for online, paper in counts(page).values())
        write_counts(page)
        once = (
            saved == total == results.count("saved")
            and counted == BallotChoice.objects.filter(ballot__page=page).count() == 2 * total
        )
        self.stdout.write(
            f"{total} kart potwierdzonych przy współbieżności {options['concurrency']} w {elapsed:.2f} s: "
            f"{total / elapsed:.0f} kart/s; zapisane dokładnie raz: {'tak' if once else 'NIE'}"
        )
        if not once:
            raise CommandError("Liczba zapisanych kart nie zgadza się z liczbą potwierdzeń.")

    def race(self, page, projects, options):
        attempts, people = options["attempts"], options["people"]
        before = Ballot.objects.filter(page=page).count()
        waiting = [
            waiting_ballot(page, projects, 100_000 + attempt % people, f"+48{700000000 + attempt}")
            for attempt in range(attempts)
        ]
        workers = min(attempts, 50)
        barrier = threading.Barrier(workers)

        def run(worker):
            barrier.wait()
            return [confirm(page, *item) for item in waiting[worker::workers]]

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = [result for chunk in pool.map(run, range(workers)) for result in chunk]
        elapsed = time.perf_counter() - started
        saved = Ballot.objects.filter(page=page).count() - before
        self.stdout.write(
            f"{attempts} jednoczesnych prób {people} osób ({workers} wątków, {elapsed:.2f} s): "
            f"zapisano {saved} kart, odmówiono {results.count('refused')}"
        )
        if saved != people:
            raise CommandError(f"Oczekiwano {people} kart, zapisano {saved}.")
