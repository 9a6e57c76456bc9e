"""The certificate of attendance ("zaświadczenie o udziale w szkoleniu") as a PDF made with
WeasyPrint from an HTML template. Fonts come from the system (Debian's DejaVu through Pango), so
Polish letters need nothing downloaded."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from home.models import SiteSettings


def certificate_pdf(request, training, name):
    from weasyprint import HTML

    html = render_to_string(
        "materials/certificate.html",
        {
            "training": training,
            "name": name,
            "settings": SiteSettings.for_request(request),
            "issued_on": timezone.localdate(),
            "hours": round((training.ends_at - training.starts_at).total_seconds() / 3600, 1),
        },
    )
    return HTML(string=html).write_pdf()


def certificate_response(request, training, name):
    response = HttpResponse(certificate_pdf(request, training, name), content_type="application/pdf")
    filename = f"zaswiadczenie-{slugify(training.slug)}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
