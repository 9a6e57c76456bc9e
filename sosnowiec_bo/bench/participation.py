"""What residents send, in bulk: consultations with their comments, budget editions with their
projects and ballots, trainings with their registrations. Form pages get their default form fields
only through the model, so they go through `add_child`; there are few of them."""

from datetime import timedelta

from django.utils import timezone

from consultation.choices import BallotChannel, ProposalStatus, SubmissionStatus
from consultation.management.commands.bench_voting import edition_in_voting
from consultation.models import (
    Ballot,
    BallotChoice,
    BudgetProjectPage,
    ConsultationPage,
    DraftActUnit,
    PrivacyNotice,
    Submission,
    VotingPage,
)
from consultation.voting import identity
from home.demo import paragraph, stream
from materials.choices import TrainingAudience
from materials.models import TrainingPage

from .rows import BATCH, DAY, add_pages, sentence


def make_consultations(index, counts, rng):
    """Consultations, the first open with `units` units of a draft act and `comments` approved comments."""
    notice = PrivacyNotice.objects.first()
    now = timezone.now().replace(microsecond=0)
    big = None
    for number in range(counts.consultations):
        opened = now - (3 + number * 20) * DAY
        page = ConsultationPage(
            title=f"Konsultacja: {sentence(rng, 5)[:-1]} {number + 1}",
            slug=f"konsultacja-benchmark-{number + 1}",
            lead=sentence(rng, 25),
            start_at=opened,
            end_at=now + 14 * DAY if number == 0 else opened + 30 * DAY,
            privacy_notice=notice,
            notify_emails="moderacja@sosnowiec.invalid",
            body=stream(paragraph(sentence(rng, 60), sentence(rng, 40))),
        )
        page.units = [
            DraftActUnit(label=f"§ {unit + 1}", text=sentence(rng, 30))
            for unit in range(counts.units if number == 0 else 3)
        ]
        index.add_child(instance=page)
        big = big or page
    fields = {field.field_type: field.clean_name for field in big.get_form_fields()}
    anchors = [unit.anchor for unit in big.units.all()]
    Submission.objects.bulk_create(
        (
            Submission(
                page=big,
                form_data={
                    fields["singleline"]: f"Mieszkaniec {number + 1}",
                    fields["multiline"]: sentence(rng, rng.randint(10, 60)),
                    fields["consent"]: True,
                },
                unit_anchor=anchors[number % len(anchors)] if number % 5 else "",
                status=SubmissionStatus.APPROVED,
                consent_at=now,
                decided_at=now,
            )
            for number in range(counts.comments)
        ),
        batch_size=BATCH,
    )
    return big


def make_editions(index, counts, images, rng):
    """Budget editions in voting, with their projects, a voting page and valid online ballots."""
    per_edition = counts.projects // counts.editions
    ballots_per_edition = counts.ballots // counts.editions
    editions = []
    for number in range(counts.editions):
        year = 2090 + number
        edition = edition_in_voting(
            ("Pogoń", "Zagórze", "Środula", "Klimontów"),
            title=f"Budżet obywatelski – benchmark {year}",
            slug=f"benchmark-{year}",
            year=year,
            lead=sentence(rng, 20),
        )
        index.add_child(instance=edition)
        areas = list(edition.areas.all())
        projects = add_pages(
            edition,
            [
                BudgetProjectPage(
                    title=f"{sentence(rng, 4)[:-1]} – projekt {p + 1}",
                    slug=f"projekt-{p + 1}",
                    number=p + 1,
                    lead=sentence(rng, 20),
                    cost=20_000 + 1_000 * (p % 100),
                    area=areas[p % 5 - 1] if p % 5 else None,
                    status=ProposalStatus.ON_BALLOT,
                    social_image=images[p % len(images)],
                )
                for p in range(per_edition)
            ],
        )
        voting = VotingPage(
            title="Głosuj", slug=f"glosowanie-{year}", privacy_notice=PrivacyNotice.objects.first()
        )
        edition.add_child(instance=voting)
        ballots(voting, projects, ballots_per_edition)
        editions.append(edition)
    return editions


def ballots(voting, projects, count):
    citywide = [project for project in projects if project.area_id is None]
    local = [project for project in projects if project.area_id is not None] or citywide
    rows = [
        Ballot(
            page=voting,
            channel=BallotChannel.ONLINE,
            identity_key=identity.keyed_hash("bench", voting.pk, person),
            area_id=local[person % len(local)].area_id,
        )
        for person in range(count)
    ]
    Ballot.objects.bulk_create(rows, batch_size=BATCH)
    BallotChoice.objects.bulk_create(
        (
            BallotChoice(ballot=ballot, project=chosen)
            for person, ballot in enumerate(rows)
            for chosen in {citywide[person % len(citywide)], local[person % len(local)]}
        ),
        batch_size=2 * BATCH,
    )


def make_trainings(index, counts, rng):
    notice = PrivacyNotice.objects.first()
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + 10 * DAY
    for number in range(counts.trainings):
        starts = start + (number % 60 - 20) * DAY
        page = TrainingPage(
            title=f"Szkolenie: {sentence(rng, 4)[:-1]} {number + 1}",
            slug=f"szkolenie-benchmark-{number + 1}",
            lead=sentence(rng, 20),
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            registration_opens_at=starts - 30 * DAY,
            registration_closes_at=starts - timedelta(hours=12),
            place="Sala Sesyjna",
            address="al. Zwycięstwa 20, 41-200 Sosnowiec",
            trainer="Zespół ds. budżetu obywatelskiego",
            capacity=30,
            audience=[TrainingAudience.RESIDENTS],
            privacy_notice=notice,
            programme=stream(paragraph(sentence(rng, 30))),
        )
        index.add_child(instance=page)
        fields = {field.label: field.clean_name for field in page.get_form_fields()}
        Submission.objects.bulk_create(
            Submission(
                page=page,
                form_data={fields["Imię i nazwisko"]: f"Uczestnik {person + 1}", fields["E-mail"]: ""},
                status=page.initial_status(),
                consent_at=timezone.now(),
            )
            for person in range(counts.registrations)
        )
