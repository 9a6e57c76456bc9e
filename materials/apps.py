from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Materiały, szkolenia i aktualności")

    def ready(self):
        from wagtail.signals import page_published

        from .models import TrainingPage

        page_published.connect(
            give_new_seats_to_reserve_list, sender=TrainingPage, dispatch_uid="materials-training-seats"
        )


def give_new_seats_to_reserve_list(sender, instance, **kwargs):
    """A training published with more seats gives them to the people first on the reserve list."""
    instance.promote_waiting()
