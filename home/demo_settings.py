"""The demo site settings: the office's contact details, the funding notice and the footer logos,
drawn here with Pillow."""

import math

from django.utils.text import slugify
from PIL import ImageFont
from wagtail.models import Site

from .demo import drawn_image
from .models import FooterLogo, SiteSettings

FUNDING_NOTICE = (
    "Projekt „Wdrożenie aktów prawnych, szkoleń, doradztwa i platformy online do konsultacji "
    "społecznych związanych z budżetem partycypacyjnym w Sosnowcu” jest współfinansowany przez Unię "
    "Europejską w ramach Programu Operacyjnego Kapitał Ludzki, Priorytet V „Dobre rządzenie”, "
    "Działanie 5.4, Poddziałanie 5.4.2 „Rozwój dialogu obywatelskiego”."
)


def _site_settings(home):
    site = Site.objects.get(is_default_site=True)
    settings_obj = SiteSettings.for_site(site)
    if settings_obj.address:
        return
    settings_obj.organisation = "Urząd Miejski w Sosnowcu"
    settings_obj.address = "Al. Zwycięstwa 20\n41-200 Sosnowiec"
    settings_obj.phone = "+48 32 296 00 00"
    settings_obj.email = "budzet@sosnowiec.invalid"
    settings_obj.office_hours = "pon.–pt. 7:30–15:30"
    settings_obj.funding_notice = FUNDING_NOTICE
    settings_obj.copyright_line = "Budżet Obywatelski w Sosnowcu © 2026. Wszelkie prawa zastrzeżone."
    children = {page.slug: page for page in home.get_children()}
    settings_obj.privacy_page = children.get("polityka-prywatnosci")
    settings_obj.save()
    if not settings_obj.footer_logos.exists():
        for number, (title, alt_text, link_url, draw) in enumerate(FOOTER_LOGOS):
            FooterLogo.objects.create(
                settings=settings_obj,
                image=_logo_image(title, draw),
                alt_text=alt_text,
                link_url=link_url,
                sort_order=number,
            )


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _draw_programme(draw):
    draw.rounded_rectangle((10, 20, 90, 100), radius=12, fill="#0b4f8a")
    draw.ellipse((32, 30, 68, 66), fill="#f2b705")
    draw.text((110, 28), "KAPITAŁ", font=_font(30), fill="#0b4f8a")
    draw.text((110, 64), "LUDZKI", font=_font(30), fill="#e0523f")


def _draw_poland(draw):
    draw.rectangle((10, 25, 110, 60), fill="#ffffff", outline="#999999")
    draw.rectangle((10, 60, 110, 95), fill="#dc143c")
    draw.text((125, 30), "Rzeczpospolita", font=_font(24), fill="#222222")
    draw.text((125, 62), "Polska", font=_font(24), fill="#222222")


def _draw_union(draw):
    draw.rectangle((10, 20, 130, 100), fill="#003399")
    for point in range(12):
        angle = math.radians(point * 30)
        x, y = 70 + 26 * math.cos(angle), 60 + 26 * math.sin(angle)
        draw.regular_polygon((x, y, 5), 5, fill="#ffcc00")
    draw.text((145, 24), "UNIA EUROPEJSKA", font=_font(20), fill="#003399")
    draw.text((145, 52), "Europejski Fundusz", font=_font(18), fill="#222222")
    draw.text((145, 76), "Społeczny", font=_font(18), fill="#222222")


FOOTER_LOGOS = [
    # (image title, alt text, link, drawing)
    ("Logo: Kapitał Ludzki", "Kapitał Ludzki – Narodowa Strategia Spójności", "", _draw_programme),
    ("Logo: Rzeczpospolita Polska", "Rzeczpospolita Polska", "", _draw_poland),
    (
        "Logo: Unia Europejska, EFS",
        "Unia Europejska – Europejski Fundusz Społeczny",
        "https://commission.europa.eu/funding-tenders_pl",
        _draw_union,
    ),
]


def _logo_image(title, draw_logo):
    """A 360×120 PNG drawn here with Pillow, created once by title."""
    return drawn_image(title, slugify(title) + ".png", (360, 120), "#ffffff", draw_logo, image_format="PNG")
