"""Removes voters' personal data after each voting page's retention period (counted from the end of
the vote) and, once an edition is in its realisation phase, the identity keys too (they only block
a second ballot). Waiting ballots older than a day go as well. Run it daily, e.g. from cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from consultation.choices import BudgetPhase
from consultation.models import Ballot, VoteCode, VotingPage


class Command(BaseCommand):
    help = "Removes voters' personal data after the retention period and identity keys of closed editions."

    def handle(self, *args, **options):
        today = timezone.localdate()
        for page in VotingPage.objects.all():
            edition = page.edition
            ballots = Ballot.objects.filter(page=page)
            if today > page.personal_data_expires_on():
                removed = ballots.exclude(personal_data={}).update(personal_data={})
                self.stdout.write(f"{edition.title}: usunięto dane osobowe z {removed} kart")
            if edition.current_phase == BudgetPhase.REALISATION:
                cleared = ballots.exclude(identity_key=None).update(identity_key=None, phone_key="")
                if cleared:
                    self.stdout.write(f"{edition.title}: usunięto skróty tożsamości z {cleared} kart")
        deleted, _ = VoteCode.objects.filter(sent_at__lt=timezone.now() - timedelta(days=1)).delete()
        self.stdout.write(f"Usunięto {deleted} niepotwierdzonych kodów.")
