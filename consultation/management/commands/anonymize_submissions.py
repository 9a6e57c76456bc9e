from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from consultation.models import Submission
from home.models import SiteSettings


class Command(BaseCommand):
    help = (
        "Strips personal data (signature, e-mail and other non-public fields, IP hash) from submissions "
        "of forms closed longer than the retention period in site settings. Keeps content and decisions. "
        "Safe to run daily."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        retention_days = SiteSettings.for_site(site).retention_days if site else SiteSettings().retention_days
        cutoff = timezone.now() - timezone.timedelta(days=retention_days)
        count = 0
        pages = {}
        candidates = Submission.objects.filter(anonymized_at__isnull=True).select_related("page")
        for submission in candidates.iterator():
            page = pages.get(submission.page_id)
            if page is None:
                page = pages[submission.page_id] = submission.page.specific
            closed_at = page.submissions_closed_at()
            if closed_at is None or closed_at > cutoff:
                continue
            with transaction.atomic():
                submission.anonymize(page.personal_field_names())
            count += 1
        self.stdout.write(f"Zanonimizowano zgłoszeń: {count} (okres przechowywania: {retention_days} dni).")
