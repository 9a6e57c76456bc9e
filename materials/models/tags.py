"""The tags of articles and materials: one vocabulary for both, with ASCII slugs so a tag's address
reads well (budżet → /tag/budzet/, szkoła → /tag/szkola/)."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.coreutils import string_to_ascii

SLUG_LENGTH = 90  # the slug column holds 100: room for a "-12" that keeps it unique


class Tag(TagBase):
    class Meta:
        verbose_name = _("tag tematyczny")
        verbose_name_plural = _("tagi tematyczne")

    def slugify(self, tag, i=None):
        slug = slugify(string_to_ascii(tag))[:SLUG_LENGTH].strip("-") or "tag"
        return f"{slug}-{i}" if i is not None else slug


class TaggedArticle(ItemBase):
    tag = models.ForeignKey(Tag, related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "materials.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("tag artykułu")
        verbose_name_plural = _("tagi artykułów")


class TaggedMaterial(ItemBase):
    tag = models.ForeignKey(Tag, related_name="tagged_materials", on_delete=models.CASCADE)
    content_object = ParentalKey("materials.Material", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("tag materiału")
        verbose_name_plural = _("tagi materiałów")
