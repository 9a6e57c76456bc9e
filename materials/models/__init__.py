from .accessibility import AccessibilityRequestFormPage
from .articles import ArticleIndexPage, ArticlePage
from .contact import FormPage
from .legal import LegalActConsultation, LegalActDocument, LegalActIndexPage, LegalActPage
from .library import Material, MaterialsIndexPage
from .news import NewsIndexPage, NewsPage
from .tags import Tag, TaggedArticle, TaggedMaterial
from .trainings import TrainingDocument, TrainingIndexPage, TrainingPage

__all__ = [
    "AccessibilityRequestFormPage",
    "ArticleIndexPage",
    "ArticlePage",
    "FormPage",
    "LegalActConsultation",
    "LegalActDocument",
    "LegalActIndexPage",
    "LegalActPage",
    "Material",
    "MaterialsIndexPage",
    "NewsIndexPage",
    "NewsPage",
    "Tag",
    "TaggedArticle",
    "TaggedMaterial",
    "TrainingDocument",
    "TrainingIndexPage",
    "TrainingPage",
]
