from .articles import ArticleIndexPage, ArticlePage
from .legal import LegalActConsultation, LegalActDocument, LegalActIndexPage, LegalActPage
from .library import Material, MaterialsIndexPage
from .news import NewsIndexPage, NewsPage
from .tags import Tag, TaggedArticle, TaggedMaterial

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
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
]
