"""Demo content of the knowledge part of the site: articles (good practices, education, what works in
Sosnowiec), legal acts (one linked to a demo consultation), the materials library and news.
Texts are written from the city's facts in our own words; pictures are drawn here with Pillow and
documents are small PDFs made here, so nothing is downloaded. Safe to run twice."""

from home.demo import demo_builder
from home.models import HomePage

# Trainings, the contact form and the accessibility request form have their own modules; importing
# them registers their builders, as does the library's (it also picks materials for the home page).
from . import demo_accessibility, demo_trainings  # noqa: F401
from .demo.articles import build_articles
from .demo.images import demo_images
from .demo.legal import build_legal_acts
from .demo.library import build_library
from .demo.news import build_news


@demo_builder(order=30)
def build_materials(stdout):
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    images = demo_images()
    build_news(home, images, stdout)
    build_articles(home, images, stdout)
    build_legal_acts(home, stdout)
    build_library(home, stdout)
